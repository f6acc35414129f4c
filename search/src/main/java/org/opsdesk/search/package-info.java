/**
 * Full-text search over tickets and wiki pages behind {@link org.opsdesk.search.SearchIndex}: the
 * documents to index, search requests and results, and what a viewer may see. Plain Java; imports
 * no other OpsDesk module. The implementation is in {@code lucene}, the query language in {@code
 * query}.
 */
package org.opsdesk.search;
