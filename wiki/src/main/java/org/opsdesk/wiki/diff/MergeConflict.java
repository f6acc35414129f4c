package org.opsdesk.wiki.diff;

import java.util.List;

/**
 * A region both sides changed differently.
 *
 * @param baseStartLine the 1-based line of the base where the region starts (for an insertion:
 *                      the line before which both sides inserted)
 * @param base          the region's lines in the common ancestor
 * @param mine          the region as the local edit has it
 * @param theirs        the region as the concurrent (already saved) edit has it
 */
public record MergeConflict(int baseStartLine, List<String> base, List<String> mine, List<String> theirs) {

    /** Copies the lists. */
    public MergeConflict {
        base = List.copyOf(base);
        mine = List.copyOf(mine);
        theirs = List.copyOf(theirs);
    }
}
