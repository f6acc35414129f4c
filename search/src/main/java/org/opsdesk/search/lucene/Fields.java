package org.opsdesk.search.lucene;

import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.opsdesk.search.SearchResult;

/**
 * The names of all index fields, and how text fields are analysed. Text is indexed twice: as prose
 * ({@link ProseAnalyzer}, e.g. {@link #BODY}) and as identifiers ({@link IdentifierAnalyzer}, the
 * same name with {@code .id}). Keyword fields hold lower-cased exact values for filters; {@code
 * facet.*} fields hold doc values for counting.
 */
final class Fields {

    /** Keyword: {@code ticket:NUMBER} or {@code page:PATH}, the key of upserts and deletes. */
    static final String UID = "uid";
    /** Keyword: the type code. */
    static final String TYPE = "type";
    /** Binary doc values: what a hit shows of its document (see {@link Shown}). */
    static final String SHOWN = "shown";
    /** Long point: the generation the document was written in (see rebuilds). */
    static final String GENERATION = "generation";

    /** Prose: ticket subject or page title. */
    static final String TITLE = "title";
    /** Identifiers: ticket subject, or page title and path. */
    static final String TITLE_ID = "title.id";
    /** Prose: page headings. */
    static final String HEADINGS = "headings";
    /** Identifiers: page headings. */
    static final String HEADINGS_ID = "headings.id";
    /** Prose, stored, offsets: public ticket messages or page body. */
    static final String BODY = "body";
    /** Identifiers, offsets: public ticket messages or page body. */
    static final String BODY_ID = "body.id";
    /** Prose, stored, offsets: internal notes (agents only). */
    static final String INTERNAL = "internal";
    /** Identifiers, offsets: internal notes (agents only). */
    static final String INTERNAL_ID = "internal.id";
    /** Identifiers: hosts, alerts, attachment names, e-mail addresses, tags, services. */
    static final String NAMES = "names";

    /** Keyword: ticket number. */
    static final String NUMBER = "number";
    /** Keyword: page path, lower-cased. */
    static final String PATH = "path";
    /** Keyword: requester's e-mail address. */
    static final String REQUESTER = "requester";
    /** Keyword: e-mail addresses in copy. */
    static final String CC = "cc";
    /** Keyword: host names. */
    static final String HOST = "host";
    /** Keyword: ticket status. */
    static final String STATUS = "status";
    /** Keyword {@code true}/{@code false}: whether a ticket is open. */
    static final String OPEN = "open";
    /**
     * Numeric doc values on every document, what the recency boost reads ({@link RecencyBoost}): the last change in
     * epoch milliseconds times 2, plus 1 for an open ticket. One value on every document: read for every match of a
     * search, two values that pages lack (sparse) cost a seventh of a large search.
     */
    static final String RANKING = "ranking";
    /**
     * Sorted doc values on every document: its {@link SearchResult#FACET_TYPE type}, {@link SearchResult#FACET_QUEUE
     * queue} and {@link SearchResult#FACET_STATUS status} facet values in one ({@link #KIND_SEPARATOR} between them,
     * empty where a page has none), counted once per match instead of three times (see {@link FacetCounter}).
     */
    static final String FACET_KIND = "facet.kind";
    static final char KIND_SEPARATOR = '\u001f';
    /** The facets {@link #FACET_KIND} holds, in its order. */
    static final java.util.List<String> KIND_FACETS =
            java.util.List.of(SearchResult.FACET_TYPE, SearchResult.FACET_QUEUE, SearchResult.FACET_STATUS);
    /** Keyword: ticket queue. */
    static final String QUEUE = "queue";
    /** Keyword: owner's login. */
    static final String OWNER = "owner";
    /** Keyword: ticket priority. */
    static final String PRIORITY = "priority";
    /** Keyword: page tags. */
    static final String TAG = "tag";
    /** Keyword: alert names. */
    static final String ALERT = "alert";
    /** Long point: creation time in epoch milliseconds. */
    static final String CREATED = "created";
    /** Long point and numeric doc values: last change in epoch milliseconds. */
    static final String UPDATED = "updated";

    /** Facet key of {@link SearchResult#facets()} to its doc values field, for those not in {@link #FACET_KIND}. */
    static final Map<String, String> FACETS = Map.of(
            SearchResult.FACET_HOST, "facet.host",
            SearchResult.FACET_TAG, "facet.tag");

    private Fields() {}

    /** The analyzer for writing: identifiers for {@code *.id} and {@link #NAMES}, prose otherwise. */
    static Analyzer indexAnalyzer() {
        Analyzer identifiers = IdentifierAnalyzer.forIndex();
        return new PerFieldAnalyzerWrapper(new ProseAnalyzer(), Map.of(
                TITLE_ID, identifiers,
                HEADINGS_ID, identifiers,
                BODY_ID, identifiers,
                INTERNAL_ID, identifiers,
                NAMES, identifiers));
    }

    /** A keyword as stored and queried: trimmed and lower-cased. */
    static String keyword(String value) {
        String k = value.strip().toLowerCase(Locale.ROOT);
        return k.length() > MAX_KEYWORD ? k.substring(0, MAX_KEYWORD) : k;
    }

    /**
     * The longest keyword (and facet value) kept: a term may hold at most 32,766 bytes, and a tag of 33,000
     * characters in a page's front matter failed the page and every drain after it.
     */
    static final int MAX_KEYWORD = 1_000;
}
