package org.opsdesk.wiki.diff;

import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A line-based three-way merge (as diff3 does it): both edits are compared with the common
 * ancestor; changes to separate regions are combined, identical changes taken once, and changes
 * that overlap or touch (adjacent lines, insertions at the same place) are conflicts.
 */
public final class ThreeWayMerge {

    private ThreeWayMerge() {
    }

    /** One side's replacement of base lines {@code [start, end)}. */
    private record Change(boolean mine, int start, int end, List<String> lines) {
    }

    /**
     * Merges two edits of the same base revision.
     *
     * @param base   the revision both edits started from
     * @param mine   the edit being saved
     * @param theirs the edit saved meanwhile
     */
    public static MergeResult merge(String base, String mine, String theirs) {
        Lines baseLines = Lines.of(base);
        Lines mineLines = Lines.of(mine);
        Lines theirLines = Lines.of(theirs);
        List<String> lines = baseLines.lines();
        List<Change> changes = new ArrayList<>();
        addChanges(changes, lines, mineLines.lines(), true);
        addChanges(changes, lines, theirLines.lines(), false);
        changes.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::end));

        List<String> merged = new ArrayList<>();
        List<String> marked = new ArrayList<>(); // the merge with both versions of each conflict, for the editor
        List<MergeConflict> conflicts = new ArrayList<>();
        int copied = 0;
        int next = 0;
        while (next < changes.size()) {
            int start = changes.get(next).start();
            int end = changes.get(next).end();
            int groupEnd = next + 1;
            while (groupEnd < changes.size() && changes.get(groupEnd).start() <= end) {
                end = Math.max(end, changes.get(groupEnd).end());
                groupEnd++;
            }
            List<Change> group = changes.subList(next, groupEnd);
            merged.addAll(lines.subList(copied, start));
            marked.addAll(lines.subList(copied, start));
            boolean mineChanged = group.stream().anyMatch(Change::mine);
            boolean theirsChanged = group.stream().anyMatch(change -> !change.mine());
            List<String> mineVersion = apply(lines, start, end, group, true);
            List<String> theirVersion = apply(lines, start, end, group, false);
            if (!theirsChanged || mineVersion.equals(theirVersion)) {
                merged.addAll(mineVersion);
                marked.addAll(mineVersion);
            } else if (!mineChanged) {
                merged.addAll(theirVersion);
                marked.addAll(theirVersion);
            } else {
                conflicts.add(new MergeConflict(start + 1, lines.subList(start, end), mineVersion, theirVersion));
                marked.add(MergeResult.MINE_MARKER);
                marked.addAll(mineVersion);
                marked.add(MergeResult.SEPARATOR);
                marked.addAll(theirVersion);
                marked.add(MergeResult.THEIRS_MARKER);
            }
            copied = end;
            next = groupEnd;
        }
        boolean terminated = mineLines.endsWithLineSeparator() == baseLines.endsWithLineSeparator()
                ? theirLines.endsWithLineSeparator()
                : mineLines.endsWithLineSeparator();
        if (!conflicts.isEmpty()) {
            marked.addAll(lines.subList(copied, lines.size()));
            return new MergeResult(null, conflicts, Lines.join(marked, terminated));
        }
        merged.addAll(lines.subList(copied, lines.size()));
        return new MergeResult(Lines.join(merged, terminated), List.of(), null);
    }

    private static void addChanges(List<Change> changes, List<String> base, List<String> edited, boolean mine) {
        for (AbstractDelta<String> delta : BoundedDiff.diff(base, edited).getDeltas()) {
            int start = delta.getSource().getPosition();
            changes.add(new Change(mine, start, start + delta.getSource().size(), delta.getTarget().getLines()));
        }
    }

    /** Base lines {@code [start, end)} with one side's changes in the group applied. */
    private static List<String> apply(List<String> base, int start, int end, List<Change> group, boolean mine) {
        List<String> result = new ArrayList<>();
        int copied = start;
        for (Change change : group) {
            if (change.mine() == mine) {
                result.addAll(base.subList(copied, change.start()));
                result.addAll(change.lines());
                copied = change.end();
            }
        }
        result.addAll(base.subList(copied, end));
        return result;
    }
}
