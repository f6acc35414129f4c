package org.opsdesk.wiki.markdown.ext;

import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.ext.wikilink.internal.WikiLinkLinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.opsdesk.wiki.markdown.LinkResolver;

/**
 * Resolves link destinations through the application's {@link LinkResolver}:
 * <ul>
 *   <li>wiki links and Hugo {@code ref} links become {@code class="wikilink"} links to the page, or
 *       {@code class="wikilink missing"} links to the "create this page" form;</li>
 *   <li>images, and links to files other than Markdown, whose destination is a bare file name go
 *       to the page's attachment;</li>
 *   <li>a destination that is a script or data URL once entities are decoded (which Flexmark's
 *       suppression, working on the raw text, misses) is replaced by {@code #}.</li>
 * </ul>
 * Anything else is left to Flexmark.
 */
final class PageLinkResolver implements com.vladsch.flexmark.html.LinkResolver {

    private static final Pattern DANGEROUS_SCHEME = Pattern.compile("^(?:javascript|vbscript|data):.*", Pattern.DOTALL);
    private static final Pattern CONTROL_OR_BLANK = Pattern.compile("[\\x00-\\x20\\x7f]+");
    private static final Pattern FILE_EXTENSION = Pattern.compile("(?i).+\\.(?!md$|markdown$)[a-z0-9]{1,10}");

    private final LinkResolver links;

    private PageLinkResolver(LinkResolver links) {
        this.links = links;
    }

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        String url = link.getUrl();
        LinkType type = link.getLinkType();
        if (isDangerous(url)) {
            return link.withUrl(type == LinkType.IMAGE ? "" : "#").withStatus(LinkStatus.INVALID);
        }
        if (type == WikiLinkExtension.WIKI_LINK) {
            WikiLink wikiLink = (WikiLink) node;
            String anchor = wikiLink.getAnchorRef().isNull() ? null : wikiLink.getAnchorRef().unescape();
            return pageLink(WikiTargets.pagePath(wikiLink.getPageRef().unescape()), anchor);
        }
        if (type == LinkType.LINK) {
            String hugoRef = WikiTargets.hugoRef(url);
            if (hugoRef != null) {
                String path = WikiTargets.hugoRefPagePath(hugoRef);
                return path == null ? link : pageLink(path, WikiTargets.anchorOf(hugoRef));
            }
        }
        String fileName = writtenAsLinkOrImage(node) ? WikiTargets.bareFileName(url) : null;
        boolean attachment = fileName != null
                && (type == LinkType.IMAGE || type == LinkType.LINK && FILE_EXTENSION.matcher(fileName).matches());
        return attachment ? link.withUrl(links.attachmentUrl(fileName)).withStatus(LinkStatus.VALID) : link;
    }

    private ResolvedLink pageLink(String path, String anchor) {
        String fragment = anchor == null || anchor.isBlank() ? "" : "#" + WikiTargets.anchor(anchor);
        MutableAttributes attributes = new MutableAttributes();
        if (links.pageExists(path)) {
            attributes.addValue("class", "wikilink");
            return new ResolvedLink(LinkType.LINK, links.pageUrl(path) + fragment, attributes, LinkStatus.VALID);
        }
        attributes.addValue("class", "wikilink missing");
        attributes.addValue("title", "create this page");
        return new ResolvedLink(LinkType.LINK, links.newPageUrl(path), attributes, LinkStatus.NOT_FOUND);
    }

    /** Links and images written with a destination (inline or by reference), not autolinks. */
    private static boolean writtenAsLinkOrImage(Node node) {
        return node instanceof InlineLinkNode || node instanceof RefNode;
    }

    private static boolean isDangerous(String url) {
        return DANGEROUS_SCHEME.matcher(CONTROL_OR_BLANK.matcher(url).replaceAll("").toLowerCase(Locale.ROOT))
                .matches();
    }

    /** Runs before the wiki-link extension's own resolver, which would otherwise claim wiki links. */
    static final class Factory implements LinkResolverFactory {

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(WikiLinkLinkResolver.Factory.class);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }

        @Override
        public com.vladsch.flexmark.html.LinkResolver apply(LinkResolverBasicContext context) {
            return new PageLinkResolver(OpsDeskExtension.linkResolver(context.getDocument()));
        }
    }
}
