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
     * Whether a JSON text holds a NUL: the escape {@code \u0000} in a string (not {@code \\u0000}, an escaped
     * backslash followed by "u0000"), or a raw zero byte (itself not JSON, but not ours to let through).
     */
    public static boolean inJson(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b == 0) {
                return true;
            }
            if (b == '\\' && i + 1 < json.length) {
                if (json[i + 1] == 'u' && i + 5 < json.length && json[i + 2] == '0' && json[i + 3] == '0'
                        && json[i + 4] == '0' && json[i + 5] == '0') {
                    return true;
                }
                i++; // the escaped character, whatever it is (a second backslash among them)
            }
        }
        return false;
    }
}
