package org.opsdesk.search.lucene;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Lucene's tiered merging, except that while a rebuild runs only small segments are merged. A rebuild replaces every
 * document: the segments of the previous generation fill up with deletions and are dropped whole, without a merge,
 * when the rebuild ends ({@link LuceneSearchIndex#finishRebuild}); merging one of them while the rebuild runs copies
 * documents that are about to be deleted, then the final merge ({@link LuceneSearchIndex#compact}) copies the
 * rebuild's documents once more. In-process, a second rebuild of 100,000 tickets merged for 29-33 s at the end
 * against 13-16 s for the first one; with this policy, 12 s (the whole rebuild 783-818 documents/s before, 998
 * after). Small segments (the searchers' refreshes during a rebuild write one each time)
 * are still merged, so searches do not slow down over a long rebuild.
 */
final class RebuildMergePolicy extends FilterMergePolicy {

    /** The largest segment merged while a rebuild runs (Lucene's default is 5 GB). */
    static final double REBUILD_MAX_MERGED_SEGMENT_MB = 32;

    private final BooleanSupplier rebuilding;
    private final double maxMergedMb;
    private final TieredMergePolicy small;

    RebuildMergePolicy(BooleanSupplier rebuilding) {
        this(rebuilding, REBUILD_MAX_MERGED_SEGMENT_MB);
    }

    /** With another limit than {@value #REBUILD_MAX_MERGED_SEGMENT_MB} MB, for tests. */
    RebuildMergePolicy(BooleanSupplier rebuilding, double maxMergedMb) {
        super(new TieredMergePolicy());
        this.rebuilding = rebuilding;
        this.maxMergedMb = maxMergedMb;
        this.small = new TieredMergePolicy().setMaxMergedSegmentMB(maxMergedMb);
    }

    @Override
    public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        if (!rebuilding.getAsBoolean()) {
            return super.findMerges(trigger, infos, context);
        }
        // tiered merging also rewrites a large segment alone once a fifth of it is deleted: during a rebuild that is
        // every old segment, so only merges of small segments are let through
        return onlySmall(small.findMerges(trigger, infos, context));
    }

    /**
     * The merges Lucene runs when searchers are refreshed or the index committed: by default the natural merges
     * (of the wrapped, unlimited policy) whose segments are all small, which may still take in a large old segment;
     * while a rebuild runs, only merges of small segments as in {@link #findMerges}.
     */
    @Override
    public MergeSpecification findFullFlushMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        if (!rebuilding.getAsBoolean()) {
            return super.findFullFlushMerges(trigger, infos, context);
        }
        return onlySmall(small.findFullFlushMerges(trigger, infos, context));
    }

    private MergeSpecification onlySmall(MergeSpecification found) throws IOException {
        if (found == null) {
            return null;
        }
        MergeSpecification allowed = new MergeSpecification();
        for (OneMerge merge : found.merges) {
            if (allSmall(merge)) {
                allowed.add(merge);
            }
        }
        return allowed.merges.isEmpty() ? null : allowed;
    }

    private boolean allSmall(OneMerge merge) throws IOException {
        for (SegmentCommitInfo segment : merge.segments) {
            if (segment.sizeInBytes() > maxMergedMb * 1024 * 1024) {
                return false;
            }
        }
        return true;
    }
}
