/**
 * The runbook wiki: {@link org.opsdesk.domain.wiki.WikiPage} (aggregate root) with its immutable
 * {@link org.opsdesk.domain.wiki.PageRevision}s, the redirects a move leaves behind, what a page refers to, and
 * page attachments. Markdown rendering, diffs and merges are the {@code wiki} module's job.
 */
package org.opsdesk.domain.wiki;
