/**
 * Bringing Markdown trees into the wiki: reading {@code .zip} and {@code .tar.gz} archives safely
 * ({@link org.opsdesk.wiki.archive.MarkdownArchive}: no zip-slip, no symlinks, size and entry
 * limits) and planning an import ({@link org.opsdesk.wiki.archive.MarkdownImporter}: page paths,
 * titles, relative links rewritten to wiki links, images as attachments). Also writes a wiki back
 * out as a zip.
 */
package org.opsdesk.wiki.archive;
