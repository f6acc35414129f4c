package org.opsdesk.web.rest.error;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.opsdesk.web.http.NulCharacters;

/**
 * Refuses an API request whose JSON body, path or query holds a NUL character with 400 {@code invalid_text} (see
 * {@link NulCharacters}). A JSON body is read here once and handed on as read.
 */
@Provider
public class NulInJsonFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        if (NulCharacters.in(context.getUriInfo().getPath(true)) || anyNul(context.getUriInfo().getQueryParameters())) {
            context.abortWith(ErrorBody.response(400, NulCharacters.CODE, NulCharacters.MESSAGE));
            return;
        }
        MediaType type = context.getMediaType();
        if (type == null || !context.hasEntity() || !"json".equals(type.getSubtype())
                && !type.getSubtype().endsWith("+json")) {
            return;
        }
        byte[] body = context.getEntityStream().readAllBytes();
        if (NulCharacters.inJson(body)) {
            context.abortWith(ErrorBody.response(400, NulCharacters.CODE, NulCharacters.MESSAGE));
            return;
        }
        context.setEntityStream(new ByteArrayInputStream(body));
    }

    private static boolean anyNul(Map<String, List<String>> parameters) {
        return parameters.entrySet().stream().anyMatch(e -> NulCharacters.in(e.getKey())
                || e.getValue().stream().anyMatch(NulCharacters::in));
    }
}
