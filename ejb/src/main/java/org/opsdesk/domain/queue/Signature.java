package org.opsdesk.domain.queue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.Placeholders;

/**
 * A queue's signature under its agents' public replies (Zammad's signatures per group, Znuny's per queue), plain text
 * with placeholders in double braces: {@code {{agent.name}}}, {@code {{agent.email}}}, {@code {{queue.name}}},
 * {@code {{ticket.number}}} and {@code {{ticket.tag}}}. Added below the reply after the usual {@code "-- "} line; any
 * other name in braces is refused when it is saved, so a typo never reaches a customer.
 */
public final class Signature {

    /** The placeholders a signature may use, in the editor's order. */
    public static final List<String> PLACEHOLDERS = List.of("agent.name", "agent.email", "queue.name",
            "ticket.number", "ticket.tag");

    public static final int MAX_LENGTH = 2000;

    /** The line that separates a signature from the text above it (RFC 3676's "dash dash space"). */
    public static final String SEPARATOR = "-- ";

    private Signature() {
    }

    /**
     * A signature fit to be kept: null for blank text (none), else the text with its line ends made {@code \n} and
     * its ends stripped of blank lines.
     *
     * @throws DomainException (invalid) when it is too long or names an unknown placeholder
     */
    public static String valid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("^\\s*\n", "").stripTrailing();
        if (s.length() > MAX_LENGTH) {
            throw DomainException.invalid("signature_too_long", "The signature has " + s.length()
                    + " characters; at most " + MAX_LENGTH + " are kept.");
        }
        Matcher m = Placeholders.PATTERN.matcher(s);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw DomainException.invalid("unknown_placeholder", "The signature uses {{" + m.group(1)
                        + "}}, which is not a placeholder; use " + String.join(", ",
                                PLACEHOLDERS.stream().map(p -> "{{" + p + "}}").toList()) + ".");
            }
        }
        return s;
    }

    /** The signature with its placeholders filled in (a missing value left empty); plain text. */
    public static String render(String signature, Map<String, String> values) {
        return Placeholders.fill(signature, values, unknown -> "");
    }

    /**
     * {@code text} with the rendered signature below it after the separator line; unchanged when it ends with that
     * signature already (pasted, or a reply sent again).
     */
    public static String below(String text, String rendered) {
        String body = text == null ? "" : text.stripTrailing();
        if (body.endsWith(rendered.strip())) {
            return text;
        }
        return (body.isEmpty() ? "" : body + "\n\n") + SEPARATOR + "\n" + rendered;
    }

    /** The same below an HTML body: the signature's lines escaped, in a paragraph of their own. */
    public static String belowHtml(String html, String rendered) {
        StringBuilder p = new StringBuilder("<p>").append(SEPARATOR).append("<br>");
        String[] lines = rendered.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            p.append(i == 0 ? "" : "<br>").append(escape(lines[i]));
        }
        return (html == null ? "" : html) + p.append("</p>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
