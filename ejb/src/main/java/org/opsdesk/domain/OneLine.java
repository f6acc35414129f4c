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

    /** {@code text} on one line, or null when nothing is left of it (null, empty, blank). */
    public static String orNull(String text) {
        String s = of(text);
        return s == null || s.isEmpty() ? null : s;
    }
}
