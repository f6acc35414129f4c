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

    /**
     * A host's names changed (an agent's edit of its aliases, monitoring binding a name): its tickets, whose documents
     * hold the names (see SearchDocuments), are indexed again by the next drain, within a second of the commit.
     */
    public void hostNamesChanged(Host host, java.time.Instant at) {
        hosts.ticketNumbersOf(host).forEach(n -> outbox.enqueue(DocType.TICKET.code(), Long.toString(n), at));
    }

    void afterTicket(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketChanged e) {
        indexer.kick();
    }

    void afterPage(@Observes(during = TransactionPhase.AFTER_SUCCESS) PageChanged e) {
        indexer.kick();
    }
}
