package org.opsdesk.infrastructure.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.host.Host;
import org.opsdesk.domain.host.HostName;
import org.opsdesk.domain.host.HostTicket;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.domain.ticket.TicketStatus;

/**
 * Finds and stores hosts. A name resolves to the host of that name, else one with it as an alias,
 * else (a qualified name) the host named by its short name, else (a short name) the only host with
 * that short name.
 */
@ApplicationScoped
public class HostRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    @Inject
    AppLocks locks;

    public Optional<Host> byExactName(HostName name) {
        return em.createQuery("select h from Host h where h.name = :n", Host.class).setParameter("n", name.value())
                .getResultStream().findFirst();
    }

    /** The host {@code name} names: by its name or an alias, else by a short name (see {@link #resolveIndirectly}). */
    public Optional<Host> resolve(HostName name) {
        return resolveDirectly(name).or(() -> resolveIndirectly(name));
    }

    /** The host whose name or alias {@code name} is. */
    public Optional<Host> resolveDirectly(HostName name) {
        Optional<Host> exact = byExactName(name);
        if (exact.isPresent()) {
            return exact;
        }
        return em.createQuery("select h from Host h join h.aliases a where a = :n order by h.id",
                Host.class).setParameter("n", name.value()).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * The host a name that is neither a host's name nor an alias stands for: a full name ({@code web01.a.example})
     * the host named by its short name ({@code web01}), unless that host answers to another full name of that short
     * name already (a second machine, {@code web01.b.example}, is not the first); a short name the one host that has
     * it, if only one has.
     */
    public Optional<Host> resolveIndirectly(HostName name) {
        if (name.isQualified()) {
            String sameShortName = name.shortName() + ".";
            return em.createQuery("select h from Host h where h.name = :n", Host.class)
                    .setParameter("n", name.shortName()).getResultStream().findFirst()
                    .filter(bare -> bare.aliases().stream()
                            .noneMatch(a -> a.startsWith(sameShortName) && !a.equals(name.value())));
        }
        List<Host> byShort = em.createQuery("select h from Host h where h.shortName = :n order by h.id", Host.class)
                .setParameter("n", name.value()).setMaxResults(2).getResultList();
        return byShort.size() == 1 ? Optional.of(byShort.get(0)) : Optional.empty();
    }

    /** Hosts whose name, short name, alias, address or tag contains {@code query} (all when blank). */
    public List<Host> search(String query, int offset, int limit) {
        if (query == null || query.isBlank()) {
            return em.createQuery("select h from Host h order by h.name", Host.class).setFirstResult(offset)
                    .setMaxResults(limit).getResultList();
        }
        String q = "%" + query.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
        return em.createQuery("select distinct h from Host h left join h.aliases a left join h.tags t"
                + " where h.name like :q escape '!' or a like :q escape '!' or t like :q escape '!'"
                + " or lower(h.address) like :q escape '!' order by h.name", Host.class)
                .setParameter("q", q).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * Waits for the lock on host names and holds it until this transaction ends. Whoever creates a host or
     * changes aliases takes it first, then looks again: unique constraints cannot say that web01 and
     * web01.example.com are one host, or that an alias is no other host's name or alias.
     */
    public void lockNames() {
        locks.take(AppLocks.HOST_NAMES);
    }

    /** Hosts other than {@code host} whose name or an alias is one of {@code names}. */
    public List<Host> othersNamed(Host host, java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct h from Host h left join h.aliases a where h <> :me"
                + " and (h.name in :n or a in :n) order by h.name", Host.class).setParameter("me", host)
                .setParameter("n", names).getResultList();
    }

    /** Other hosts whose short name is {@code shortName} (lower-case). */
    public List<Host> othersWithShortName(Host host, String shortName) {
        return em.createQuery("select h from Host h where h.shortName = :s and h <> :me order by h.name", Host.class)
                .setParameter("s", shortName).setParameter("me", host).setMaxResults(1).getResultList();
    }

    public void add(Host host) {
        em.persist(host);
    }

    public void flush() {
        em.flush();
    }

    public boolean linked(Host host, Ticket ticket) {
        return !em.createQuery("select l.id from HostTicket l where l.host = :h and l.ticket = :t", Long.class)
                .setParameter("h", host).setParameter("t", ticket).getResultList().isEmpty();
    }

    public void add(HostTicket link) {
        em.persist(link);
    }

    /** The numbers of every ticket linked to the host (merged ones too: they are not indexed, nothing is lost). */
    public List<Long> ticketNumbersOf(Host host) {
        return em.createQuery("select l.ticket.number from HostTicket l where l.host = :h", Long.class)
                .setParameter("h", host).getResultList();
    }

    /** The codes of the statuses a ticket is active in (new, open, pending), as stored. */
    private static final List<String> ACTIVE = java.util.Arrays.stream(TicketStatus.values())
            .filter(s -> !s.isInactive()).map(TicketStatus::code).toList();

    /** The host's active or inactive tickets, newest first. */
    public List<Ticket> ticketsOf(Host host, boolean active, int limit) {
        // not the tickets merged into others: the target is linked too, and was listed twice
        return em.createQuery("select l.ticket from HostTicket l where l.host = :h and l.ticket.mergedInto is null"
                + " and l.ticket.status " + (active ? "" : "not ") + "in :active order by l.ticket.number desc",
                Ticket.class).setParameter("h", host).setParameter("active", ACTIVE).setMaxResults(limit)
                .getResultList();
    }

    /** The open tickets of each of {@code hosts} that has any, by host id: one query for a list of hosts. */
    public java.util.Map<Long, Long> openTicketCounts(List<Host> hosts) {
        if (hosts.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object[] row : em.createQuery("select l.host.id, count(l) from HostTicket l where l.host in :hs"
                + " and l.ticket.status in :active and l.ticket.mergedInto is null"
                + " group by l.host.id", Object[].class).setParameter("hs", hosts).setParameter("active", ACTIVE)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    public long openTicketCount(Host host) {
        return openTicketCounts(List.of(host)).getOrDefault(host.id(), 0L);
    }

    /** The hosts {@code ticket} is about, by name. */
    public List<Host> hostsOf(Ticket ticket) {
        return em.createQuery("select l.host from HostTicket l where l.ticket = :t order by l.host.name", Host.class)
                .setParameter("t", ticket).getResultList();
    }

    /** Removes every ticket link of the host, merged tickets' too. */
    public void unlinkAll(Host host) {
        em.createQuery("delete from HostTicket l where l.host = :h").setParameter("h", host).executeUpdate();
    }

    public void remove(Host host) {
        em.remove(host);
    }

    public void unlink(Host host, Ticket ticket) {
        em.createQuery("delete from HostTicket l where l.host = :h and l.ticket = :t").setParameter("h", host)
                .setParameter("t", ticket).executeUpdate();
    }

    /** Hosts whose name, short name or alias is one of {@code names} (lower-case). */
    public List<Host> named(java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct h from Host h left join h.aliases a where h.name in :n"
                + " or h.shortName in :n or a in :n order by h.name", Host.class).setParameter("n", names)
                .setMaxResults(20).getResultList();
    }
}
