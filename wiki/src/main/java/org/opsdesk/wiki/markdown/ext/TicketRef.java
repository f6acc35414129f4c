package org.opsdesk.wiki.markdown.ext;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A {@code #123} ticket reference found in text; its child is the text as written. */
public final class TicketRef extends Node implements DoNotDecorate {

    private final long number;

    TicketRef(BasedSequence chars, long number) {
        super(chars);
        this.number = number;
    }

    /** The ticket number. */
    public long number() {
        return number;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
