package org.opsdesk.web.ui.http;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.web.http.NulCharacters;
import org.opsdesk.web.security.PublicPaths;

/**
 * Refuses a page request of the agent UI whose URL or form fields hold a NUL character with 400 (see {@link
 * NulCharacters}; the API answers its own JSON error in {@code NulInJsonFilter}). Only URL-encoded forms are read
 * here: an upload's parts are left to the page.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class NulParameterFilter extends HttpFilter {

    @Inject
    PublicPaths paths;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the path as dispatched (the raw URI's /api/../search.xhtml is a page)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!paths.isApi(path) && (NulCharacters.in(request.getServletPath()) || NulCharacters.in(request.getPathInfo())
                || formOrQueryHasNul(request))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, NulCharacters.MESSAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean formOrQueryHasNul(HttpServletRequest request) {
        String type = request.getContentType();
        boolean form = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (!form && (request.getQueryString() == null || !request.getQueryString().contains("%00"))) {
            return false; // nothing that can hold one: no form, no %00 in the query
        }
        if (request.getCharacterEncoding() == null) {
            try {
                // as Faces would before it reads the form (its pages are UTF-8): reading the fields here fixes it
                request.setCharacterEncoding("UTF-8");
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return request.getParameterMap().entrySet().stream().anyMatch(e -> NulCharacters.in(e.getKey())
                || java.util.Arrays.stream(e.getValue()).anyMatch(NulCharacters::in));
    }
}
