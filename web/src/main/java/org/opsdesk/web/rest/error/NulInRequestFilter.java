package org.opsdesk.web.rest.error;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.opsdesk.web.http.NulCharacters;

/**
 * Refuses an API request whose path or query holds a NUL character with 400 {@code invalid_text} (see {@link
 * NulCharacters}), before any other filter reads them (an alert intake's secret check looks its source up first).
 * Bodies: {@link NulInBodyInterceptor}.
 */
@Provider
@PreMatching
public class NulInRequestFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext context) {
        if (NulCharacters.in(context.getUriInfo().getPath(true)) || anyNul(context.getUriInfo().getQueryParameters())) {
            context.abortWith(ErrorBody.response(400, NulCharacters.CODE, NulCharacters.MESSAGE));
        }
    }

    private static boolean anyNul(Map<String, List<String>> parameters) {
        return parameters.entrySet().stream().anyMatch(e -> NulCharacters.in(e.getKey())
                || e.getValue().stream().anyMatch(NulCharacters::in));
    }
}
