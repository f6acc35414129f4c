package org.opsdesk.web.rest.alert;

import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.opsdesk.application.AlertSecretRejectedException;
import org.opsdesk.web.rest.error.ErrorBody;

/** A wrong source secret: 401 in the API's error shape, logged with source and client but never the secret. */
@Provider
public class AlertSecretRejectedMapper implements ExceptionMapper<AlertSecretRejectedException> {

    private static final Logger LOG = Logger.getLogger(AlertSecretRejectedMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(AlertSecretRejectedException e) {
        LOG.warning(() -> "Refused an alert notification: " + e.getMessage() + " (client "
                + (request == null ? "?" : request.getRemoteAddr()) + ", path "
                + (request == null ? "?" : request.getRequestURI()) + ")");
        return Response.fromResponse(ErrorBody.response(401, "unauthorized", e.getMessage()))
                .header("WWW-Authenticate", "Basic realm=\"OpsDesk\", Bearer realm=\"OpsDesk\"").build();
    }
}
