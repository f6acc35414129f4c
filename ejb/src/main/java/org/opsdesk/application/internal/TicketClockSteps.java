package org.opsdesk.application.internal;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.application.internal.mail.OutboxWriter;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.domain.ticket.TicketChanged;
import org.opsdesk.domain.ticket.TicketStatus;

/** The steps of {@link TicketClocks}, each ticket in a transaction of its own. */
@Stateless
public class TicketClockSteps {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    @Inject
    OutboxWriter outbox;

    @Inject
    Event<TicketChanged> events;

    /** Pending tickets whose reminder time is {@code now} or earlier, the longest waiting first. */
    public List<Long> remindersDue(Instant now, int limit) {
        return em.createQuery("select t.number from Ticket t where t.status = :pending and t.pendingUntil <= :now"
                + " and t.mergedInto is null order by t.pendingUntil, t.number", Long.class)
                .setParameter("pending", TicketStatus.PENDING.code()).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /** Opens ticket {@code number} if its reminder is still due, and tells its owner. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void remind(long number, Instant now) {
        Ticket t = em.find(Ticket.class, number);
        if (t != null && t.remindIfDue(now)) {
            em.flush(); // a change by an agent at the same moment fails here, as a lost race
            outbox.notifyReminder(t);
            events.fire(new TicketChanged(t.number(), "pending_reminder", null, now));
        }
    }

    /**
     * New and open tickets past a deadline of their service level, or past its warning, as of {@code now}, not told
     * yet ({@code Ticket.escalateIfDue} and {@code Ticket.warnIfDue} in the database's words), the lowest numbers
     * first.
     */
    public List<Long> escalationsDue(Instant now, int limit) {
        return em.createQuery("select t.number from Ticket t where t.status in :running and t.mergedInto is null"
                + " and ((t.firstResponseAt is null and t.responseDue <= :now and t.responseEscalated = false)"
                + " or (t.resolutionDue <= :now and t.resolutionEscalated = false)"
                + " or (t.firstResponseAt is null and t.responseWarnAt <= :now and t.responseWarned = false)"
                + " or (t.resolutionWarnAt <= :now and t.resolutionWarned = false)) order by t.number", Long.class)
                .setParameter("running", List.of(TicketStatus.NEW.code(), TicketStatus.OPEN.code()))
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /**
     * Records the breach of ticket {@code number}'s deadlines, if they are still breached, and the warnings of those
     * nearing, and tells of them.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void escalate(long number, Instant now) {
        Ticket t = em.find(Ticket.class, number);
        if (t == null) {
            return;
        }
        List<String> breached = t.escalateIfDue(now);
        List<String> nearing = t.warnIfDue(now);
        if (!breached.isEmpty() || !nearing.isEmpty()) {
            em.flush(); // a change by an agent at the same moment fails here, as a lost race
        }
        if (!breached.isEmpty()) {
            outbox.notifyEscalation(t, breached);
            events.fire(new TicketChanged(t.number(), "escalated", null, now));
        }
        if (!nearing.isEmpty()) {
            outbox.notifySlaWarning(t, nearing);
            events.fire(new TicketChanged(t.number(), "sla_warning", null, now));
        }
    }
}
