/**
 * OpsDesk's Flexmark extension: wiki-link targets checked and resolved through the caller's
 * {@link org.opsdesk.wiki.markdown.LinkResolver} (existing pages, "create this page" links, Hugo
 * {@code ref} shortcodes, attachments), {@code #123} ticket and {@code host:web01} host references
 * found in text nodes, and a last guard against script URLs. Everything works on the parsed tree;
 * nothing here rewrites HTML.
 */
package org.opsdesk.wiki.markdown.ext;
