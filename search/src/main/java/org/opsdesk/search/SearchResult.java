package org.opsdesk.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total how many documents visible to the viewer match
 * @param hits the requested page of hits
 * @param facets per facet ({@link #FACET_TYPE}, {@link #FACET_QUEUE}, {@link #FACET_STATUS},
 *     {@link #FACET_HOST}, {@link #FACET_TAG}) the count of matching visible documents per value,
 *     over all matches, not only the page; values are ordered by count, descending
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {

    /** Facet key: the document type's code. */
    public static final String FACET_TYPE = "type";

    /** Facet key: ticket queue. */
    public static final String FACET_QUEUE = "queue";

    /** Facet key: ticket status. */
    public static final String FACET_STATUS = "status";

    /** Facet key: host names (tickets). */
    public static final String FACET_HOST = "host";

    /** Facet key: tags (pages). */
    public static final String FACET_TAG = "tag";

    /** Copies the hits and facets. */
    public SearchResult {
        hits = List.copyOf(hits);
        // in the order given (type, queue, status, host, tag): Map.copyOf's order changed from one start to the next
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }
}
