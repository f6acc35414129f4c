package org.opsdesk.infrastructure.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.ticket.TimeEntry;

/** Reads the time worked on tickets for reports: sums over a period, and the entries themselves. */
@ApplicationScoped
public class TimeRepository {

    private static final String IN_PERIOD = " where e.workedAt >= :from and e.workedAt < :to";

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    public long total(Instant from, Instant to) {
        Long sum = em.createQuery("select sum(e.minutes) from TimeEntry e" + IN_PERIOD, Long.class)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
        return sum == null ? 0 : sum;
    }

    /** [agent handle (login, or address), minutes], most first. */
    public List<Object[]> byAgent(Instant from, Instant to) {
        return em.createQuery("select coalesce(a.login, a.email), sum(e.minutes) from TimeEntry e join e.agent a"
                + IN_PERIOD + " group by a.id, a.login, a.email order by sum(e.minutes) desc, coalesce(a.login, a.email)",
                Object[].class).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** [queue name, minutes] by the queue each ticket is in now, most first. */
    public List<Object[]> byQueue(Instant from, Instant to) {
        return em.createQuery("select q.name, sum(e.minutes) from TimeEntry e join e.ticket t join t.queue q"
                + IN_PERIOD + " group by q.name order by sum(e.minutes) desc, q.name", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** [number, subject, queue name, minutes], most first, at most {@code limit}. */
    public List<Object[]> byTicket(Instant from, Instant to, int limit) {
        return em.createQuery("select t.number, t.subject, q.name, sum(e.minutes) from TimeEntry e join e.ticket t"
                + " join t.queue q" + IN_PERIOD + " group by t.number, t.subject, q.name"
                + " order by sum(e.minutes) desc, t.number", Object[].class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList();
    }

    public long ticketCount(Instant from, Instant to) {
        return em.createQuery("select count(distinct e.ticket.number) from TimeEntry e" + IN_PERIOD, Long.class)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    public long entryCount(Instant from, Instant to) {
        return em.createQuery("select count(e) from TimeEntry e" + IN_PERIOD, Long.class)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    /** An entry with its ticket's subject and queue name. */
    public record EntryRow(TimeEntry entry, String subject, String queue) {
    }

    /** The entries of a period (their agents fetched) with their tickets' subjects and queues, oldest first. */
    public List<EntryRow> entries(Instant from, Instant to, int limit) {
        return em.createQuery("select e, t.subject, q.name from TimeEntry e join fetch e.agent join e.ticket t"
                + " join t.queue q" + IN_PERIOD + " order by e.workedAt, e.id", Object[].class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList().stream()
                .map(r -> new EntryRow((TimeEntry) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** A ticket's own entries, oldest first. */
    public List<TimeEntry> ofTicket(long number) {
        return em.createQuery("select e from TimeEntry e join fetch e.agent where e.ticket.number = :n order by e.id",
                TimeEntry.class).setParameter("n", number).getResultList();
    }
}
