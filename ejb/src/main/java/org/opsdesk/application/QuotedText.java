package org.opsdesk.application;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A plain-text message split into what the author wrote and the quote it ends with, so the view can collapse the
 * quote (and a trigger looks for its words in what the author wrote, {@link #authorsOwn}). Only a quote nothing of
 * the author's follows is collapsed: an answer written below the quote, or between its lines, stays in view with the
 * lines it answers. The quote at the end is, in this order: everything from
 * Outlook's {@code -----Original Message-----} on, or from the rule of underscores newer Outlook puts above the old
 * mail's header block ({@code From:}, then {@code Sent:} or {@code Date:}, then {@code Subject:}, in English, German,
 * French, Spanish or Dutch; neither copy carries {@code >} marks; a header block without the rule is a customer's
 * pasted mail, their own words); the last run of {@code >} lines (blank lines within it) with the "On … wrote:" line
 * before it; or everything from an "On … wrote:" line on when no {@code >} line follows it (also German's and
 * French's, which name a date: "Am 1. Dez. … schrieb …:", "Le 1 déc. … a écrit :").
 */
public record QuotedText(String own, String quoted) {

    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("^\\s*-----\\s*Original Message\\s*-----\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(On .{1,200}wrote|Am [^:]{0,100}\\d.{0,200}schrieb .{1,200}|Le [^:]{0,100}\\d.{0,200}a écrit ?)\\s*:\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von|De|Van)\\s?:\\*?\\s*\\S.*$");
    private static final Pattern HEADER_SENT = Pattern.compile(
            "^\\s*\\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Fecha|Verzonden)\\s?:\\*?\\s*\\S.*$");
    private static final Pattern HEADER_SUBJECT = Pattern.compile(
            "^\\s*\\*?(Subject|Betreff|Objet|Asunto|Onderwerp)\\s?:\\*?.*$");
    private static final Pattern RULE = Pattern.compile("^\\s*_{8,}\\s*$");
    /** How many lines a header block spans at most: From, Sent, To, Cc, Subject, with a wrapped one or two. */
    private static final int HEADER_LINES = 8;

    public static QuotedText split(String text) {
        if (text == null) {
            return new QuotedText("", "");
        }
        String[] lines = text.split("\n", -1);
        int start = quoteStart(lines);
        String own = start < 0 ? "" : String.join("\n", Arrays.copyOfRange(lines, 0, start)).strip();
        if (own.isEmpty()) {
            // no quote, or nothing but a quote: show it all
            return new QuotedText(text.strip(), "");
        }
        return new QuotedText(own, String.join("\n", Arrays.copyOfRange(lines, start, lines.length)).strip());
    }

    /**
     * What the author of {@code text} wrote: without the quote it ends with, nor the quoted lines between their
     * answers (mailing-list style). A reply quoting "Urgent: …" is no urgent reply.
     */
    public static String authorsOwn(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.split("\n", -1);
        int start = quoteStart(lines);
        // a message that is nothing but a quote (a notification forwarded without a word) has no words of its own,
        // though the view shows it whole
        String[] own = start < 0 ? lines : Arrays.copyOfRange(lines, 0, start);
        return String.join("\n", Arrays.stream(own).filter(l -> !quoted(l)).toList()).strip();
    }

    public boolean hasQuote() {
        return !quoted.isEmpty();
    }

    /** The line the closing quote starts at, or -1 when the message does not end with one. */
    private static int quoteStart(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (ORIGINAL_MESSAGE.matcher(lines[i]).matches()) {
                return i;
            }
            if (RULE.matcher(lines[i]).matches() && i + 1 < lines.length && headerBlockAt(lines, i + 1)) {
                return i;
            }
        }
        int start = lines.length;
        boolean marked = false;
        while (start > 0 && (lines[start - 1].isBlank() || quoted(lines[start - 1]))) {
            marked |= quoted(lines[start - 1]);
            start--;
        }
        if (marked) {
            int before = start;
            while (before > 0 && lines[before - 1].isBlank()) {
                before--;
            }
            return before > 0 && ATTRIBUTION.matcher(lines[before - 1]).matches() ? before - 1 : start;
        }
        for (int i = lines.length - 1; i >= 0; i--) {
            if (ATTRIBUTION.matcher(lines[i]).matches()) {
                return i; // nothing after it is marked as quoted (the trailing run was checked above)
            }
            if (quoted(lines[i])) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Whether an old mail's header block starts at line {@code i}: a {@code From:} line, then, before a blank line, a
     * {@code Sent:} (or {@code Date:}) and a {@code Subject:} line.
     */
    private static boolean headerBlockAt(String[] lines, int i) {
        if (!HEADER_FROM.matcher(lines[i]).matches()) {
            return false;
        }
        boolean sent = false;
        for (int j = i + 1; j < Math.min(lines.length, i + HEADER_LINES) && !lines[j].isBlank(); j++) {
            sent |= HEADER_SENT.matcher(lines[j]).matches();
            if (sent && HEADER_SUBJECT.matcher(lines[j]).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean quoted(String line) {
        return line.startsWith(">");
    }
}
