package org.opsdesk.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.mail.InboundMail;
import org.opsdesk.domain.mail.InboundMailContent;
import org.opsdesk.domain.mail.Mailbox;
import org.opsdesk.domain.mail.OutboundMail;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.ticket.Message;

/** Inbound mail, the outbox and mailboxes. */
@ApplicationScoped
public class MailRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    @Inject
    RowLocks rows;

    public void add(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public Optional<InboundMail> inbound(long id) {
        return Optional.ofNullable(em.find(InboundMail.class, id));
    }

    /** The mail, locked: two workers processing one message take turns (the second finds it delivered). */
    public Optional<InboundMail> lockInbound(long id) {
        if (!rows.lock("inbound_mail", id)) {
            return Optional.empty();
        }
        InboundMail m = em.find(InboundMail.class, id);
        if (m != null) {
            // refreshed: it may have been loaded before the lock, and its state must be read after it
            em.refresh(m);
        }
        return Optional.ofNullable(m);
    }

    /** Mail stored before {@code before} and never processed (the server stopped in between). */
    public List<Long> stuckInbound(Instant before, int limit) {
        return em.createQuery("select m.id from InboundMail m where m.state = :s and m.receivedAt < :b order by m.id",
                Long.class).setParameter("s", InboundMail.State.RECEIVED).setParameter("b", before)
                .setMaxResults(limit).getResultList();
    }

    /** The raw bytes of a stored mail. */
    public byte[] content(long id) {
        InboundMailContent c = em.find(InboundMailContent.class, id);
        return c == null ? new byte[0] : c.raw();
    }

    /** The ticket of the message read from stored mail {@code id}, or null when none was. */
    public Long ticketOfMessageReadFrom(long id) {
        return em.createQuery("select m.ticket.number from Message m where m.originalMail = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }

    public Optional<InboundMail> inboundByKey(String dedupeKey) {
        return em.createQuery("select m from InboundMail m where m.dedupeKey = :k", InboundMail.class)
                .setParameter("k", dedupeKey).getResultStream().findFirst();
    }

    public List<InboundMail> inboundIn(InboundMail.State state, int offset, int limit) {
        return em.createQuery("select m from InboundMail m where m.state = :s order by m.id desc", InboundMail.class)
                .setParameter("s", state).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public List<InboundMail> inboundWith(InboundMail.Disposition disposition, int offset, int limit) {
        return em.createQuery("select m from InboundMail m where m.disposition = :d order by m.id desc",
                InboundMail.class).setParameter("d", disposition).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    public long countInboundWith(InboundMail.Disposition disposition) {
        return em.createQuery("select count(m) from InboundMail m where m.disposition = :d", Long.class)
                .setParameter("d", disposition).getSingleResult();
    }

    public long countInbound(InboundMail.State state) {
        return em.createQuery("select count(m) from InboundMail m where m.state = :s", Long.class)
                .setParameter("s", state).getSingleResult();
    }

    /** Counts of stored inbound mail by state and disposition ({@code delivered/created}). */
    public java.util.Map<String, Long> inboundStats() {
        java.util.Map<String, Long> stats = new java.util.TreeMap<>();
        for (Object[] row : em.createQuery("select m.state, m.disposition, count(m) from InboundMail m"
                + " group by m.state, m.disposition", Object[].class).getResultList()) {
            String key = row[0].toString().toLowerCase(java.util.Locale.ROOT)
                    + (row[1] == null ? "" : "/" + row[1].toString().toLowerCase(java.util.Locale.ROOT));
            stats.put(key, (Long) row[2]);
        }
        return stats;
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    /**
     * For each of these RFC Message-IDs that is stored, the ticket of its first message (inbound or sent), else of
     * its first sent mail: the mail that first came under an id is the one its replies answer, and another mail sent
     * later under the same id (anyone may write any Message-ID) must not draw the replies to the first into a
     * ticket of its own. Each query reads every match (an id is stored once or a few times) and the first is
     * picked here: with "order by id" and a limit of one, PostgreSQL without fresh statistics walked the whole
     * message table backwards through its primary key for an id it did not have, which is the usual case for a new
     * thread (a reply to mail we never saw).
     */
    public Map<String, Long> ticketsOfStoredMessages(List<String> messageIds) {
        Map<String, Long> tickets = new java.util.HashMap<>();
        if (messageIds.isEmpty()) {
            return tickets;
        }
        firstPerId(em.createQuery("select m.rfcMessageId, m.id, m.ticket.number from Message m"
                + " where m.rfcMessageId in :ids", Object[].class).setParameter("ids", messageIds).getResultList())
                .forEach(tickets::putIfAbsent);
        firstPerId(em.createQuery("select o.messageId, o.id, o.ticketNumber from OutboundMail o"
                + " where o.messageId in :ids and o.ticketNumber is not null", Object[].class)
                .setParameter("ids", messageIds).getResultList()).forEach(tickets::putIfAbsent);
        return tickets;
    }

    /** Of rows (message id, row id, ticket number): per message id, the ticket of the row with the lowest id. */
    private static Map<String, Long> firstPerId(List<Object[]> rows) {
        Map<String, Object[]> first = new java.util.HashMap<>();
        for (Object[] r : rows) {
            first.merge((String) r[0], r, (a, b) -> (Long) a[1] <= (Long) b[1] ? a : b);
        }
        Map<String, Long> tickets = new java.util.HashMap<>();
        first.forEach((id, r) -> tickets.put(id, (Long) r[2]));
        return tickets;
    }

    /**
     * The RFC Message-IDs of the mail a customer saw of a ticket, oldest first (for References): its inbound mail and
     * the replies and autoreplies sent, never an internal comment's nor an agent's notification. The first one and
     * the {@code newest} last ones: References name the thread's start and its latest mail.
     */
    public List<String> threadIds(long ticket, int newest, java.util.Collection<String> people) {
        List<Object[]> rows = new java.util.ArrayList<>();
        String inbound = "select m.rfcMessageId, m.createdAt, m.id from Message m where m.ticket.number = :t"
                + " and m.rfcMessageId is not null and m.kind = org.opsdesk.domain.ticket.MessageKind.INBOUND"
                + fromPeople(people);
        String sent = "select o.messageId, o.createdAt, o.id from OutboundMail o where o.ticketNumber = :t"
                + " and o.kind in (org.opsdesk.domain.mail.OutboundMail.Kind.REPLY,"
                + " org.opsdesk.domain.mail.OutboundMail.Kind.AUTOREPLY)";
        for (String query : List.of(inbound, sent)) {
            List<Object[]> latest = withPeople(em.createQuery(query + " order by 2 desc, 3 desc", Object[].class)
                    .setParameter("t", ticket), query, people).setMaxResults(newest + 1).getResultList();
            rows.addAll(latest);
            if (latest.size() > newest) { // more than the newest: the first one too (usually one query per kind)
                rows.addAll(withPeople(em.createQuery(query + " order by 2 asc, 3 asc", Object[].class)
                        .setParameter("t", ticket), query, people).setMaxResults(1).getResultList());
            }
        }
        rows.sort(java.util.Comparator.comparing((Object[] r) -> (Instant) r[1]));
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        rows.forEach(r -> ids.add((String) r[0]));
        List<String> all = new java.util.ArrayList<>(ids);
        if (all.size() > newest + 1) {
            all.subList(1, all.size() - newest).clear(); // the first, and the newest
        }
        return all;
    }

    /** The newest inbound message of a ticket that has a Message-ID (what a reply answers). */
    public Optional<String> lastInboundId(long ticket, java.util.Collection<String> people) {
        String query = "select m.rfcMessageId from Message m where m.ticket.number = :t"
                + " and m.kind = org.opsdesk.domain.ticket.MessageKind.INBOUND and m.rfcMessageId is not null"
                + fromPeople(people) + " order by m.id desc";
        return withPeople(em.createQuery(query, String.class).setParameter("t", ticket), query, people)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Only the mail of the ticket's own people (requesters and Cc, lower-case) counts in its customer thread: a
     * vendor's answer to a forward, or a bounce, is on the ticket too, and the customer's next reply named it in
     * In-Reply-To (the vendor's mail host with it). Empty: no one to tell apart, all inbound mail counts.
     */
    private static String fromPeople(java.util.Collection<String> people) {
        return people == null || people.isEmpty() ? "" : " and lower(m.fromAddress) in :people";
    }

    private static <T> jakarta.persistence.TypedQuery<T> withPeople(jakarta.persistence.TypedQuery<T> q, String query,
            java.util.Collection<String> people) {
        return query.contains(":people") ? q.setParameter("people", people) : q;
    }

    /**
     * Holds the recipient's row until the transaction ends, so that counting their automatic mail of the hour and
     * adding one are one step: two mails from one sender at once both counted below the limit, and a loop on two
     * streams got more answers than it allows. On PostgreSQL the lock is {@code FOR NO KEY UPDATE}: the transaction
     * has just named the person as a new ticket's requester, which holds a key-share lock on the row, and two such
     * transactions each waiting with {@code FOR UPDATE} for the other's key-share lock were a deadlock (Hibernate's
     * PESSIMISTIC_WRITE is {@code FOR UPDATE} there).
     */
    public void lockRecipient(Person recipient) {
        em.createNativeQuery("SELECT id FROM person WHERE id = ?1 " + (rows.postgres() ? "FOR NO KEY UPDATE" : "FOR UPDATE"))
                .setParameter(1, recipient.id()).getResultList();
    }

    public long autoMailsTo(String recipient, Instant since) {
        return em.createQuery("select count(o) from OutboundMail o where o.to = :r and o.createdAt > :since"
                + " and o.kind in (org.opsdesk.domain.mail.OutboundMail.Kind.AUTOREPLY,"
                + " org.opsdesk.domain.mail.OutboundMail.Kind.NOTIFICATION)", Long.class)
                .setParameter("r", recipient).setParameter("since", since).getSingleResult();
    }

    /** Whether outbound mail about this ticket went to this address (lower-case), in To or Cc. */
    public boolean sentAbout(java.util.Collection<Long> tickets, String address) {
        return !tickets.isEmpty() && em.createQuery("select o.to, o.cc from OutboundMail o where o.ticketNumber in :t",
                        Object[].class)
                .setParameter("t", tickets).getResultStream()
                .anyMatch(r -> listed((String) r[0], address) || listed((String) r[1], address));
    }

    private static boolean listed(String addresses, String address) {
        if (addresses == null) {
            return false;
        }
        for (String a : org.opsdesk.domain.mail.OutboundMail.split(addresses)) {
            if (a.strip().equalsIgnoreCase(address)) {
                return true;
            }
        }
        return false;
    }

    public long autoMailsAbout(long ticket, Instant since) {
        return em.createQuery("select count(o) from OutboundMail o where o.ticketNumber = :t and o.createdAt > :since"
                + " and o.kind in (org.opsdesk.domain.mail.OutboundMail.Kind.AUTOREPLY,"
                + " org.opsdesk.domain.mail.OutboundMail.Kind.NOTIFICATION)", Long.class)
                .setParameter("t", ticket).setParameter("since", since).getSingleResult();
    }

    /** The mails that told a ticket's watchers of its messages since then. */
    public long watcherMailsAbout(long ticket, Instant since) {
        return em.createQuery("select count(o) from OutboundMail o where o.ticketNumber = :t and o.createdAt > :since"
                + " and o.kind = org.opsdesk.domain.mail.OutboundMail.Kind.WATCHER", Long.class)
                .setParameter("t", ticket).setParameter("since", since).getSingleResult();
    }

    /** A ticket's mail that has not gone out after a try, or was given up: at most {@code limit}, oldest first. */
    public List<OutboundMail> unsentOf(long ticket, int limit) {
        return em.createQuery("select o from OutboundMail o where o.ticketNumber = :t and (o.state ="
                + " org.opsdesk.domain.mail.OutboundMail.State.FAILED or (o.state ="
                + " org.opsdesk.domain.mail.OutboundMail.State.QUEUED and o.attempts > 0)) order by o.id",
                OutboundMail.class).setParameter("t", ticket).setMaxResults(limit).getResultList();
    }

    public Optional<OutboundMail> outbound(long id) {
        return Optional.ofNullable(em.find(OutboundMail.class, id));
    }

    public List<Long> dueOutbound(Instant now, int limit) {
        return em.createQuery("select o.id from OutboundMail o where o.state in (:q, :s) and o.nextAttemptAt <= :now"
                + " order by o.id", Long.class)
                .setParameter("q", OutboundMail.State.QUEUED).setParameter("s", OutboundMail.State.SENDING)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    public List<OutboundMail> outboundList(OutboundMail.State state, Long ticket, int offset, int limit) {
        var q = em.createQuery("select o from OutboundMail o" + outboundWhere(state, ticket) + " order by o.id desc",
                OutboundMail.class);
        if (state != null) {
            q.setParameter("s", state);
        }
        if (ticket != null) {
            q.setParameter("t", ticket);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countOutbound(OutboundMail.State state, Long ticket) {
        var q = em.createQuery("select count(o) from OutboundMail o" + outboundWhere(state, ticket), Long.class);
        if (state != null) {
            q.setParameter("s", state);
        }
        if (ticket != null) {
            q.setParameter("t", ticket);
        }
        return q.getSingleResult();
    }

    private static String outboundWhere(OutboundMail.State state, Long ticket) {
        String where = " where 1 = 1";
        if (state != null) {
            where += " and o.state = :s";
        }
        if (ticket != null) {
            where += " and o.ticketNumber = :t";
        }
        return where;
    }

    public Optional<Message> message(long id) {
        return Optional.ofNullable(em.find(Message.class, id));
    }

    /** Every blocked sender, by pattern. */
    public List<org.opsdesk.domain.mail.BlockedSender> blockedSenders() {
        return em.createQuery("select b from BlockedSender b order by b.pattern",
                org.opsdesk.domain.mail.BlockedSender.class).getResultList();
    }

    public Optional<org.opsdesk.domain.mail.BlockedSender> blockedSender(long id) {
        return Optional.ofNullable(em.find(org.opsdesk.domain.mail.BlockedSender.class, id));
    }

    /** The most specific of these patterns that is blocked (the longest: an address before its domain). */
    public Optional<String> blockedPattern(List<String> patterns) {
        return em.createQuery("select b.pattern from BlockedSender b where b.pattern in :p", String.class)
                .setParameter("p", patterns).getResultList().stream()
                .max(java.util.Comparator.comparingInt(String::length));
    }

    public List<Mailbox> mailboxes() {
        return em.createQuery("select m from Mailbox m order by m.name", Mailbox.class).getResultList();
    }

    public Optional<Mailbox> mailbox(String name) {
        return em.createQuery("select m from Mailbox m where m.name = :n", Mailbox.class).setParameter("n", name)
                .getResultStream().findFirst();
    }

    /** Clears every mailbox's poll claim; answers how many were held. */
    public int releaseMailboxClaims() {
        return em.createQuery("update Mailbox m set m.pollingUntil = null where m.pollingUntil is not null")
                .executeUpdate();
    }

    /** Locks the mailbox row so that two workers never claim it at once. */
    public Optional<Mailbox> lockMailbox(long id) {
        if (!rows.lock("mailbox", id)) {
            return Optional.empty();
        }
        Mailbox m = em.find(Mailbox.class, id);
        if (m != null) {
            em.refresh(m);
        }
        return Optional.ofNullable(m);
    }
}
