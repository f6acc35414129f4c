package org.opsdesk.domain.ticket;

import java.time.Instant;

/**
 * Domain event: ticket {@code number} changed ({@code change} says how, e.g. {@code created},
 * {@code reply_added}, {@code status}). Observers see it only after the change committed.
 */
public record TicketChanged(long number, String change, String actor, Instant at) {
}
