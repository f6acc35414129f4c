package org.opsdesk.web.ui.queue;

import java.util.Optional;

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
            return of(newest.total(), newest.items().stream().findFirst());
        } catch (DomainException e) {
            return INVALID;
        }
    }

    /**
     * The fingerprint from the view's count, which the page has already, and its latest change: the page pays
     * for one count, not two.
     */
    static String of(long total, Optional<TicketSummary> newest) {
        return newest.map(t -> total + "-" + t.number() + "-" + t.updatedAt().toEpochMilli())
                .orElse(String.valueOf(total));
    }

    static final String INVALID = "invalid";
}
