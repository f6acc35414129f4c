package org.opsdesk.web.ui.http;

import java.io.IOException;

import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers to the requests that pages' scripts make to the UI's own endpoints (counts, versions, suggestions, previews): never
 * cached, since they are asked for again to see what changed.
 */
public final class ScriptResponses {

    private ScriptResponses() {
    }

    /** Writes {@code json} as an uncached {@code application/json} answer. */
    public static void json(HttpServletResponse response, JsonStructure json) throws IOException {
        write(response, "application/json", json.toString());
    }

    /** Writes {@code text} as an uncached {@code text/plain} answer. */
    public static void text(HttpServletResponse response, String text) throws IOException {
        write(response, "text/plain", text);
    }

    /** Writes {@code html} as an uncached {@code text/html} answer. */
    public static void html(HttpServletResponse response, String html) throws IOException {
        write(response, "text/html", html);
    }

    private static void write(HttpServletResponse response, String contentType, String body) throws IOException {
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
