package org.opsdesk.wiki.markdown.ext;

import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Set;

/**
 * Renders wiki links with the class and title their resolution gave ({@code class="wikilink"},
 * {@code class="wikilink missing" title="create this page"}), ticket references as
 * {@code <a href="..." class="ticket-ref">#123</a>} and host references as
 * {@code <a href="..." class="host-ref">host:web01</a>}.
 */
final class OpsDeskNodeRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(WikiLink.class, OpsDeskNodeRenderer::renderWikiLink),
                new NodeRenderingHandler<>(TicketRef.class, OpsDeskNodeRenderer::renderTicket),
                new NodeRenderingHandler<>(HostRef.class, OpsDeskNodeRenderer::renderHost));
    }

    private static void renderWikiLink(WikiLink link, NodeRendererContext context, HtmlWriter html) {
        ResolvedLink resolved = context.resolveLink(WikiLinkExtension.WIKI_LINK, link.getLink(), null);
        html.attr("href", resolved.getUrl()).attr(resolved.getNonNullAttributes()).withAttr(resolved).tag("a");
        context.renderChildren(link);
        html.tag("/a");
    }

    private static void renderTicket(TicketRef ref, NodeRendererContext context, HtmlWriter html) {
        String url = OpsDeskExtension.linkResolver(context.getDocument()).ticketUrl(ref.number());
        renderLink(ref, url, "ticket-ref", context, html);
    }

    private static void renderHost(HostRef ref, NodeRendererContext context, HtmlWriter html) {
        String url = OpsDeskExtension.linkResolver(context.getDocument()).hostUrl(ref.hostName());
        renderLink(ref, url, "host-ref", context, html);
    }

    private static void renderLink(Node ref, String url, String cssClass, NodeRendererContext context,
                                   HtmlWriter html) {
        html.attr("href", url).attr("class", cssClass).withAttr().tag("a");
        context.renderChildren(ref);
        html.tag("/a");
    }
}
