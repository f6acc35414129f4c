package org.opsdesk.application.mail;

/**
 * What became of an inbound message, once committed: {@code created} (a new ticket), {@code appended}
 * (a reply or comment on a ticket), {@code duplicate} (stored before), {@code ignored} (recorded, on
 * purpose not a ticket) or {@code quarantined} (kept raw with {@code reason}).
 */
public record MailOutcome(long inboundId, String disposition, Long ticket, String reason) {
}
