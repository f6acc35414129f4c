package org.opsdesk.wiki.markdown;

/**
 * An inline link or image as written in the Markdown source, with its position, so that a tool
 * (the importer) can rewrite it.
 *
 * @param kind             link or image
 * @param destination      the destination, unescaped ({@code ../b.md#x}, {@code {{< ref "./X.md" >}}})
 * @param label            the link text (or image description) without markup
 * @param start            offset of the first character of the whole link in the source
 * @param end              offset after its last character
 * @param destinationStart offset of the destination's first character
 * @param destinationEnd   offset after the destination's last character
 */
public record SourceLink(Kind kind, String destination, String label, int start, int end,
                         int destinationStart, int destinationEnd) {

    /** Whether the element is a link ({@code [a](b)}) or an image ({@code ![a](b)}). */
    public enum Kind { LINK, IMAGE }
}
