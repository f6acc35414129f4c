/**
 * Keeps the search index (the {@code search} module) in step with the database: changes write rows to the
 * search outbox in their own transaction; after commit the {@link org.opsdesk.infrastructure.search.SearchIndexer}
 * drains it into the one long-lived index under the data directory, and rebuilds it when asked or when missing.
 */
package org.opsdesk.infrastructure.search;
