package org.opsdesk.wiki.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opsdesk.wiki.markdown.ext.HostRef;
import org.opsdesk.wiki.markdown.ext.TicketRef;
import org.opsdesk.wiki.markdown.ext.WikiTargets;

/** What one walk over a parsed (and possibly rendered) document finds. */
final class DocumentFacts {

    final List<Heading> toc = new ArrayList<>();
    final Set<String> wikiLinks = new LinkedHashSet<>();
    final Set<Long> ticketRefs = new LinkedHashSet<>();
    final Set<String> hostRefs = new LinkedHashSet<>();
    final List<SourceLink> links = new ArrayList<>();
    String firstHeading;

    private DocumentFacts() {
    }

    /** Collects headings (with their anchors once rendered), link targets, references and links. */
    static DocumentFacts of(Document document) {
        DocumentFacts facts = new DocumentFacts();
        for (Node node : document.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                facts.heading(heading);
            } else if (node instanceof WikiLink wikiLink) {
                facts.wikiLinks.add(WikiTargets.pagePath(wikiLink.getPageRef().unescape()));
            } else if (node instanceof TicketRef ticket) {
                facts.ticketRefs.add(ticket.number());
            } else if (node instanceof HostRef host) {
                facts.hostRefs.add(host.hostName());
            } else if (node instanceof Link || node instanceof Image) {
                facts.inlineLink((InlineLinkNode) node);
            }
        }
        return facts;
    }

    private void heading(com.vladsch.flexmark.ast.Heading heading) {
        String text = PlainText.of(heading);
        toc.add(new Heading(heading.getLevel(), text, heading.getAnchorRefId()));
        if (firstHeading == null && heading.getLevel() == 1) {
            firstHeading = text;
        }
    }

    private void inlineLink(InlineLinkNode link) {
        BasedSequence url = link.getUrl();
        if (url.isEmpty()) {
            return;
        }
        String destination = url.unescape();
        String label = PlainText.of(link);
        SourceLink.Kind kind = link instanceof Image ? SourceLink.Kind.IMAGE : SourceLink.Kind.LINK;
        links.add(new SourceLink(kind, destination, label, link.getStartOffset(), link.getEndOffset(),
                url.getStartOffset(), url.getEndOffset()));
        String hugoRef = kind == SourceLink.Kind.LINK ? WikiTargets.hugoRef(destination) : null;
        String path = hugoRef == null ? null : WikiTargets.hugoRefPagePath(hugoRef);
        if (path != null) {
            wikiLinks.add(path);
        }
    }
}
