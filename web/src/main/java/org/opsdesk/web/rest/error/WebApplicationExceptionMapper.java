package org.opsdesk.web.rest.error;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (unknown path, wrong method or media type, bad parameter) in the API's error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code;
        String message;
        if (e instanceof NotFoundException) {
            code = "not_found";
            message = "No such API resource; see /openapi for the API.";
        } else if (e instanceof NotAllowedException) {
            code = "method_not_allowed";
            message = "This resource does not answer that method; allowed: " + e.getResponse().getAllowedMethods() + ".";
        } else if (e instanceof NotSupportedException) {
            code = "unsupported_media_type";
            message = "Send the body as application/json.";
        } else if (status == 400) {
            code = "bad_request";
            message = "The request could not be read: check the JSON body and the parameters.";
        } else {
            code = "http_" + status;
            message = e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
        }
        Response r = ErrorBody.response(status, code, message);
        if (e instanceof NotAllowedException) {
            return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
        }
        return r;
    }
}
