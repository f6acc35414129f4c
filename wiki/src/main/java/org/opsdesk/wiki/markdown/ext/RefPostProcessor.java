package org.opsdesk.wiki.markdown.ext;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text nodes around {@code #123} ticket and {@code host:name} host references. Text inside
 * code, links, wiki links and autolinks is left alone (Flexmark's exclusions), and it runs after
 * the autolink extension so that a '#' in a URL stays part of the URL.
 */
final class RefPostProcessor extends NodePostProcessor {

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
    /** Group 1: a ticket number; group 2: a host name. Both must stand alone as words. */
    private static final Pattern REF = Pattern.compile(
            "(?<![\\p{Alnum}_&#/\\\\])#([1-9][0-9]{0,17})(?![\\p{Alnum}_])"
                    + "|(?<![\\p{Alnum}_./:\\\\-])host:(" + LABEL + "(?:\\." + LABEL + ")*)(?![\\p{Alnum}_-])",
            Pattern.CASE_INSENSITIVE);

    @Override
    public void process(NodeTracker state, Node node) {
        BasedSequence chars = node.getChars();
        Matcher matcher = REF.matcher(chars.toString());
        int done = 0;
        while (matcher.find()) {
            if (matcher.start() > done) {
                insertBefore(node, new Text(chars.subSequence(done, matcher.start())), state);
            }
            BasedSequence written = chars.subSequence(matcher.start(), matcher.end());
            Node ref = matcher.group(1) != null
                    ? new TicketRef(written, Long.parseLong(matcher.group(1)))
                    : new HostRef(written, matcher.group(2).toLowerCase(Locale.ROOT));
            ref.appendChild(new Text(written));
            insertBefore(node, ref, state);
            done = matcher.end();
        }
        if (done > 0) {
            if (done < chars.length()) {
                insertBefore(node, new Text(chars.subSequence(done)), state);
            }
            node.unlink();
            state.nodeRemoved(node);
        }
    }

    private static void insertBefore(Node anchor, Node inserted, NodeTracker state) {
        anchor.insertBefore(inserted);
        state.nodeAddedWithChildren(inserted);
    }

    /** Text nodes outside code and links, after autolinking. */
    static final class Factory extends NodePostProcessorFactory {

        Factory() {
            super(false);
            addNodeWithExclusions(Text.class, DoNotDecorate.class, DoNotLinkDecorate.class);
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return Set.of(AutolinkNodePostProcessor.Factory.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new RefPostProcessor();
        }
    }
}
