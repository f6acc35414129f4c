package org.opsdesk.application.mail;

/** Event: mail about {@code ticket} was put into the outbox; observed after commit by the sender. */
public record OutboxQueued(long ticket) {
}
