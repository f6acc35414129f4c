package org.opsdesk.infrastructure.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.ticket.Attachment;
import org.opsdesk.domain.ticket.AttachmentContent;
import org.opsdesk.domain.ticket.Link;
import org.opsdesk.domain.ticket.Ticket;

/** Finds and stores tickets; lists them with filters, sort and paging. */
@ApplicationScoped
public class TicketRepository {

    /**
     * Sort keys of ticket lists and the JPQL they order by. The requester is the one a list shows first (the ticket's
     * requesters in the order they became people here), by the address or, for an agent without one, the login.
     * Statuses sort in the order of a ticket's life (new, open, pending, resolved, closed, rejected), not by name.
     */
    private static final Map<String, String> SORT_KEYS = Map.ofEntries(
            Map.entry("number", "t.number"),
            Map.entry("created", "t.createdAt"),
            Map.entry("updated", "t.updatedAt"),
            Map.entry("subject", "lower(t.subject)"),
            Map.entry("status", statusRank()),
            Map.entry("queue", "t.queue.name"),
            Map.entry("owner", "o.login"),
            Map.entry("priority", "t.priorityRank"),
            Map.entry("due", "t.due"),
            Map.entry("sla", nextDeadline()),
            Map.entry("requester", "(select coalesce(lower(fr.email), fr.login) from Person fr where fr.id ="
                    + " (select min(r.id) from Ticket rt join rt.requesters r where rt = t))"));

    /**
     * The next deadline of a ticket's service level while its clock runs (new, open): the first response until it
     * is given, else the resolution; none otherwise ({@code Ticket.nextDeadline} in the database's words).
     */
    private static String nextDeadline() {
        return "case when t.status in ('new', 'open') then case when t.firstResponseAt is null and t.responseDue is"
                + " not null and (t.resolutionDue is null or t.responseDue < t.resolutionDue) then t.responseDue"
                + " else t.resolutionDue end end";
    }
    /** A status's place in {@link TicketStatus}'s order, as JPQL. */
    private static String statusRank() {
        StringBuilder rank = new StringBuilder("case t.status");
        for (org.opsdesk.domain.ticket.TicketStatus s : org.opsdesk.domain.ticket.TicketStatus.values()) {
            rank.append(" when '").append(s.code()).append("' then ").append(s.ordinal());
        }
        return rank.append(" else ").append(org.opsdesk.domain.ticket.TicketStatus.values().length).append(" end")
                .toString();
    }

    /** The joins some sort keys need (outer: unowned tickets sort by owner too); other listings leave them out. */
    private static final Map<String, String> SORT_JOINS = Map.of("owner", " left join t.owner o");

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    public Optional<Ticket> byNumber(long number) {
        return Optional.ofNullable(em.find(Ticket.class, number));
    }

    /** The ticket with this number, following merges to the ticket it lives on in now. */
    public Optional<Ticket> resolve(long number) {
        Ticket t = em.find(Ticket.class, number);
        int hops = 0;
        while (t != null && t.mergedInto() != null && hops++ < 100) {
            t = t.mergedInto();
        }
        return Optional.ofNullable(t);
    }

    public void add(Ticket ticket) {
        em.persist(ticket);
    }

    public void flush() {
        em.flush();
    }

    public List<Long> mergedInto(Ticket target) {
        return em.createQuery("select t.number from Ticket t where t.mergedInto = :t order by t.number", Long.class)
                .setParameter("t", target).getResultList();
    }

    /** The numbers of the tickets merged into this one, directly or through others merged into it. */
    public java.util.Set<Long> mergedIntoEver(Ticket target) {
        java.util.Set<Long> all = new java.util.LinkedHashSet<>();
        List<Long> next = mergedInto(target);
        for (int depth = 0; !next.isEmpty() && depth < 100; depth++) {
            all.addAll(next);
            next = em.createQuery("select t.number from Ticket t where t.mergedInto.number in :n order by t.number",
                    Long.class).setParameter("n", next).getResultList().stream().filter(n -> !all.contains(n))
                    .toList();
        }
        return all;
    }

    /** Links from other tickets to this one. */
    public List<Link> incomingLinks(Ticket target) {
        return em.createQuery("select l from Link l join fetch l.source where l.target = :t order by l.id", Link.class)
                .setParameter("t", target).getResultList();
    }

    public Optional<AttachmentContent> content(String sha256) {
        return Optional.ofNullable(em.find(AttachmentContent.class, sha256));
    }

    /** Inserts new content at once (a flush), so that a lost race over its key fails here, not at commit. */
    public void addNow(AttachmentContent content) {
        em.persist(content);
        em.flush();
    }

    public Optional<Attachment> attachment(long id) {
        return Optional.ofNullable(em.find(Attachment.class, id));
    }

    /**
     * The most recently updated tickets (not merged away) that any of {@code emails} requested, other than
     * {@code except}: one query, no count (the ticket page's side panel, which a requester of thousands of tickets
     * made slow as a listing).
     */
    public List<Ticket> latestOfRequesters(java.util.Collection<String> emails, long except, int limit) {
        if (emails.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct t from Ticket t join t.requesters r where r.email in :emails"
                + " and t.number <> :except and t.mergedInto is null order by t.updatedAt desc, t.number desc",
                Ticket.class).setParameter("emails", emails).setParameter("except", except).setMaxResults(limit)
                .getResultList();
    }

    /** The new and open tickets of {@code queue}, merged ones left out. */
    public List<Ticket> newAndOpenIn(org.opsdesk.domain.queue.Queue queue) {
        return em.createQuery("select t from Ticket t where t.queue = :queue and t.mergedInto is null"
                + " and t.status in :running", Ticket.class).setParameter("queue", queue)
                .setParameter("running", List.of("new", "open")).getResultList();
    }

    /** A filtered, sorted page of tickets that were not merged away. */
    public record ListQuery(String queue, List<String> statuses, List<org.opsdesk.domain.ticket.Priority> priorities,
            String ownerLogin, String requester, boolean unowned, java.time.Instant overdueAt, String text, int offset,
            int limit, String sort, String tag, String watcherLogin, java.time.Instant escalatedAt,
            String organizationKey) {

        public ListQuery(String queue, List<String> statuses, List<org.opsdesk.domain.ticket.Priority> priorities,
                String ownerLogin, String requester, boolean unowned, java.time.Instant overdueAt, String text,
                int offset, int limit, String sort) {
            this(queue, statuses, priorities, ownerLogin, requester, unowned, overdueAt, text, offset, limit, sort,
                    null, null, null, null);
        }
    }

    public record ListResult(List<Ticket> tickets, long total) {
    }

    /** The where of a listing, with its parameters. */
    private record Filter(String where, Map<String, Object> params) {
    }

    /** The joins a sort needs and its order by. */
    private record Ordering(String join, String orderBy) {
    }

    private static Filter filter(ListQuery q) {
        StringBuilder where = new StringBuilder(" where t.mergedInto is null");
        Map<String, Object> params = new HashMap<>();
        if (q.queue() != null) {
            // the queue's id from a sub-query rather than a join by name: then the planner knows the one queue and
            // uses the per-queue indexes (the priority-sorted page at 100,000 tickets: 41 to 0.5 ms on PostgreSQL)
            where.append(" and t.queue.id = (select q.id from Queue q where lower(q.name) = lower(:queue))");
            params.put("queue", q.queue());
        }
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            where.append(" and t.status in :statuses");
            params.put("statuses", q.statuses());
        }
        if (q.priorities() != null && !q.priorities().isEmpty()) {
            where.append(" and t.priority in :priorities");
            params.put("priorities", q.priorities());
        }
        if (q.unowned()) {
            where.append(" and t.owner is null"); // the foreign key alone: no join, so an index serves it
        } else if (q.ownerLogin() != null) {
            where.append(" and t.owner.login = :owner");
            params.put("owner", q.ownerLogin());
        }
        if (q.requester() != null) {
            where.append(" and exists (select 1 from Ticket t2 join t2.requesters r"
                    + " where t2 = t and r.email = :requester)");
            params.put("requester", q.requester());
        }
        if (q.overdueAt() != null) {
            where.append(" and t.due < :overdueAt and t.status in :stillActive");
            params.put("overdueAt", q.overdueAt());
            params.put("stillActive", DashboardRepository.ACTIVE);
        }
        if (q.escalatedAt() != null) {
            // Ticket.isEscalated in the database's words
            where.append(" and t.status in :clockRuns and ((t.firstResponseAt is null and t.responseDue <= :escalatedAt)"
                    + " or t.resolutionDue <= :escalatedAt)");
            params.put("escalatedAt", q.escalatedAt());
            params.put("clockRuns", List.of(org.opsdesk.domain.ticket.TicketStatus.NEW.code(),
                    org.opsdesk.domain.ticket.TicketStatus.OPEN.code()));
        }
        if (q.organizationKey() != null) {
            // a requester at one of its domains (its customers are read, never stored)
            where.append(" and exists (select 1 from Ticket t4 join t4.requesters r4 where t4 = t"
                    + " and r4.kind = :customerKind and r4.emailDomain in (select d4 from Organization o4"
                    + " join o4.domains d4 where o4.nameKey = :organization))");
            params.put("organization", q.organizationKey());
            params.put("customerKind", org.opsdesk.domain.party.Person.Kind.CUSTOMER);
        }
        if (q.tag() != null) {
            // exists, as the requester's: a semi-join that may start from the tag's index ("member of" became a
            // correlated "in" run for every ticket)
            where.append(" and exists (select 1 from Ticket t3 join t3.tags g where t3 = t and g = :tag)");
            params.put("tag", q.tag());
        }
        if (q.watcherLogin() != null) {
            where.append(" and exists (select 1 from Watcher w where w.ticket = t and w.agent.login = :watcher)");
            params.put("watcher", q.watcherLogin());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" and lower(t.subject) like :text escape '!'");
            params.put("text", "%" + q.text().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        return new Filter(where.toString(), params);
    }

    public ListResult list(ListQuery q) {
        Filter f = filter(q);
        TypedQuery<Long> count = em.createQuery("select count(t) from Ticket t" + f.where(), Long.class);
        f.params().forEach(count::setParameter);
        List<Ticket> tickets = new ArrayList<>(
                page(f, q.sort()).setFirstResult(q.offset()).setMaxResults(q.limit()).getResultList());
        return new ListResult(tickets, count.getSingleResult());
    }

    /** The first ticket of a listing in its sort, without counting the rest. */
    public Optional<Ticket> first(ListQuery q) {
        return page(filter(q), q.sort()).setMaxResults(1).getResultList().stream().findFirst();
    }

    private TypedQuery<Ticket> page(Filter f, String sort) {
        Ordering o = ordering(sort);
        TypedQuery<Ticket> page = em.createQuery("select t from Ticket t" + o.join() + f.where() + o.orderBy(),
                Ticket.class);
        f.params().forEach(page::setParameter);
        return page;
    }

    private static Ordering ordering(String sort) {
        String s = sort == null || sort.isBlank() ? "-number" : sort.strip();
        boolean desc = s.startsWith("-");
        String key = desc || s.startsWith("+") ? s.substring(1) : s;
        String name = key.toLowerCase(Locale.ROOT);
        String expr = SORT_KEYS.get(name);
        if (expr == null) {
            throw DomainException.invalid("unknown_sort", "Cannot sort by '" + key + "'; use one of: "
                    + String.join(", ", new java.util.TreeSet<>(SORT_KEYS.keySet()))
                    + " (prefix - for descending).");
        }
        String dir = desc ? " desc" : " asc";
        // unowned and undated tickets after the others either way, on every database (H2 puts nulls first, PostgreSQL
        // last)
        String nulls = name.equals("owner") || name.equals("due") || name.equals("sla") ? " nulls last" : "";
        return new Ordering(SORT_JOINS.getOrDefault(name, ""),
                " order by " + expr + dir + nulls + ", t.number" + dir);
    }
}
