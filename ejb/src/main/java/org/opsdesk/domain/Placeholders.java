package org.opsdesk.domain;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in double braces ({@code {{ticket.number}}}) in a text that OpsDesk fills in: a queue's autoreply, an agent's
 * canned response. One syntax for both.
 */
public final class Placeholders {

    /** A placeholder; group 1 is its name, spaces inside the braces ignored. */
    public static final Pattern PATTERN = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private Placeholders() {
    }

    /**
     * Refuses (400 {@code unknown_placeholder}) a text that names a placeholder not among {@code known}, so a typo
     * never reaches a customer; {@code what} starts the message ("The signature").
     */
    public static void requireKnown(String text, java.util.List<String> known, String what) {
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                throw DomainException.invalid("unknown_placeholder", what + " uses {{" + m.group(1)
                        + "}}, which is not a placeholder; use " + String.join(", ",
                                known.stream().map(p -> "{{" + p + "}}").toList()) + ".");
            }
        }
    }

    /**
     * The text with each placeholder replaced by its value from {@code values}; one without a value by what
     * {@code unknown} makes of its name (the whole placeholder text is passed). Values are inserted as they are.
     */
    public static String fill(String text, Map<String, String> values, Function<String, String> unknown) {
        Matcher m = PATTERN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : unknown.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
