package org.opsdesk.domain.party;

import java.util.Locale;
import java.util.regex.Pattern;

import org.opsdesk.domain.DomainException;

/**
 * An e-mail address, normalised on the way in: trimmed, angle brackets removed, lower-cased. Rejects
 * anything that is not a plausible {@code local@domain} and any CR/LF (no header injection through it).
 */
public record EmailAddress(String value) {

    /**
     * A local part (unquoted, or a quoted string without line breaks) and a domain of letters (any
     * script: internationalised domains), digits, dots and hyphens.
     */
    private static final Pattern PLAUSIBLE = Pattern.compile(
            "^(?:[^\\s\\p{Cntrl}@<>()\\[\\],;:\"]+|\"[^\"\\p{Cntrl}]+\")@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}.-]*[\\p{L}\\p{N}])?$");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("invalid_email", "An e-mail address is required.");
        }
        String v = value.trim();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1).trim();
        }
        if (v.length() > 254 || !PLAUSIBLE.matcher(v).matches()) {
            throw DomainException.invalid("invalid_email", "'" + sanitizeForMessage(value)
                    + "' is not an e-mail address (expected local@domain).");
        }
        value = v.toLowerCase(Locale.ROOT);
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1); // a quoted local part may hold an @
    }

    /**
     * False for an address under the top-level domain {@code .invalid} (RFC 2606), which no mail server answers: the
     * made-up requesters of alert tickets ({@code source@monitoring.invalid}). Mail to it is never queued.
     */
    public boolean isDeliverable() {
        return !domain().toLowerCase(java.util.Locale.ROOT).endsWith(".invalid");
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    @Override
    public String toString() {
        return value;
    }

    private static String sanitizeForMessage(String raw) {
        String s = raw.replaceAll("[\\r\\n\\t]", " ");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
