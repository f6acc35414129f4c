package org.opsdesk.web.rest.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of every API error: {@code {"error": code, "message": human text}}. */
public record ErrorBody(String error, String message) {

    public static Response response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, message)).build();
    }
}
