package org.opsdesk.infrastructure.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Aggregate read queries over tickets for the dashboard: counts and time stamps, no entities. */
@ApplicationScoped
public class DashboardRepository {

    /** The statuses of tickets that still need work. */
    public static final List<String> ACTIVE = org.opsdesk.domain.ticket.TicketStatus.codes(false);

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    /** Rows of (queue name, active tickets), every queue, by name. */
    public List<Object[]> activePerQueue() {
        return em.createQuery("select q.name, count(t) from Queue q left join Ticket t on t.queue = q"
                + " and t.mergedInto is null and t.status in :active group by q.name order by q.name", Object[].class)
                .setParameter("active", ACTIVE).getResultList();
    }

    /** Rows of (status, tickets) for the active statuses that have tickets. */
    public List<Object[]> activePerStatus() {
        return em.createQuery("select t.status, count(t) from Ticket t where t.mergedInto is null"
                + " and t.status in :active group by t.status", Object[].class)
                .setParameter("active", ACTIVE).getResultList();
    }

    /** When each ticket created since {@code since} was created (bucketed into days by the caller). */
    public List<Instant> createdSince(Instant since) {
        return em.createQuery("select t.createdAt from Ticket t where t.createdAt >= :since", Instant.class)
                .setParameter("since", since).getResultList();
    }

    /** When each ticket resolved since {@code since} was last resolved. */
    public List<Instant> resolvedSince(Instant since) {
        return em.createQuery("select t.resolvedAt from Ticket t where t.resolvedAt >= :since", Instant.class)
                .setParameter("since", since).getResultList();
    }
}
