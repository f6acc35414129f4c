package org.opsdesk.mail.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

/**
 * What a relay's refusal of some recipients means for an outbound mail. The mail session sends to the recipients
 * the relay accepts ({@code mail.smtp.sendpartial}); Jakarta Mail then reports the recipients it refused for good
 * (5xx: invalid), those it refused for now (4xx: valid but unsent) and those that have the mail (valid and sent).
 * <ul>
 * <li>someone has it: it is sent; the others are noted, never sent again (those who have it would get it twice),
 * and only those refused as recipients (550, 551, 553, 5.1.x) are marked as bounced;
 * <li>nobody has it and every refusal is for good: refused, no retry (a mistyped address stays mistyped);
 * <li>otherwise: retried later.
 * </ul>
 */
record RelayAnswer(Outcome outcome, List<String> refused, String note) {

    enum Outcome {
        SENT, REFUSED, RETRY
    }

    static RelayAnswer of(SendFailedException e) {
        List<String> sent = addresses(e.getValidSentAddresses());
        List<String> refused = addresses(e.getInvalidAddresses());
        List<String> unsent = addresses(e.getValidUnsentAddresses());
        String reason = reason(e);
        if (!sent.isEmpty()) {
            List<String> missed = new ArrayList<>();
            if (!refused.isEmpty()) {
                missed.add("the relay refused " + String.join(", ", refused));
            }
            if (!unsent.isEmpty()) {
                missed.add("did not take it for now for " + String.join(", ", unsent));
            }
            // only those refused as recipients are marked (bounced); one refused by the relay's own rules (554 5.7.1)
            // is noted like one refused for now
            return new RelayAnswer(Outcome.SENT, refusedAsRecipients(e, refused), missed.isEmpty() ? null
                    : String.join("; ", missed) + " (" + reason + ")");
        }
        if (!refused.isEmpty() && unsent.isEmpty() && aboutTheRecipients(e)) {
            return new RelayAnswer(Outcome.REFUSED, refused, "The relay refused " + String.join(", ", refused)
                    + ": " + reason);
        }
        return new RelayAnswer(Outcome.RETRY, List.of(), e.getClass().getSimpleName() + ": " + reason);
    }

    /**
     * Whether every refusal was about its recipient (550, 551, 553, or an enhanced status 5.1.x: no such mailbox,
     * a bad address). A relay that refuses everyone for its own reasons (554 5.7.1 relay access denied: its
     * configuration) says nothing about the recipients: retried, and nobody marked as bounced.
     */
    private static boolean aboutTheRecipients(SendFailedException e) {
        boolean any = false;
        for (Exception next = e.getNextException(); next != null;
                next = next instanceof jakarta.mail.MessagingException m ? m.getNextException() : null) {
            String said = next.getMessage() == null ? "" : next.getMessage().strip();
            if (!RECIPIENT_REFUSAL.matcher(said).find()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The refused whose own refusal (one exception per recipient) was about the recipient: 550, 551, 553, 5.1.x. */
    private static List<String> refusedAsRecipients(SendFailedException e, List<String> refused) {
        List<String> out = new ArrayList<>();
        for (Exception next = e.getNextException(); next != null;
                next = next instanceof jakarta.mail.MessagingException m ? m.getNextException() : null) {
            String said = next.getMessage() == null ? "" : next.getMessage().strip();
            if (next instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException failed
                    && failed.getAddress() != null && RECIPIENT_REFUSAL.matcher(said).find()) {
                String address = failed.getAddress().getAddress().toLowerCase(Locale.ROOT);
                if (refused.contains(address) && !out.contains(address)) {
                    out.add(address);
                }
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern RECIPIENT_REFUSAL =
            java.util.regex.Pattern.compile("^(55[013])\\b|\\b5\\.1\\.\\d+\\b");

    private static List<String> addresses(Address[] addresses) {
        List<String> out = new ArrayList<>();
        if (addresses != null) {
            for (Address a : addresses) {
                out.add(a instanceof InternetAddress ia ? ia.getAddress().toLowerCase(Locale.ROOT) : a.toString());
            }
        }
        return out;
    }

    /** The relay's own words where Jakarta Mail kept them (one exception per refused recipient), else the message. */
    private static String reason(SendFailedException e) {
        List<String> said = new ArrayList<>();
        for (Exception next = e.getNextException(); next != null && said.size() < 5;
                next = next instanceof jakarta.mail.MessagingException m ? m.getNextException() : null) {
            if (next.getMessage() != null && !next.getMessage().isBlank()) {
                said.add(next.getMessage().strip());
            }
        }
        return said.isEmpty() ? String.valueOf(e.getMessage()) : String.join(" | ", said);
    }
}
