package org.opsdesk.wiki.markdown.ext;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import org.opsdesk.wiki.markdown.LinkResolver;

/**
 * Registers OpsDesk's parser post-processors (invalid wiki links back to text, ticket and host
 * references) and its rendering (wiki, ticket and host links; the link resolver). Put the caller's
 * {@link LinkResolver} into the parsed document under {@link #LINK_RESOLVER} before rendering it.
 */
public final class OpsDeskExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /** The application's link resolver for the document being rendered. */
    public static final NullableDataKey<LinkResolver> LINK_RESOLVER = new NullableDataKey<>("OPSDESK_LINK_RESOLVER");

    private OpsDeskExtension() {
    }

    /** A new instance of the extension, for {@link Parser#EXTENSIONS}. */
    public static OpsDeskExtension create() {
        return new OpsDeskExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // no options of its own
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.postProcessorFactory(new InvalidWikiLinkPostProcessor.Factory());
        parserBuilder.postProcessorFactory(new RefPostProcessor.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        // no options of its own
    }

    @Override
    public void extend(HtmlRenderer.Builder rendererBuilder, String rendererType) {
        rendererBuilder.nodeRendererFactory(options -> new OpsDeskNodeRenderer());
        rendererBuilder.linkResolverFactory(new PageLinkResolver.Factory());
    }

    static LinkResolver linkResolver(Document document) {
        LinkResolver links = LINK_RESOLVER.get(document);
        if (links == null) {
            throw new IllegalStateException("no LinkResolver set on the document: render through MarkdownRenderer");
        }
        return links;
    }
}
