package org.opsdesk.wiki.diff;

/** How a line of a diff changed. */
public enum LineKind {
    /** The same in both revisions. */
    SAME,
    /** Only in the new revision. */
    ADDED,
    /** Only in the old revision. */
    REMOVED,
    /** Edited: the old and new line side by side, changed words marked. */
    CHANGED
}
