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
