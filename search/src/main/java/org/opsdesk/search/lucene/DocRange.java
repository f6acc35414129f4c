package org.opsdesk.search.lucene;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;

/**
 * Documents {@code [from, to)} of one segment: a part of a search that one thread scores. Lucene 9 splits a search
 * across threads by segment only, and a compacted index has one.
 */
record DocRange(LeafReaderContext leaf, int from, int to) {

    /**
     * Fewer documents than this are one half: handing half of a small search to another thread costs more than it
     * saves (such a search takes well under a millisecond).
     */
    static final int MIN_SPLIT = 20_000;

    /**
     * The segments' documents in two halves of (about) equal size, in document order; one half when there are fewer
     * than {@code minSplit} (at least 2).
     */
    static List<List<DocRange>> halves(List<LeafReaderContext> leaves, int minSplit) {
        long total = 0;
        for (LeafReaderContext leaf : leaves) {
            total += leaf.reader().maxDoc();
        }
        if (total < Math.max(2, minSplit)) {
            return List.of(whole(leaves));
        }
        long half = total / 2;
        List<DocRange> first = new ArrayList<>();
        List<DocRange> second = new ArrayList<>();
        long seen = 0;
        for (LeafReaderContext leaf : leaves) {
            int maxDoc = leaf.reader().maxDoc();
            if (seen + maxDoc <= half) {
                first.add(new DocRange(leaf, 0, maxDoc));
            } else if (seen >= half) {
                second.add(new DocRange(leaf, 0, maxDoc));
            } else {
                int split = (int) (half - seen);
                first.add(new DocRange(leaf, 0, split));
                second.add(new DocRange(leaf, split, maxDoc));
            }
            seen += maxDoc;
        }
        return List.of(first, second);
    }

    private static List<DocRange> whole(List<LeafReaderContext> leaves) {
        List<DocRange> all = new ArrayList<>();
        for (LeafReaderContext leaf : leaves) {
            all.add(new DocRange(leaf, 0, leaf.reader().maxDoc()));
        }
        return all;
    }
}
