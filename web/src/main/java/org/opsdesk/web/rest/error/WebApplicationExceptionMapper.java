package org.opsdesk.web.rest.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (unknown path, wrong method or media type, bad parameter) in the API's error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** RESTEasy's message for a parameter it could not convert: {@code QueryParam("limit") value is 'ten'}. */
    private static final Pattern UNCONVERTIBLE = Pattern.compile(
            "(Query|Path)Param\\(\"?([^\")]*)\"?\\) value is '([^']*)'");

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e.getResponse().getEntity() instanceof ErrorBody) {
            return e.getResponse(); // ours already, with its headers (e.g. Retry-After)
        }
        int status = e.getResponse().getStatus();
        String code;
        String message;
        Matcher parameter = UNCONVERTIBLE.matcher(String.valueOf(e.getMessage()));
        boolean unconvertible = e instanceof NotFoundException && e.getCause() != null && parameter.find();
        if (unconvertible && parameter.group(1).equals("Query")) {
            // JAX-RS answers 404 for a query parameter of the wrong type, as if the resource did not exist
            status = 400;
            code = "invalid_parameter";
            message = "The query parameter '" + parameter.group(2) + "' cannot be '" + clip(parameter.group(3))
                    + "': " + expected(e.getCause()) + ".";
        } else if (unconvertible) { // a path parameter
            code = "not_found";
            message = "No such API resource: '" + clip(parameter.group(3)) + "' is not a valid {" + parameter.group(2)
                    + "} (" + expected(e.getCause()) + ").";
        } else if (e instanceof NotFoundException) {
            code = "not_found";
            message = "No such API resource; see /openapi for the API.";
        } else if (e instanceof NotAllowedException) {
            code = "method_not_allowed";
            message = "This resource does not answer that method; allowed: " + e.getResponse().getAllowedMethods() + ".";
        } else if (e instanceof NotSupportedException) {
            code = "unsupported_media_type";
            String sent = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
            message = (sent == null ? "A body without a Content-Type" : "A body of type " + clip(sent))
                    + " is not taken here: JSON endpoints take application/json, the mail intake message/rfc822,"
                    + " the Nagios intake also a form, wiki files and imports their own type (see /openapi).";
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
        Object challenge = e.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
        if (challenge != null) { // a 401 says how to authenticate (NotAuthorizedException's challenge)
            return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
        }
        return r;
    }

    private static String clip(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }

    /** What the parameter should have been, from the conversion's failure. */
    private static String expected(Throwable cause) {
        return cause instanceof NumberFormatException ? "it must be a whole number in range"
                : cause instanceof IllegalArgumentException ? "it is not one of the accepted values"
                : "it has the wrong format";
    }
}
