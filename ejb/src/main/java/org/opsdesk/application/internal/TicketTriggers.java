package org.opsdesk.application.internal;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opsdesk.application.internal.mail.OutboxWriter;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.domain.ticket.Trigger;
import org.opsdesk.infrastructure.persistence.TriggerRepository;

/**
 * Runs the triggers on a ticket just created, in the transaction that creates it, before anyone is told of it (the
 * autoreply, the queue's list and the search index see the ticket as the triggers left it): every active trigger in
 * the order of their names, each matched against the ticket as the ones before it left it. The agent the triggers
 * leave as its owner is told once, as the triggers left the ticket, unless they created it themselves.
 */
@ApplicationScoped
public class TicketTriggers {

    @Inject
    TriggerRepository triggers;

    @Inject
    OutboxWriter outbox;

    /** {@code creator}: who created the ticket (an agent over the API, a mail's sender, a monitoring source). */
    public void run(Ticket ticket, Trigger.Channel channel, Person creator, Instant now) {
        Person before = ticket.owner();
        String assignedBy = null;
        for (Trigger t : triggers.active()) {
            if (t.matches(ticket, channel) && t.applyTo(ticket, now)) {
                assignedBy = t.name();
            }
        }
        Person owner = ticket.owner();
        if (assignedBy != null && owner != null && !owner.equals(before) && !owner.equals(creator)) {
            outbox.notifyAssigned(ticket, owner, "Trigger " + assignedBy);
        }
    }
}
