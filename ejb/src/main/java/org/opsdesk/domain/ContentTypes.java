package org.opsdesk.domain;

import java.util.Locale;

/** The one rule for the content type a stored file is served with, for ticket attachments and wiki page files. */
public final class ContentTypes {

    /** What a file is served as when its declared type is missing, malformed or too long to be real. */
    public static final String UNKNOWN = "application/octet-stream";

    private ContentTypes() {
    }

    /**
     * A bare {@code type/subtype}, lower-cased (parameters such as a charset are not kept); {@link #UNKNOWN} for
     * anything else, so that neither a header nor a form field can make a browser sniff or render a stored file.
     */
    public static String safe(String raw) {
        if (raw == null || raw.length() > 255 || !raw.matches("^[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+$")) {
            return UNKNOWN;
        }
        return raw.toLowerCase(Locale.ROOT);
    }
}
