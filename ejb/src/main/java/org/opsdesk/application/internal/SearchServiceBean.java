package org.opsdesk.application.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.SearchService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.infrastructure.persistence.TicketRepository;
import org.opsdesk.infrastructure.search.SearchDocuments;
import org.opsdesk.infrastructure.search.SearchIndexer;
import org.opsdesk.infrastructure.security.KnownCallers;
import org.opsdesk.search.DocType;
import org.opsdesk.search.QuerySyntax;
import org.opsdesk.search.SearchRequest;
import org.opsdesk.search.SearchResult;
import org.opsdesk.search.SortOrder;
import org.opsdesk.search.Viewer;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SearchServiceBean implements SearchService {

    private static final int MAX_LIMIT = 100;

    @EJB
    SearchIndexer indexer;

    @EJB
    SearchDocuments documents;

    @Inject
    KnownCallers callers;

    @Inject
    Clock clock;

    @Inject
    TicketRepository tickets;

    @Override
    public Results search(String query, String type, int offset, int limit, String sort, Caller caller) {
        String login = Agents.requireLogin(callers, caller, clock.instant());
        if (offset < 0 || offset > MAX_OFFSET || limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("invalid_paging", "offset must be 0 to " + MAX_OFFSET
                    + " (narrow the search to go deeper) and limit between 1 and " + MAX_LIMIT + ".");
        }
        Set<DocType> types = types(type);
        SortOrder order = order(sort);
        String q = query == null ? "" : query;
        Long jump = null;
        OptionalLong n = QuerySyntax.ticketNumber(q);
        if (n.isPresent() && tickets.byNumber(n.getAsLong()).isPresent()) {
            jump = n.getAsLong();
        }
        SearchRequest request = new SearchRequest(q, new Viewer(login, true), types, offset, limit, order);
        SearchResult r = indexer.read(index -> index.search(request));
        return new Results(r.total(), r.hits().stream().map(h -> new Hit(h.type().code(), h.id(), h.title(),
                h.snippet(), h.score(), h.status(), h.queue(), h.updated())).toList(), r.facets(), jump, notice(q));
    }

    /** What the one searching should know: a filter read as words, a rebuild under way; null when nothing. */
    private String notice(String query) {
        List<String> notes = new ArrayList<>();
        List<String> misread = QuerySyntax.misreadFilters(query);
        if (!misread.isEmpty()) {
            notes.add("Searched as words, not as a filter: " + String.join("; ", misread) + ".");
        }
        SearchIndexer.RebuildStatus r = indexer.rebuildStatus();
        if (r.running()) {
            notes.add("The search index is being rebuilt (" + r.done() + " of " + r.total()
                    + " documents so far): results may be incomplete for a moment.");
        }
        return notes.isEmpty() ? null : String.join(" ", notes);
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit, Caller caller) {
        String login = Agents.requireLogin(callers, caller, clock.instant());
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        Viewer viewer = new Viewer(login, true);
        int max = Math.max(1, Math.min(limit, 20));
        return indexer.read(index -> index.suggest(prefix, viewer, max)).stream()
                .map(s -> new Suggestion(s.kind(), s.id(), s.label())).toList();
    }

    @Override
    public IndexStatus status(Caller caller) {
        Agents.requireLogin(callers, caller, clock.instant());
        return status();
    }

    @Override
    public IndexStatus rebuild(Caller caller) {
        Admins.require(caller, "rebuild the search index");
        indexer.startRebuild();
        return status();
    }

    private IndexStatus status() {
        SearchIndexer.RebuildStatus r = indexer.rebuildStatus();
        return new IndexStatus(indexer.read(index -> index.count(DocType.TICKET)),
                indexer.read(index -> index.count(DocType.PAGE)),
                indexer.pending(), r.running(), r.done(), r.total(), r.startedAt(), r.finishedAt(), r.error(),
                documents.ticketCount(), documents.pageCount());
    }

    private static Set<DocType> types(String type) {
        if (type == null || type.isBlank()) {
            return Set.of();
        }
        try {
            return Set.of(DocType.fromCode(type.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_type", "type must be 'ticket' or 'page', not '" + type + "'.");
        }
    }

    private static SortOrder order(String sort) {
        if (sort == null || sort.isBlank() || sort.equalsIgnoreCase("relevance")) {
            return SortOrder.RELEVANCE;
        }
        if (sort.equalsIgnoreCase("updated")) {
            return SortOrder.UPDATED;
        }
        throw DomainException.invalid("invalid_sort", "sort must be 'relevance' or 'updated', not '" + sort + "'.");
    }
}
