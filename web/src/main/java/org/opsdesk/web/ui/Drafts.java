package org.opsdesk.web.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Unsent texts: the browser keeps what is typed into a reply, a comment, a new ticket or a wiki page
 * ({@code textarea[data-draft]}, see opsdesk.js) until a send works, so that a page that expired meanwhile (its view
 * pushed out of the session by other pages, the session timed out, the server restarted) loses no text. The page a
 * send that worked redirects to names the draft in its address ({@code sent=}), and the browser forgets it: in the
 * address, not in the flash, which another tab's request of the same session may take first.
 */
public final class Drafts {

    private Drafts() {
    }

    /** {@code path} (with its query string) with the mark that the draft {@code name} was sent. */
    public static String sent(String path, String name) {
        return path + (path.contains("?") ? "&" : "?") + "sent=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
