package org.opsdesk.web.http;

import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.core.Response;

/**
 * How uploaded files are served: raster images inline (a page embeds them), everything else as a download; never
 * sniffed, and sandboxed so that an SVG or HTML file opened directly cannot run script.
 */
public final class SafeFiles {

    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/svg+xml");

    private SafeFiles() {
    }

    /** Types a page could load from this origin as script or style, which the site's own policy allows. */
    private static final java.util.regex.Pattern ACTIVE = java.util.regex.Pattern.compile(
            "^(?:application|text)/(?:x-)?(?:javascript|ecmascript|jscript|livescript)[0-9.]*$|^text/css$");

    /**
     * The type a stored file is served as: its own, but never one a {@code <script src>} or a stylesheet link of
     * this site would run (the site's policy allows its own origin for both; a download's disposition and sandbox
     * do not stop a script tag): those go as {@code application/octet-stream}, which {@code nosniff} keeps from
     * running. Should an HTML injection ever slip through, no uploaded file becomes its script.
     */
    public static String servedAs(String contentType) {
        return contentType == null || ACTIVE.matcher(contentType.strip().toLowerCase(Locale.ROOT)).matches()
                ? "application/octet-stream" : contentType;
    }

    public static boolean inline(String contentType) {
        return contentType != null && INLINE.contains(contentType.toLowerCase(Locale.ROOT));
    }

    public static String disposition(String fileName, String contentType) {
        return inline(contentType) ? ContentDisposition.inline(fileName) : ContentDisposition.attachment(fileName);
    }

    public static final String CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

    public static Response.ResponseBuilder headers(Response.ResponseBuilder b, String fileName, String contentType) {
        return b.header("Content-Disposition", disposition(fileName, contentType))
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", CSP);
    }
}
