package org.opsdesk.application.internal.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.opsdesk.domain.ticket.TicketChanged;
import org.opsdesk.infrastructure.persistence.TicketRepository;

/**
 * A new ticket, however it came (an agent, mail, an alert), is told to whoever its queue names, inside the transaction
 * that made it: the mail commits with the ticket or not at all. The one place for the rule.
 */
@ApplicationScoped
public class QueueNotifications {

    /** The change a new ticket's event carries. */
    static final String CREATED = "created";

    @Inject
    TicketRepository tickets;

    @Inject
    OutboxWriter outbox;

    void ticketChanged(@Observes TicketChanged e) {
        if (CREATED.equals(e.change())) {
            tickets.byNumber(e.number()).ifPresent(outbox::notifyQueue);
        }
    }
}
