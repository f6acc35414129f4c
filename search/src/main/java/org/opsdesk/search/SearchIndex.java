package org.opsdesk.search;

import java.util.List;

/**
 * The full-text index over tickets and wiki pages. Implementations are thread-safe: any number of
 * concurrent searches alongside one or more writers. Writes become visible to searches, and
 * durable, at the next {@link #refresh()}.
 */
public interface SearchIndex extends AutoCloseable {

    /**
     * The version of fields and analysis; an index written with another version is rebuilt. 3: every requester of a
     * ticket in the requester field (before, the first only, the others as Cc). 4: one ranking value and one value of
     * type, queue and status on every document, read once per match (before, up to five sparse ones).
     */
    int SCHEMA_VERSION = 5;

    /** Adds the ticket, or replaces the one with the same number. */
    void index(TicketDocument doc);

    /** Adds the page, or replaces the one with the same path. */
    void index(PageDocument doc);

    /** Removes a document, if present: {@code id} is the ticket number or the page path. */
    void delete(DocType type, String id);

    /** Makes all writes so far visible to searches and durable. */
    void refresh();

    /**
     * Makes all writes so far visible to searches (near-real-time), without the cost of a durable commit: after a
     * crash they are gone until {@link #refresh()} (the caller keeps what it needs to write them again).
     */
    void publish();

    /** Runs a search; never fails on the query text (what cannot be parsed is searched as words). */
    SearchResult search(SearchRequest request);

    /**
     * Completions for what the user is typing, visible to the viewer: ticket subjects, page titles
     * and paths, and host names.
     */
    List<Suggestion> suggest(String prefix, Viewer viewer, int limit);

    /** How many documents of a type are searchable now. */
    long count(DocType type);

    /**
     * Starts a full rebuild while searching goes on: every document indexed from now on carries a
     * new generation. Index all documents, then call {@link #finishRebuild(RebuildToken)}.
     */
    RebuildToken beginRebuild();

    /** Deletes every document older than the token's generation, then {@link #refresh()}es. */
    void finishRebuild(RebuildToken token);

    /**
     * Gives up a rebuild that failed: the documents stay as they are (old and new generations side by side) and
     * the index still counts as {@linkplain #isEmptyOrOutdated() outdated}, so the next start rebuilds it.
     */
    void abandonRebuild(RebuildToken token);

    /**
     * Packs the index for searching, e.g. after a rebuild: searches go on meanwhile, and every
     * document stays findable. It may take a while (seconds per hundred thousand tickets) and
     * returns when done; then {@link #refresh()}es.
     */
    void compact();

    /**
     * Whether the caller should rebuild: true when the index held no documents or was written with
     * another {@link #SCHEMA_VERSION} when opened, or a rebuild begun then was never finished; false
     * once a rebuild has finished.
     */
    boolean isEmptyOrOutdated();

    /** Makes writes durable and releases the index. */
    @Override
    void close();
}
