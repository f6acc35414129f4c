package org.opsdesk.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One search over tickets and wiki pages (see the README for the query language). Every hit is one the caller
 * may see. A bare ticket number ({@code 123}, {@code #123}) names the ticket to jump to.
 */
public interface SearchService {

    /** The deepest a search pages: the largest offset. */
    int MAX_OFFSET = org.opsdesk.search.SearchRequest.MAX_OFFSET;

    record Hit(String type, String id, String title, String snippet, float score, String status, String queue,
            Instant updated) {
    }

    /** {@code notice}: why the results may be incomplete (the index is being rebuilt), else null. */
    record Results(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, Long jumpTo, String notice) {
    }

    record Suggestion(String kind, String id, String label) {
    }

    /**
     * What the index holds ({@code tickets}, {@code pages}) against what the database holds ({@code
     * databaseTickets}, merged tickets not counted, and {@code databasePages}): equal once {@code pending} changes are
     * indexed and no rebuild runs.
     */
    record IndexStatus(long tickets, long pages, long pending, boolean rebuilding, long rebuildDone,
            long rebuildTotal, Instant rebuildStartedAt, Instant rebuildFinishedAt, String rebuildError,
            long databaseTickets, long databasePages) {
    }

    /**
     * {@code type} is {@code ticket}, {@code page} or blank for both; {@code sort} {@code relevance} or
     * {@code updated}.
     */
    Results search(String query, String type, int offset, int limit, String sort, Caller caller);

    List<Suggestion> suggest(String prefix, int limit, Caller caller);

    IndexStatus status(Caller caller);

    /** Starts a full rebuild from the database (admins); searching goes on meanwhile. */
    IndexStatus rebuild(Caller caller);
}
