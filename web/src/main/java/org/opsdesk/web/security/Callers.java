package org.opsdesk.web.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

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
}
