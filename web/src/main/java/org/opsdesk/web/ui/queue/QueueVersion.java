package org.opsdesk.web.ui.queue;

import org.opsdesk.application.Caller;
import org.opsdesk.application.Page;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.TicketViews.TicketSummary;
import org.opsdesk.domain.DomainException;

/**
 * A short fingerprint of what a queue view shows: how many tickets match and the latest change among
 * them. It changes when a ticket arrives, leaves the view or changes. Cheap: a count and one row.
 */
final class QueueVersion {

    private QueueVersion() {
    }

    static String of(TicketService tickets, QueueFilter filter, Caller caller) {
        try {
            Page<TicketSummary> newest = tickets.list(filter.query(0, 1, "-updated"), caller);
            if (newest.items().isEmpty()) {
                return String.valueOf(newest.total());
            }
            TicketSummary t = newest.items().get(0);
            return newest.total() + "-" + t.number() + "-" + t.updatedAt().toEpochMilli();
        } catch (DomainException e) {
            return "invalid";
        }
    }
}
