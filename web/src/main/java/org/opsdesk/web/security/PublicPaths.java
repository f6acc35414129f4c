package org.opsdesk.web.security;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place that says which paths need what: {@code /api} needs HTTP Basic or a token on every
 * request (never a session cookie, so no cross-site request can use a logged-in browser); the agent UI
 * needs a login session; a few pages and files are public.
 */
@ApplicationScoped
public class PublicPaths {

    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";

    public boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** The alert intakes that also accept a source's secret in the URL, for tools that cannot send a header. */
    private static final java.util.Set<String> ALERT_INTAKES = java.util.Set.of("/api/alerts",
            "/api/alerts/alertmanager", "/api/alerts/nagios");

    /**
     * An alert intake called with {@code ?secret=…} (and no Authorization header): it reaches the
     * resource unauthenticated, and the alert service checks the secret of the named source.
     */
    public boolean isSecretIntake(String path, String query) {
        if (!ALERT_INTAKES.contains(path) || query == null) {
            return false;
        }
        for (String p : query.split("&")) {
            if (p.startsWith("secret=") && p.length() > "secret=".length()) {
                return true;
            }
        }
        return false;
    }

    /** Reachable without logging in. */
    public boolean isPublic(String path) {
        return path.equals(LOGIN) || path.equals("/health") || path.startsWith("/health/")
                || path.equals("/openapi") || path.startsWith("/openapi/") || path.startsWith("/resources/")
                || path.startsWith("/jakarta.faces.resource/") || path.equals("/favicon.ico")
                || path.equals("/robots.txt");
    }
}
