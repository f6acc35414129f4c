package org.opsdesk.application.internal;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opsdesk.application.internal.mail.OutboxWriter;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.ticket.Message;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.domain.ticket.Trigger;
import org.opsdesk.infrastructure.persistence.TriggerRepository;

/**
 * Runs the triggers of an event in the transaction that makes it, before anyone is told of it: on a ticket just
 * created (the autoreply, the queue's list and the search index see the ticket as the triggers left it), and on a
 * ticket a customer's mail just landed on (the owner's notice of the mail goes to the owner they leave). Every active
 * trigger of the event runs, in the order of their names, each matched against the ticket as the ones before it left
 * it. The agent the triggers leave as its owner is told once, as the triggers left the ticket, unless that agent made
 * the change themselves.
 */
@ApplicationScoped
public class TicketTriggers {

    @Inject
    TriggerRepository triggers;

    @Inject
    OutboxWriter outbox;

    /**
     * {@code creator}: who created the ticket (an agent over the API, a mail's sender, a monitoring source).
     *
     * @return whether an agent the triggers assigned was told (the notice quotes the first message)
     */
    public boolean run(Ticket ticket, Trigger.Channel channel, Person creator, Instant now) {
        return runEach(ticket, triggers.active(Trigger.Event.CREATE), t -> t.matches(ticket, channel)
                && t.applyTo(ticket, now), creator);
    }

    /**
     * {@code reply}: the customer's message that {@code channel} just added to {@code ticket}.
     *
     * @return whether an agent the triggers assigned was told (the notice quotes the reply: no other is due to them)
     */
    public boolean runOnReply(Ticket ticket, Trigger.Channel channel, Message reply, Instant now) {
        // what the customer wrote: a reply quoting "Urgent: …" is no urgent reply
        String own = org.opsdesk.application.QuotedText.authorsOwn(reply.text());
        return runEach(ticket, triggers.active(Trigger.Event.REPLY), t -> t.matchesReply(ticket, channel, own)
                && t.applyToReply(ticket, now), reply.author());
    }

    /** {@code applied}: matches and applies one trigger, answering whether it changed the owner. */
    private boolean runEach(Ticket ticket, java.util.List<Trigger> active,
            java.util.function.Predicate<Trigger> applied, Person actor) {
        Person before = ticket.owner();
        String assignedBy = null;
        for (Trigger t : active) {
            if (applied.test(t)) {
                assignedBy = t.name();
            }
        }
        Person owner = ticket.owner();
        if (assignedBy != null && owner != null && !owner.equals(before) && !owner.equals(actor)) {
            outbox.notifyAssigned(ticket, owner, "Trigger " + assignedBy);
            return true;
        }
        return false;
    }
}
