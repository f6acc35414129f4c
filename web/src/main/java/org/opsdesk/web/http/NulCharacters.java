package org.opsdesk.web.http;

/**
 * The NUL character ({@code U+0000}) in what a request says: PostgreSQL stores no NUL in text, so a subject, a
 * comment or a filter value holding one failed with a 500 there (H2 took it). No person types it; requests that
 * carry one are refused with a 400 before anything reads them. (Mail is another matter: its parser drops NULs, since
 * a mail is never refused.)
 */
public final class NulCharacters {

    /** What a refused request is told. */
    public static final String MESSAGE = "Text must not contain the NUL character (U+0000, \\u0000 in JSON, %00 in a"
            + " URL): remove it and send the request again.";
    public static final String CODE = "invalid_text";

    private NulCharacters() {
    }

    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /**
     * Looks for a NUL in a body byte by byte, as it streams past: in JSON the escape {@code \\u0000} (not an escaped
     * backslash followed by the text u0000) or a zero byte, in a URL-encoded form {@code %00} or a zero byte.
     */
    public static final class Scan {

        private final boolean form;
        private int state;
        private boolean found;

        public Scan(boolean form) {
            this.form = form;
        }

        public void next(int b) {
            if (found) {
                return;
            }
            if (b == 0) {
                found = true;
                return;
            }
            if (form) {
                // 0: normal, 1: after '%', 2: after "%0"
                if (state == 2 && b == '0') {
                    found = true;
                }
                state = b == '%' ? 1 : state == 1 && b == '0' ? 2 : 0;
                return;
            }
            // 0: normal, 1: after a backslash, 2-5: after the backslash and u, u0, u00, u000
            switch (state) {
                case 0 -> state = b == '\\' ? 1 : 0;
                case 1 -> state = b == 'u' ? 2 : 0; // the escaped character, whatever it is (a backslash too)
                case 2, 3, 4 -> state = b == '0' ? state + 1 : 0;
                case 5 -> {
                    found = b == '0';
                    state = 0;
                }
                default -> state = 0;
            }
        }

        public boolean found() {
            return found;
        }
    }
}
