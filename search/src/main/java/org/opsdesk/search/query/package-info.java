/**
 * The query language people type, parsed into a backend-independent model ({@link
 * org.opsdesk.search.query.ParsedQuery}) by {@link org.opsdesk.search.query.UserQueryParser}, which
 * never fails: what is not valid syntax is searched as words.
 */
package org.opsdesk.search.query;
