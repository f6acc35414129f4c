/**
 * Markdown to HTML: {@link org.opsdesk.wiki.markdown.MarkdownRenderer} is the one Flexmark
 * configuration of OpsDesk (raw HTML escaped, dangerous link schemes suppressed, wiki links and
 * ticket and host references resolved on the parsed tree). The caller supplies URLs and page
 * existence through {@link org.opsdesk.wiki.markdown.LinkResolver}.
 */
package org.opsdesk.wiki.markdown;
