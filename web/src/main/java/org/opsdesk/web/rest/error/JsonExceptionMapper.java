package org.opsdesk.web.rest.error;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON expected. */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return ErrorBody.response(400, "invalid_json", "The JSON body could not be read: " + firstLine(e.getMessage()));
    }

    static String firstLine(String s) {
        if (s == null) {
            return "malformed JSON.";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
