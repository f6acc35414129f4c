package org.opsdesk.web.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.Caller;

/** The authenticated agent of a request as the application API wants it; used by the API and the UI. */
public final class Callers {

    private Callers() {
    }

    /** The caller, or empty when the request is not authenticated. */
    public static Optional<Caller> of(HttpServletRequest request) {
        var principal = request.getUserPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        return Optional.of(new Caller(principal.getName(), principal.getName(),
                request.isUserInRole(Roles.ADMIN)));
    }

    /**
     * The caller of a request to one of the UI's own endpoints (not a page), or empty after answering 401: such a
     * request is made by a page's script, which cannot follow a redirect to the login form.
     */
    public static Optional<Caller> orUnauthorized(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<Caller> caller = of(request);
        if (caller.isEmpty()) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
        return caller;
    }
}
