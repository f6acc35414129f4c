package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * What the rebuild's merge policy leaves alone: a large segment half of whose documents a rebuild has replaced.
 * Tiered merging with the same size limit rewrites such a segment on its own (it is "too large" and more than a
 * fifth deleted), copying documents that the rebuild's end deletes anyway. A limit of 64 KB stands in for 32 MB.
 */
class RebuildMergePolicyTest {

    private static final double LIMIT_MB = 64.0 / 1024;
    private static final int DOCS = 2000;

    @Test
    void tieredMergingWithTheSameLimitRewritesTheHalfReplacedLargeSegment() throws IOException {
        assertThat(largeSegmentSurvivesAHalfRebuild(new TieredMergePolicy().setMaxMergedSegmentMB(LIMIT_MB), () -> { }))
                .isFalse();
    }

    @Test
    void whileARebuildRunsTheHalfReplacedLargeSegmentIsLeftAlone() throws IOException {
        AtomicBoolean rebuilding = new AtomicBoolean();
        assertThat(largeSegmentSurvivesAHalfRebuild(new RebuildMergePolicy(rebuilding::get, LIMIT_MB),
                () -> rebuilding.set(true))).isTrue();
    }

    /**
     * One large segment, then (after {@code rebuildStarts}) half its documents replaced in small segments, merging as
     * {@code policy} says: answers whether the large segment is still there.
     */
    private static boolean largeSegmentSurvivesAHalfRebuild(MergePolicy policy, Runnable rebuildStarts)
            throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
                        .setMergePolicy(policy).setMergeScheduler(new SerialMergeScheduler()))) {
            for (int i = 0; i < DOCS; i++) {
                writer.addDocument(doc(i, "first"));
            }
            writer.forceMerge(1);
            writer.commit();
            Set<String> large = segments(writer);
            assertThat(large).hasSize(1);
            assertThat(dirSize(dir)).as("the large segment is over the limit").isGreaterThan(
                    (long) (LIMIT_MB * 1024 * 1024));

            rebuildStarts.run();
            for (int i = 0; i < DOCS / 2; i++) {
                writer.updateDocument(new Term("id", String.valueOf(i)), doc(i, "second"));
                if (i % 20 == 19) {
                    writer.commit(); // small segments, as the searchers' refreshes write them during a rebuild
                }
            }
            writer.maybeMerge();
            writer.commit();
            return segments(writer).containsAll(large);
        }
    }

    /** Text that does not compress away: words made from the document's number. */
    private static Document doc(int i, String generation) {
        StringBuilder body = new StringBuilder(generation);
        long x = i * 2654435761L + 1;
        for (int w = 0; w < 30; w++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            body.append(' ').append(Long.toString(x >>> 20, 36));
        }
        Document doc = new Document();
        doc.add(new StringField("id", String.valueOf(i), Field.Store.NO));
        doc.add(new TextField("body", body.toString(), Field.Store.YES));
        return doc;
    }

    private static Set<String> segments(IndexWriter writer) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return reader.leaves().stream()
                    .map(leaf -> ((SegmentReader) leaf.reader()).getSegmentName())
                    .collect(Collectors.toSet());
        }
    }

    private static long dirSize(ByteBuffersDirectory dir) throws IOException {
        long size = 0;
        for (String file : dir.listAll()) {
            size += dir.fileLength(file);
        }
        return size;
    }
}
