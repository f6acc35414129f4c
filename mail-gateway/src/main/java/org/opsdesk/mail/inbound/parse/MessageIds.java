package org.opsdesk.mail.inbound.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Message-IDs from Message-ID, In-Reply-To and References: the text inside angle brackets, in
 * order, whatever junk lies between ("Your message of …", comments). Without brackets, the words that
 * contain an {@code @} are taken, or else a value that is one bare word.
 */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>]*+)>");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private MessageIds() {
    }

    static List<String> all(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        // an id with a control character (a NUL, above all) is none we stored or sent (HeaderSniffer reads none)
        if (value.chars().anyMatch(MessageIds::isControl)) {
            value = withoutControlledIds(value);
        }
        Matcher m = BRACKETED.matcher(value);
        while (m.find()) {
            String id = m.group(1).replaceAll("\\s+", "");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            for (String word : SEPARATORS.split(value.strip())) {
                String id = trimPunctuation(word);
                if (id.indexOf('@') > 0) {
                    ids.add(id);
                }
            }
        }
        String word = value.strip();
        boolean oneWord = !word.isEmpty() && !word.contains("<") && word.chars().noneMatch(Character::isWhitespace);
        if (ids.isEmpty() && oneWord) {
            ids.add(word); // one bare word without '@': still an id that replies may refer to
        }
        return ids;
    }

    /**
     * {@code value} with every bracketed id, and every word, that holds a control character blanked; in one pass
     * (regular expressions that did this backtracked: 128 KB of "<" and control characters took 13 s to parse).
     */
    static String withoutControlledIds(String value) {
        StringBuilder bracketsDone = new StringBuilder(value.length());
        Matcher m = BRACKETED.matcher(value);
        int last = 0;
        while (m.find()) {
            bracketsDone.append(value, last, m.start());
            bracketsDone.append(m.group().chars().anyMatch(MessageIds::isControl) ? " " : m.group());
            last = m.end();
        }
        bracketsDone.append(value, last, value.length());
        StringBuilder out = new StringBuilder(bracketsDone.length());
        int i = 0;
        while (i < bracketsDone.length()) {
            if (isSpace(bracketsDone.charAt(i))) {
                out.append(bracketsDone.charAt(i++));
                continue;
            }
            int end = i;
            boolean control = false;
            while (end < bracketsDone.length() && !isSpace(bracketsDone.charAt(end))) {
                control |= isControl(bracketsDone.charAt(end));
                end++;
            }
            if (control) {
                out.append(' ');
            } else {
                out.append(bracketsDone, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    /** An ASCII control character other than the whitespace of folded lines. */
    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f;
    }

    /** Whitespace as {@code \\s} means it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The word without quotes, brackets and parentheses around it (and a full stop after it). */
    private static String trimPunctuation(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && "\"'(<[".indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "\"')>].".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(start, end);
    }

    /** The first id in the value, or null. */
    static String first(String value) {
        List<String> ids = all(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Every id of every given header value, in order. */
    static List<String> all(List<String> values) {
        List<String> ids = new ArrayList<>();
        values.forEach(v -> ids.addAll(all(v)));
        return ids;
    }
}
