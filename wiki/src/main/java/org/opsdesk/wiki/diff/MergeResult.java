package org.opsdesk.wiki.diff;

import java.util.List;

/**
 * The outcome of a three-way merge.
 *
 * @param merged    the merged text, or null when there are conflicts
 * @param conflicts the conflicting regions, empty for a clean merge
 */
public record MergeResult(String merged, List<MergeConflict> conflicts) {

    /** Copies the list. */
    public MergeResult {
        conflicts = List.copyOf(conflicts);
    }

    /** Whether the merge succeeded without conflicts. */
    public boolean clean() {
        return conflicts.isEmpty();
    }
}
