package org.opsdesk.wiki.markdown;

/**
 * A heading of a rendered page, for its table of contents.
 *
 * @param level  1 to 6
 * @param text   the heading's text without markup
 * @param anchor the {@code id} of the rendered heading element (link to it as {@code #anchor})
 */
public record Heading(int level, String text, String anchor) {
}
