package org.opsdesk.web.ui.http;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.web.security.PublicPaths;

/**
 * Security headers on every response of the agent UI (the API keeps its own answers): a
 * Content-Security-Policy that allows only our own scripts, styles and images (no inline script, so
 * nothing a ticket contains can run), no framing, no MIME sniffing, no referrer to other sites. Pages
 * are not cached, so the back button after logout shows nothing.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Inject
    PublicPaths paths;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!paths.isApi(path)) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("X-Frame-Options", "DENY");
            if (!isStatic(path)) {
                response.setHeader("Cache-Control", "no-store");
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/resources/") || path.startsWith("/jakarta.faces.resource/");
    }
}
