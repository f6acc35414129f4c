package org.opsdesk.mail.inbound.parse;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

import jakarta.mail.internet.MailDateFormat;

/**
 * Reads a Date header with Jakarta Mail's {@link MailDateFormat}, which accepts the obsolete RFC 822 forms
 * (two-digit years, zone names, no day of week). A fresh formatter per call: it is not thread-safe.
 */
final class MailDates {

    private MailDates() {
    }

    /** The instant, or null when the value is missing or unreadable. */
    static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.replaceAll("\\([^()]*\\)", " ").strip();
        try {
            Date date = new MailDateFormat().parse(text);
            return date == null ? null : date.toInstant();
        } catch (ParseException e) {
            return null;
        }
    }
}
