package org.opsdesk.infrastructure.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.opsdesk.domain.SearchOutboxEntry;
import org.opsdesk.domain.ticket.MessageKind;
import org.opsdesk.domain.ticket.TicketStatus;
import org.opsdesk.domain.wiki.WikiPage;
import org.opsdesk.infrastructure.persistence.SearchOutboxRepository;
import org.opsdesk.search.DocType;
import org.opsdesk.search.PageDocument;
import org.opsdesk.search.TicketDocument;
import org.opsdesk.wiki.markdown.LinkResolver;
import org.opsdesk.wiki.markdown.MarkdownRenderer;
import org.opsdesk.wiki.markdown.RenderedMarkdown;

/**
 * Reads what the index needs, a batch at a time, with a handful of set-based queries per batch (never one per
 * message): each call is its own short transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SearchDocuments {

    /** What the outbox asks for: documents to (re)index and ids that no longer exist (delete them). */
    public record Batch(List<Long> entryIds, List<TicketDocument> tickets, List<PageDocument> pages,
            List<String> goneTickets, List<String> gonePages) {

        public boolean isEmpty() {
            return entryIds.isEmpty();
        }
    }

    private static final LinkResolver NO_LINKS = new LinkResolver() {
        @Override
        public boolean pageExists(String path) {
            return true;
        }

        @Override
        public String pageUrl(String path) {
            return "";
        }

        @Override
        public String newPageUrl(String path) {
            return "";
        }

        @Override
        public String ticketUrl(long number) {
            return "";
        }

        @Override
        public String hostUrl(String hostName) {
            return "";
        }

        @Override
        public String attachmentUrl(String fileName) {
            return "";
        }
    };

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    @jakarta.inject.Inject
    SearchOutboxRepository outbox;

    /** The oldest entries but those in {@code skip}, with their documents. */
    public Batch nextBatch(java.util.Collection<Long> skip, int limit) {
        List<SearchOutboxEntry> entries = outbox.oldest(skip, limit);
        Set<Long> numbers = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        for (SearchOutboxEntry e : entries) {
            if (DocType.TICKET.code().equals(e.docType())) {
                numbers.add(Long.parseLong(e.docId()));
            } else {
                paths.add(e.docId());
            }
        }
        List<TicketDocument> t = tickets(new ArrayList<>(numbers));
        List<PageDocument> p = pages(new ArrayList<>(paths));
        List<String> goneT = new ArrayList<>();
        Set<Long> found = new java.util.HashSet<>();
        t.forEach(d -> found.add(d.number()));
        numbers.stream().filter(n -> !found.contains(n)).forEach(n -> goneT.add(n.toString()));
        Set<String> foundP = new java.util.HashSet<>();
        p.forEach(d -> foundP.add(d.path()));
        List<String> goneP = paths.stream().filter(x -> !foundP.contains(x)).toList();
        return new Batch(entries.stream().map(SearchOutboxEntry::id).toList(), t, p, goneT, goneP);
    }

    public void done(List<Long> entryIds) {
        outbox.remove(entryIds);
    }

    /** Queues these documents to be indexed again from the database as it is now (after a rebuild). */
    public void again(java.util.Collection<Long> ticketNumbers, java.util.Collection<String> pagePaths) {
        java.time.Instant now = java.time.Instant.now();
        ticketNumbers.forEach(n -> outbox.enqueue(DocType.TICKET.code(), Long.toString(n), now));
        pagePaths.forEach(p -> outbox.enqueue(DocType.PAGE.code(), p, now));
    }

    public long pending() {
        return outbox.size();
    }

    /** Ticket numbers after {@code after}, in order: the rebuild's cursor. Merged tickets are not documents. */
    public List<Long> ticketNumbers(long after, int limit) {
        return em.createQuery("select t.number from Ticket t where t.number > :a order by t.number", Long.class)
                .setParameter("a", after).setMaxResults(limit).getResultList();
    }

    public long ticketCount() {
        // the documents a rebuild writes: merged tickets are none
        return em.createQuery("select count(t) from Ticket t where t.mergedInto is null", Long.class)
                .getSingleResult();
    }

    public long pageCount() {
        return em.createQuery("select count(p) from WikiPage p", Long.class).getSingleResult();
    }

    public List<String> pagePaths() {
        return em.createQuery("select p.path from WikiPage p order by p.path", String.class).getResultList();
    }

    /** The documents of these tickets (merged ones left out: their number resolves to the target). */
    public List<TicketDocument> tickets(List<Long> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return tickets(new Numbers("%s in :n", Map.of("n", numbers)));
    }

    /**
     * The documents of the tickets numbered from {@code first} to {@code last}, both included (a rebuild's batch):
     * each query a range scan of an index rather than a list of hundreds of numbers to plan and look up.
     */
    public List<TicketDocument> ticketRange(long first, long last) {
        return tickets(new Numbers("%s between :first and :last", Map.of("first", first, "last", last)));
    }

    /** Which tickets a read is about: a condition on a path to the ticket number ({@code %s}), and its values. */
    private record Numbers(String condition, Map<String, Object> params) {

        String on(String path) {
            return String.format(condition, path);
        }
    }

    private List<TicketDocument> tickets(Numbers numbers) {
        Map<Long, List<String>> publicText = new HashMap<>();
        Map<Long, List<String>> internal = new HashMap<>();
        for (Object[] r : rows("select m.ticket.number, m.kind, m.text from Message m where "
                + numbers.on("m.ticket.number") + " order by m.id", numbers)) {
            boolean isPublic = ((MessageKind) r[1]).isPublic();
            // an agent's reply without its queue's signature, which would match every reply of theirs
            String text = r[1] == MessageKind.REPLY ? org.opsdesk.domain.queue.Signature.withoutSignature((String) r[2])
                    : (String) r[2];
            (isPublic ? publicText : internal).computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(text);
        }
        // the file names of internal comments are as internal as their text: only agents match them
        Map<Long, List<String>> files = new HashMap<>();
        for (Object[] r : rows("select a.message.ticket.number, a.message.kind, a.filename from Attachment a where "
                + numbers.on("a.message.ticket.number"), numbers)) {
            boolean isPublic = ((MessageKind) r[1]).isPublic();
            (isPublic ? files : internal).computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[2]);
        }
        // the join tables are read by their own ticket column: through the ticket's number, PostgreSQL (which carries
        // "number in (...)" over a join only as an equality) read the whole join table into a hash for each batch
        Map<Long, List<String>> requesters = group(nativeRows("select tr.ticket_number, p.email from ticket_requester tr"
                + " join person p on p.id = tr.person_id where " + numbers.on("tr.ticket_number")
                + " and p.email is not null order by tr.ticket_number, p.id", numbers));
        Map<Long, List<String>> cc = group(nativeRows("select c.ticket_number, c.address from ticket_cc c where "
                + numbers.on("c.ticket_number"), numbers));
        Map<Long, List<String>> hosts = group("select ht.ticket.number, h.name from HostTicket ht join ht.host h"
                + " where " + numbers.on("ht.ticket.number"), numbers);
        Map<Long, List<String>> hostAliases = group("select ht.ticket.number, a from HostTicket ht join ht.host h"
                + " join h.aliases a where " + numbers.on("ht.ticket.number"), numbers);
        Map<Long, List<String>> tags = group(nativeRows("select tt.ticket_number, tt.tag from ticket_tag tt where "
                + numbers.on("tt.ticket_number"), numbers));
        Map<Long, List<String>> alerts = group("select distinct a.ticket.number, a.service from Alert a"
                + " where " + numbers.on("a.ticket.number") + " and a.service is not null", numbers);
        List<TicketDocument> docs = new ArrayList<>();
        // merged tickets are skipped here, not in the query: "merged_into is null" holds for nearly every ticket,
        // yet a planner without fresh statistics took its index and read the whole table for each batch
        for (Object[] r : rows("select t.number, t.subject, q.name, t.status, o.login, t.priority, t.createdAt,"
                + " t.updatedAt, case when t.mergedInto is null then 0 else 1 end from Ticket t join t.queue q"
                + " left join t.owner o where " + numbers.on("t.number") + " order by t.number", numbers)) {
            if (((Number) r[8]).intValue() != 0) {
                continue;
            }
            Long n = (Long) r[0];
            TicketStatus status = TicketStatus.fromCode((String) r[3]);
            List<String> req = requesters.getOrDefault(n, List.of());
            docs.add(new TicketDocument(n, (String) r[1], publicText.getOrDefault(n, List.of()),
                    internal.getOrDefault(n, List.of()), files.getOrDefault(n, List.of()),
                    req, cc.getOrDefault(n, List.of()),
                    (String) r[2], status.code(), !status.isInactive(), (String) r[4], String.valueOf(r[5])
                            .toLowerCase(java.util.Locale.ROOT),
                    hosts.getOrDefault(n, List.of()), hostAliases.getOrDefault(n, List.of()),
                    alerts.getOrDefault(n, List.of()), (java.time.Instant) r[6],
                    (java.time.Instant) r[7], tags.getOrDefault(n, List.of())));
        }
        return docs;
    }

    public List<PageDocument> pages(List<String> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        List<PageDocument> docs = new ArrayList<>();
        for (WikiPage p : em.createQuery("select p from WikiPage p where p.path in :p", WikiPage.class)
                .setParameter("p", paths).getResultList()) {
            RenderedMarkdown r = MarkdownRenderer.instance().render(p.markdown(), NO_LINKS);
            docs.add(new PageDocument(p.path().value(), p.title(),
                    r.toc().stream().map(h -> h.text()).toList(), r.plainText(), r.frontMatter().tags(),
                    r.frontMatter().alerts(), r.frontMatter().services(), p.updatedAt()));
        }
        return docs;
    }

    private List<Object[]> rows(String jpql, Numbers numbers) {
        TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class);
        numbers.params().forEach(query::setParameter);
        return query.getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> nativeRows(String sql, Numbers numbers) {
        jakarta.persistence.Query query = em.createNativeQuery(sql);
        numbers.params().forEach(query::setParameter);
        return query.getResultList();
    }

    private Map<Long, List<String>> group(String jpql, Numbers numbers) {
        return group(rows(jpql, numbers));
    }

    /** Rows (ticket number, value) grouped by ticket. */
    private static Map<Long, List<String>> group(List<Object[]> rows) {
        Map<Long, List<String>> m = new LinkedHashMap<>();
        for (Object[] r : rows) {
            m.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(String.valueOf(r[1]));
        }
        return m;
    }
}
