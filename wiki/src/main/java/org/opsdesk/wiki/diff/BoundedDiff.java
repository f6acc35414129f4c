package org.opsdesk.wiki.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.EqualDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * A diff whose cost is bounded. Myers' algorithm takes time in proportion to the length of the texts times the
 * number of differences: two unrelated revisions of a page of a million characters took hours, with the page
 * locked while a save merged them. The common start and end are matched first (cheap); a middle longer than a
 * limit is one replaced block, which is what a reader would make of it anyway (and what a merge treats as a
 * conflict wherever the other side changed it too).
 */
final class BoundedDiff {

    /** Lines (or words) in the differing middle of both sides together beyond which it is one block. */
    static final int MAX_MIDDLE = 4_000;

    private BoundedDiff() {
    }

    static <T> Patch<T> diff(List<T> a, List<T> b) {
        return diff(a, b, MAX_MIDDLE);
    }

    static <T> Patch<T> diff(List<T> a, List<T> b, int maxMiddle) {
        int prefix = 0;
        int shorter = Math.min(a.size(), b.size());
        while (prefix < shorter && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int oldMiddle = a.size() - prefix - suffix;
        int newMiddle = b.size() - prefix - suffix;
        Patch<T> patch = new Patch<>();
        if (oldMiddle == 0 && newMiddle == 0) {
            return patch;
        }
        List<T> removed = a.subList(prefix, prefix + oldMiddle);
        List<T> added = b.subList(prefix, prefix + newMiddle);
        if (oldMiddle == 0 || newMiddle == 0 || (long) oldMiddle + newMiddle > maxMiddle) {
            patch.addDelta(delta(oldMiddle == 0 ? DeltaType.INSERT : newMiddle == 0 ? DeltaType.DELETE
                    : DeltaType.CHANGE, new Chunk<>(prefix, removed), new Chunk<>(prefix, added)));
            return patch;
        }
        for (AbstractDelta<T> d : DiffUtils.diff(removed, added).getDeltas()) {
            patch.addDelta(delta(d.getType(), new Chunk<>(prefix + d.getSource().getPosition(), d.getSource().getLines()),
                    new Chunk<>(prefix + d.getTarget().getPosition(), d.getTarget().getLines())));
        }
        return patch;
    }

    private static <T> AbstractDelta<T> delta(DeltaType type, Chunk<T> source, Chunk<T> target) {
        return switch (type) {
            case CHANGE -> new ChangeDelta<>(source, target);
            case DELETE -> new DeleteDelta<>(source, target);
            case INSERT -> new InsertDelta<>(source, target);
            case EQUAL -> new EqualDelta<>(source, target);
        };
    }
}
