package org.opsdesk.infrastructure.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;


/** Reads the time worked on tickets for reports: sums over a period, and the entries themselves. */
@ApplicationScoped
public class TimeRepository {

    private static final String IN_PERIOD = " where e.workedAt >= :from and e.workedAt < :to";

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

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

    /**
     * An entry as listings show it, read as plain columns (no entity, its ticket or message loaded): the ticket it was
     * logged on, with that ticket's subject and queue.
     */
    public record EntryRow(long id, long ticket, String agent, int minutes, Instant at, Long message, String note,
            String subject, String queue) {
    }

    private static final String ROWS = "select e.id, t.number, coalesce(a.login, a.email), e.minutes, e.workedAt, m.id,"
            + " e.note, t.subject, q.name from TimeEntry e join e.agent a join e.ticket t join t.queue q"
            + " left join e.message m";

    /** The entries of a period, oldest first. */
    public List<EntryRow> entries(Instant from, Instant to, int limit) {
        return rows(em.createQuery(ROWS + IN_PERIOD + " order by e.workedAt, e.id", Object[].class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList());
    }

    /** The entries logged on these tickets, oldest first. */
    public List<EntryRow> ofTickets(java.util.Collection<Long> numbers) {
        return rows(em.createQuery(ROWS + " where t.number in :n order by e.workedAt, e.id", Object[].class)
                .setParameter("n", numbers).getResultList());
    }

    private static List<EntryRow> rows(List<Object[]> rows) {
        return rows.stream().map(r -> new EntryRow((Long) r[0], (Long) r[1], (String) r[2], ((Number) r[3]).intValue(),
                (Instant) r[4], (Long) r[5], (String) r[6], (String) r[7], (String) r[8])).toList();
    }
}
