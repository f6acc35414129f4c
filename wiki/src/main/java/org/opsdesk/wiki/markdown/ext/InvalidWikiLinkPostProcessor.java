package org.opsdesk.wiki.markdown.ext;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;

/**
 * Turns a wiki link whose target is no valid page path ({@code [[..]]}, {@code [[ | label]]}) back
 * into the text it was written as, so that every remaining wiki link names a page.
 */
final class InvalidWikiLinkPostProcessor extends NodePostProcessor {

    @Override
    public void process(NodeTracker state, Node node) {
        WikiLink link = (WikiLink) node;
        if (WikiTargets.pagePath(link.getPageRef().unescape()) == null) {
            Text text = new Text(link.getChars());
            link.insertBefore(text);
            state.nodeAdded(text);
            link.unlink();
            state.nodeRemovedWithDescendants(link);
        }
    }

    /** Every wiki link. */
    static final class Factory extends NodePostProcessorFactory {

        Factory() {
            super(false);
            addNodes(WikiLink.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new InvalidWikiLinkPostProcessor();
        }
    }
}
