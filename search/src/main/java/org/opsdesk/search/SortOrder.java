package org.opsdesk.search;

/** How hits are ordered. */
public enum SortOrder {
    /** Best match first (most recently updated first when the query has no words). */
    RELEVANCE,
    /** Most recently updated first. */
    UPDATED
}
