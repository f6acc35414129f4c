package org.opsdesk.application;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Committed ticket changes as they happen, for live views: the agent UI's queue and {@code GET
 * /api/events}. A change is announced only after its transaction committed, never before and never
 * for one that rolled back.
 */
public interface TicketFeed {

    /**
     * A committed change of ticket {@code ticket}: {@code change} says how (e.g. {@code created},
     * {@code reply_added}, {@code status}).
     */
    record Change(long ticket, String change, Instant at) {
    }

    /**
     * Calls {@code listener} with every change from now on, on the thread that committed it: it must
     * return at once (hand the work to another thread). Close the answer to stop.
     */
    AutoCloseable subscribe(Consumer<Change> listener);
}
