package org.opsdesk.wiki.markdown;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rendered page and what was found in it.
 *
 * @param html         the HTML body (front matter not rendered, raw HTML escaped)
 * @param frontMatter  the page's front matter, {@link FrontMatter#EMPTY} when it has none
 * @param toc          every heading, in document order
 * @param wikiLinks    normalised page paths the page links to ({@code [[...]]} and Hugo {@code ref} links)
 * @param ticketRefs   ticket numbers referenced as {@code #123}
 * @param hostRefs     host names referenced as {@code host:web01}, lower-cased
 * @param plainText    the text without markup, for the search index
 * @param firstHeading the text of the first level-1 heading, or null
 */
public record RenderedMarkdown(String html, FrontMatter frontMatter, List<Heading> toc, Set<String> wikiLinks,
                               Set<Long> ticketRefs, Set<String> hostRefs, String plainText, String firstHeading) {

    /** Copies the collections (keeping their order). */
    public RenderedMarkdown {
        toc = List.copyOf(toc);
        wikiLinks = Collections.unmodifiableSet(new LinkedHashSet<>(wikiLinks));
        ticketRefs = Collections.unmodifiableSet(new LinkedHashSet<>(ticketRefs));
        hostRefs = Collections.unmodifiableSet(new LinkedHashSet<>(hostRefs));
    }
}
