package org.opsdesk.web.ui.http;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.web.http.ContentDisposition;
import org.opsdesk.web.http.SafeFiles;

/** Stored bytes sent to the browser always as a download, never rendered as a page of ours. */
final class Downloads {

    private Downloads() {
    }

    /** {@code bytes} as the file {@code fileName}: attachment, nosniff, and a sandbox should anything render it. */
    static void attachment(HttpServletResponse response, String contentType, String fileName, byte[] bytes)
            throws IOException {
        response.setContentType(SafeFiles.servedAs(contentType));
        response.setHeader("Content-Disposition", ContentDisposition.attachment(fileName));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
