package org.opsdesk.application.mail;

/**
 * What became of an inbound message, once committed: {@code created} (a new ticket), {@code appended}
 * (a reply or comment on a ticket), {@code duplicate} (stored before), {@code ignored} (recorded, on
 * purpose not a ticket) or {@code quarantined} (kept raw with {@code reason}).
 */
public record MailOutcome(long inboundId, String disposition, Long ticket, String reason) {

    /** What became of stored mail {@code m} so far ({@code received} while it is not processed). */
    public static MailOutcome of(org.opsdesk.domain.mail.InboundMail m) {
        String d = m.disposition() == null ? "received" : m.disposition().code();
        return new MailOutcome(m.id(), d, m.ticketNumber(), m.reason());
    }

    /**
     * What another attempt at stored mail {@code m} answers once the mail is delivered (by a copy processed at the same
     * time, or before): a duplicate of that delivery; empty while it is not.
     */
    public static java.util.Optional<MailOutcome> duplicateIfDelivered(org.opsdesk.domain.mail.InboundMail m) {
        return m.state() == org.opsdesk.domain.mail.InboundMail.State.DELIVERED
                ? java.util.Optional.of(of(m).asDuplicate()) : java.util.Optional.empty();
    }

    /**
     * What another copy of a delivered mail answers (the same mail piped twice, polled and piped, or processed again
     * while it was being delivered): {@code duplicate}, with the delivery's ticket; the sender of each copy counts
     * one creation.
     */
    public MailOutcome asDuplicate() {
        return new MailOutcome(inboundId, "duplicate", ticket, "stored before as mail " + inboundId + " ("
                + disposition + ")");
    }
}
