package org.opsdesk.mail.inbound.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads address lists (From, To, Cc, Reply-To, Return-Path) as written, best effort: {@code Name <a@b>},
 * {@code a@b (Name)}, bare {@code a@b}, groups, unbalanced quotes and brackets. Addresses are not
 * validated; display names are RFC 2047 decoded.
 */
final class Addresses {

    /** One mailbox: the address as written (may lack a domain), and the display name or null. */
    record Mailbox(String address, String name) {
    }

    private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s<>()\\[\\],;:\"]+");
    private static final Pattern COMMENT = Pattern.compile("\\(([^()]*)\\)");

    private Addresses() {
    }

    static List<Mailbox> parse(String value) {
        List<Mailbox> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        for (String piece : splitList(value)) {
            Mailbox mailbox = mailbox(piece);
            if (mailbox != null) {
                result.add(mailbox);
            }
        }
        return result;
    }

    static Mailbox first(String value) {
        List<Mailbox> all = parse(value);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The addresses of every value, in order. */
    static List<String> addresses(List<String> values) {
        List<String> addresses = new ArrayList<>();
        values.forEach(v -> parse(v).forEach(m -> addresses.add(m.address())));
        return addresses;
    }

    /** Splits at commas (and semicolons) outside quotes, comments and angle brackets. */
    private static List<String> splitList(String value) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int comment = 0;
        boolean angle = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"' && comment == 0) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                comment++;
            } else if (!quoted && c == ')' && comment > 0) {
                comment--;
            } else if (!quoted && comment == 0 && c == '<') {
                angle = true;
            } else if (!quoted && comment == 0 && c == '>') {
                angle = false;
            } else if (!quoted && comment == 0 && !angle && (c == ',' || c == ';')) {
                pieces.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        pieces.add(current.toString());
        if (quoted && pieces.size() == 1 && value.indexOf(',') >= 0) {
            return splitPlain(value); // an unbalanced quote swallowed the separators
        }
        return pieces;
    }

    private static List<String> splitPlain(String value) {
        return List.of(value.split("[,;]"));
    }

    private static Mailbox mailbox(String piece) {
        String text = stripGroupName(piece).strip();
        if (text.isEmpty()) {
            return null;
        }
        // the address is what stands outside quoted names and comments: in "Mallory <agent@desk.example>"
        // <m@evil.example> it is m@evil.example (read anywhere, a display name made anyone an agent or a requester);
        // only a mailbox with no address outside them is read inside, best effort
        Mailbox outside = mailbox(text, outsideQuotes(text), false);
        if (outside != null) {
            return outside;
        }
        Mailbox inside = mailbox(text, text, true);
        if (inside == null || text.indexOf('"') < 0) {
            return inside;
        }
        // an address is never taken from inside quotes: read there, "agent@desk.example"@evil.example, a lone
        // "agent@desk.example" or an unbalanced "x <agent@desk.example> wrote as an agent, who may use any ticket's
        // subject tag. The whole is the address (a quoted local part, "john smith"@example.com, is one), and what
        // was read inside only names the sender
        return new Mailbox(text.replaceAll("\\s*\\([^()\"]*\\)\\s*$", "").replaceAll("^<|>$", "").strip(),
                inside.name());
    }

    /**
     * The mailbox of {@code text}, its address looked for in {@code visible} (the same text, or parts blanked); as a
     * last resort, a lone word without an {@code @} is the address.
     */
    private static Mailbox mailbox(String text, String visible, boolean lastResort) {
        int[] angle = lastAngle(visible);
        if (angle != null) {
            String address = text.substring(angle[0] + 1, angle[1] - 1).strip();
            String name = text.substring(0, angle[0]).strip();
            if (name.isEmpty()) {
                name = commentText(text.substring(angle[1]));
            }
            if (!address.isEmpty()) {
                return new Mailbox(address, displayName(name));
            }
            text = (name + " " + text.substring(angle[1])).strip();
            visible = (visible.substring(0, angle[0]) + " " + visible.substring(angle[1])).strip();
        }
        String bare = bareAddress(COMMENT.matcher(visible).replaceAll(" "));
        if (bare != null) {
            String name = commentText(text);
            if (name.isEmpty()) {
                name = COMMENT.matcher(text).replaceAll(" ").replace(bare, " ").strip();
            }
            return new Mailbox(bare, displayName(name));
        }
        String withoutComments = COMMENT.matcher(text).replaceAll(" ").strip();
        if (lastResort && !withoutComments.isEmpty() && !withoutComments.contains(" ")
                && !withoutComments.contains("\"")) {
            return new Mailbox(withoutComments.replaceAll("^<|>$", ""), displayName(commentText(text)));
        }
        return null;
    }

    /** Start and end (exclusive) of the last {@code <...>} in {@code text}: a name-addr ends with its address. */
    private static int[] lastAngle(String text) {
        Matcher m = ANGLE.matcher(text);
        int[] last = null;
        while (m.find()) {
            last = new int[] {m.start(), m.end()};
        }
        return last;
    }

    /**
     * {@code text} with its quoted strings and comments blanked out (same length, so positions hold): brackets and
     * {@code @} in a display name are not the address.
     */
    static String outsideQuotes(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean quoted = false;
        int comment = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                b.append("  ");
                i++;
            } else if (c == '"' && comment == 0) {
                quoted = !quoted;
                b.append(' ');
            } else if (!quoted && c == '(') {
                comment++;
                b.append(' ');
            } else if (!quoted && c == ')' && comment > 0) {
                comment--;
                b.append(' ');
            } else {
                b.append(quoted || comment > 0 ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** The first word with an {@code @} inside it (not at either end), without quotes and a full stop; or null. */
    private static String bareAddress(String text) {
        for (String word : WORD_SEPARATORS.split(text)) {
            int start = word.startsWith("'") ? 1 : 0;
            int end = word.length() - (word.endsWith(".") || word.endsWith("'") ? 1 : 0);
            String candidate = start < end ? word.substring(start, end) : "";
            int at = candidate.indexOf('@');
            if (at > 0 && at < candidate.length() - 1) {
                return candidate;
            }
        }
        return null;
    }

    /** "Group: a@b, c@d;" → the part after the colon, unless the colon is inside quotes or an address. */
    private static String stripGroupName(String piece) {
        int colon = piece.indexOf(':');
        if (colon < 0) {
            return piece;
        }
        String before = piece.substring(0, colon);
        boolean insideSomething = before.indexOf('<') >= 0 || before.indexOf('@') >= 0
                || before.chars().filter(c -> c == '"').count() % 2 == 1;
        return insideSomething ? piece : piece.substring(colon + 1);
    }

    private static String commentText(String text) {
        Matcher m = COMMENT.matcher(text);
        return m.find() ? m.group(1).strip() : "";
    }

    private static String displayName(String raw) {
        String name = raw.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        } else if (name.startsWith("\"")) {
            name = name.substring(1); // unbalanced quote
        }
        name = EncodedWords.decode(name.replace("\\\"", "\"").replace("\\\\", "\\")).strip();
        return name.isEmpty() ? null : name;
    }
}
