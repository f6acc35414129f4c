package org.opsdesk.search;

import java.util.Objects;
import java.util.Set;

/**
 * One search. The query is in the language described in {@link org.opsdesk.search.query}.
 *
 * @param query the user's text; {@code null} means empty (all documents the filters allow)
 * @param viewer who searches: decides which documents and fields are visible
 * @param types the document types wanted; empty (or {@code null}) means all
 * @param offset how many hits to skip, at least 0 and at most {@link #MAX_OFFSET}
 * @param limit how many hits to return, at least 0 and at most {@link #MAX_LIMIT}
 * @param sort the order of hits; {@code null} means {@link SortOrder#RELEVANCE}
 */
public record SearchRequest(
        String query, Viewer viewer, Set<DocType> types, int offset, int limit, SortOrder sort) {

    /** The largest page of hits a search returns. */
    public static final int MAX_LIMIT = 100;

    /** The deepest a search pages. */
    public static final int MAX_OFFSET = 10_000;

    /** Requires a viewer; normalises the rest into range. */
    public SearchRequest {
        Objects.requireNonNull(viewer, "viewer");
        query = query == null ? "" : query;
        types = types == null ? Set.of() : Set.copyOf(types);
        offset = Math.min(Math.max(offset, 0), MAX_OFFSET);
        limit = Math.min(Math.max(limit, 0), MAX_LIMIT);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
    }

    /** The first {@code limit} best hits of all types. */
    public static SearchRequest of(String query, Viewer viewer, int limit) {
        return new SearchRequest(query, viewer, Set.of(), 0, limit, SortOrder.RELEVANCE);
    }
}
