package org.opsdesk.wiki.diff;

import java.util.List;

/**
 * The outcome of a three-way merge.
 *
 * @param merged    the merged text, or null when there are conflicts
 * @param conflicts the conflicting regions, empty for a clean merge
 * @param marked    with conflicts: the merge with each conflicting region written out as both versions between
 *                  conflict markers ({@link #MINE_MARKER}, {@link #SEPARATOR}, {@link #THEIRS_MARKER}), the text to
 *                  go on from, holding every change of both sides; null for a clean merge
 */
public record MergeResult(String merged, List<MergeConflict> conflicts, String marked) {

    public static final String MINE_MARKER = "<<<<<<< yours";
    public static final String SEPARATOR = "=======";
    public static final String THEIRS_MARKER = ">>>>>>> saved meanwhile";

    /** Copies the list. */
    public MergeResult {
        conflicts = List.copyOf(conflicts);
    }

    /** Whether {@code text} still holds a region between this merge's conflict markers. */
    public static boolean hasMarkers(String text) {
        List<String> lines = Lines.of(text).lines();
        int mine = lines.indexOf(MINE_MARKER);
        return mine >= 0 && lines.subList(mine, lines.size()).contains(THEIRS_MARKER);
    }

    /** Whether the merge succeeded without conflicts. */
    public boolean clean() {
        return conflicts.isEmpty();
    }
}
