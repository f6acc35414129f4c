package org.opsdesk.infrastructure.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.opsdesk.domain.host.Host;
import org.opsdesk.domain.ticket.TicketChanged;
import org.opsdesk.domain.wiki.PageChanged;
import org.opsdesk.infrastructure.persistence.HostRepository;
import org.opsdesk.infrastructure.persistence.SearchOutboxRepository;
import org.opsdesk.search.DocType;

/**
 * Turns domain events into search outbox rows inside the transaction that made the change (so the row commits,
 * or rolls back, with it), and after commit wakes the indexer.
 */
@ApplicationScoped
public class SearchOutboxWriter {

    @Inject
    SearchOutboxRepository outbox;

    @Inject
    SearchIndexer indexer;

    void ticketChanged(@Observes TicketChanged e) {
        outbox.enqueue(DocType.TICKET.code(), Long.toString(e.number()), e.at());
    }

    void pageChanged(@Observes PageChanged e) {
        outbox.enqueue(DocType.PAGE.code(), e.path(), e.at());
        if (e.previousPath() != null) {
            outbox.enqueue(DocType.PAGE.code(), e.previousPath(), e.at());
        }
    }

    @Inject
    HostRepository hosts;

    @Inject
    jakarta.enterprise.event.Event<HostNamesChanged> hostEvents;

    /** Rows written for a host's tickets: after commit, the indexer is woken as for any ticket change. */
    record HostNamesChanged(long tickets) {
    }

    /**
     * A host's names changed (an agent's edit of its aliases, monitoring binding a name): its tickets, whose documents
     * hold the names (see SearchDocuments), are indexed again by a drain woken after the commit (the once-a-second
     * tick alone came up to a second and a drain late: the new alias was not always found within a second).
     */
    public void hostNamesChanged(Host host, java.time.Instant at) {
        java.util.List<Long> numbers = hosts.ticketNumbersOf(host);
        numbers.forEach(n -> outbox.enqueue(DocType.TICKET.code(), Long.toString(n), at));
        if (!numbers.isEmpty()) {
            hostEvents.fire(new HostNamesChanged(numbers.size()));
        }
    }

    void afterHost(@Observes(during = TransactionPhase.AFTER_SUCCESS) HostNamesChanged e) {
        indexer.kick();
    }

    void afterTicket(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketChanged e) {
        indexer.kick();
    }

    void afterPage(@Observes(during = TransactionPhase.AFTER_SUCCESS) PageChanged e) {
        indexer.kick();
    }
}
