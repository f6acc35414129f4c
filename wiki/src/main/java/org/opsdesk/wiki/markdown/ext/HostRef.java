package org.opsdesk.wiki.markdown.ext;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A {@code host:web01} host reference found in text; its child is the text as written. */
public final class HostRef extends Node implements DoNotDecorate {

    private final String hostName;

    HostRef(BasedSequence chars, String hostName) {
        super(chars);
        this.hostName = hostName;
    }

    /** The host name, lower-case. */
    public String hostName() {
        return hostName;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
