package org.opsdesk.domain;

/**
 * Text that goes on one line (a subject, a note, a display name, an error kept for an admin): line breaks and tabs
 * become one space each run, and the ends are stripped. The one place for that rule.
 */
public final class OneLine {

    private OneLine() {
    }

    /** {@code text} on one line; null stays null. */
    public static String of(String text) {
        return text == null ? null : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /**
     * A name as stored (a view's, a macro's, an organization's): on one line, 1 to {@code max} characters; else 400
     * {@code code}, "{@code what} needs a name of 1-{@code max} characters."
     */
    public static String name(String text, int max, String code, String what) {
        String n = orNull(text);
        if (n == null || n.length() > max) {
            throw DomainException.invalid(code, what + " needs a name of 1-" + max + " characters.");
        }
        return n;
    }

    /** {@code text} on one line, or null when nothing is left of it (null, empty, blank). */
    public static String orNull(String text) {
        String s = of(text);
        return s == null || s.isEmpty() ? null : s;
    }
}
