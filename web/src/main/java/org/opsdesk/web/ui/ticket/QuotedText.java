package org.opsdesk.web.ui.ticket;

import java.util.regex.Pattern;

/**
 * A plain-text message split into what the author wrote and the quoted text below it (lines starting
 * with {@code >}, with the "On … wrote:" line before them), so the view can collapse the quote.
 */
public record QuotedText(String own, String quoted) {

    private static final Pattern ATTRIBUTION = Pattern.compile("(?m)^(On .{1,200}wrote:|-----Original Message-----)\\s*$");

    public static QuotedText split(String text) {
        if (text == null) {
            return new QuotedText("", "");
        }
        int quote = firstQuotedLine(text);
        var attribution = ATTRIBUTION.matcher(text);
        int start = quote;
        if (attribution.find() && (quote < 0 || attribution.start() < quote)) {
            start = attribution.start();
        }
        if (start <= 0) {
            // no quote, or nothing but a quote: show it all
            return new QuotedText(text.strip(), "");
        }
        return new QuotedText(text.substring(0, start).strip(), text.substring(start).strip());
    }

    public boolean hasQuote() {
        return !quoted.isEmpty();
    }

    private static int firstQuotedLine(String text) {
        int lineStart = 0;
        while (lineStart < text.length()) {
            if (text.charAt(lineStart) == '>') {
                return lineStart;
            }
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0) {
                return -1;
            }
            lineStart = nl + 1;
        }
        return -1;
    }
}
