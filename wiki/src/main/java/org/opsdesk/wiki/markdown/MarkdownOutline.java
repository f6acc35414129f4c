package org.opsdesk.wiki.markdown;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a page says about itself, read without rendering HTML.
 *
 * @param frontMatter  the front matter, {@link FrontMatter#EMPTY} when there is none
 * @param firstHeading the text of the first level-1 heading, or null
 * @param wikiLinks    normalised page paths linked as {@code [[...]]} or through Hugo {@code ref} links
 * @param links        the inline links and images as written, in document order
 */
public record MarkdownOutline(FrontMatter frontMatter, String firstHeading, Set<String> wikiLinks,
                              List<SourceLink> links) {

    /** Copies the collections (keeping their order). */
    public MarkdownOutline {
        wikiLinks = Collections.unmodifiableSet(new LinkedHashSet<>(wikiLinks));
        links = List.copyOf(links);
    }
}
