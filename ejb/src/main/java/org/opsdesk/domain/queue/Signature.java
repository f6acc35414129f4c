package org.opsdesk.domain.queue;

import java.util.List;
import java.util.Map;

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
        if (s.indexOf('\0') >= 0) {
            throw DomainException.invalid("invalid_text", "A signature must not contain the NUL character (U+0000).");
        }
        if (s.length() > MAX_LENGTH) {
            throw DomainException.invalid("signature_too_long", "The signature has " + s.length()
                    + " characters; at most " + MAX_LENGTH + " are kept.");
        }
        Placeholders.requireKnown(s, PLACEHOLDERS, "The signature");
        return s;
    }

    /** The signature with its placeholders filled in (a missing value left empty); plain text. */
    public static String render(String signature, Map<String, String> values) {
        return Placeholders.fill(signature, values, unknown -> "");
    }

    /** The "On … wrote:" line a mail program puts above a quote (as the ticket page's Quote does). */
    private static final java.util.regex.Pattern ATTRIBUTION = java.util.regex.Pattern.compile(
            "^On .{1,200}wrote:\\s*$");

    /**
     * {@code text} with the rendered signature below what the agent wrote, after the separator line: above a quote
     * the text ends with ({@code >} lines, with their "On … wrote:" line), as mail programs sign, so the quote still
     * folds away. Unchanged when the agent's part ends with this very signature already (pasted, or sent again), or
     * when the signature comes out blank.
     */
    public static String below(String text, String rendered) {
        String sig = rendered == null ? "" : rendered.strip();
        String body = text == null ? "" : text.stripTrailing();
        if (sig.isEmpty()) {
            return text;
        }
        String[] lines = body.split("\n", -1);
        int start = lines.length;
        boolean quoted = false;
        while (start > 0 && (lines[start - 1].isBlank() || lines[start - 1].startsWith(">"))) {
            quoted |= lines[start - 1].startsWith(">");
            start--;
        }
        if (quoted) {
            int before = start;
            while (before > 0 && lines[before - 1].isBlank()) {
                before--;
            }
            start = before > 0 && ATTRIBUTION.matcher(lines[before - 1]).matches() ? before - 1 : start;
        } else {
            start = lines.length;
        }
        String own = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, start)).stripTrailing();
        String quote = String.join("\n", java.util.Arrays.copyOfRange(lines, start, lines.length)).strip();
        if (own.endsWith(SEPARATOR + "\n" + sig) || own.endsWith("--\n" + sig)) {
            return text;
        }
        return (own.isEmpty() ? "" : own + "\n\n") + SEPARATOR + "\n" + sig + (quote.isEmpty() ? "" : "\n\n" + quote);
    }

    /**
     * The same below an HTML body (already sanitised): the signature's lines escaped, in a paragraph of its own;
     * unchanged when it ends with that paragraph already, or when the signature comes out blank.
     */
    public static String belowHtml(String html, String rendered) {
        String sig = rendered == null ? "" : rendered.strip();
        if (sig.isEmpty()) {
            return html;
        }
        StringBuilder p = new StringBuilder("<p>").append(SEPARATOR).append("<br>");
        String[] lines = sig.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            p.append(i == 0 ? "" : "<br>").append(escape(lines[i]));
        }
        p.append("</p>");
        String body = html == null ? "" : html.stripTrailing();
        return body.endsWith(p.toString()) ? html : body + p;
    }

    /**
     * An agent's reply without its signature and what follows it (the quote below it), for the search index: a
     * signature would make every reply of an agent match their name, their queue's name and its phone number.
     */
    public static String withoutSignature(String reply) {
        if (reply == null) {
            return null;
        }
        if (reply.startsWith(SEPARATOR + "\n")) {
            return ""; // a signature above a quote alone
        }
        int at = reply.lastIndexOf("\n" + SEPARATOR + "\n");
        return at < 0 ? reply : reply.substring(0, at);
    }

    private static String escape(String s) {
        // as the sanitiser writes text: a quote mark stays one, so a reply sent again is recognised as signed
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
