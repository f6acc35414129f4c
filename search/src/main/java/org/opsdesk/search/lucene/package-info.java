/**
 * The Lucene implementation of {@link org.opsdesk.search.SearchIndex}: field names ({@link
 * org.opsdesk.search.lucene.Fields}), the prose and identifier analyzers, the translation of parsed
 * queries with permission filtering, ranking, facet counting and highlighting. Lucene core,
 * analysis, queries and queryparser come from the server's module; the highlighter is bundled.
 */
package org.opsdesk.search.lucene;
