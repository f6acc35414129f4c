package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class DocRangeTest {

    @Test
    void splitsSegmentsIntoTwoHalvesOfEqualSizeThatCoverEveryDocumentOnce() throws IOException {
        try (Directory dir = segments(7, 2, 5)) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                List<List<DocRange>> halves = DocRange.halves(reader.leaves(), 2);

                assertThat(halves).hasSize(2);
                // 14 documents: the first 7 (the whole first segment), then the other two segments
                assertThat(describe(halves.get(0))).containsExactly("0:0-7");
                assertThat(describe(halves.get(1))).containsExactly("1:0-2", "2:0-5");
            }
        }
    }

    @Test
    void aSegmentAcrossTheMiddleIsSplitWithinIt() throws IOException {
        try (Directory dir = segments(3, 8, 1)) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                List<List<DocRange>> halves = DocRange.halves(reader.leaves(), 2);

                assertThat(describe(halves.get(0))).containsExactly("0:0-3", "1:0-3");
                assertThat(describe(halves.get(1))).containsExactly("1:3-8", "2:0-1");
            }
        }
    }

    @Test
    void fewerDocumentsThanTheThresholdAreOneHalf() throws IOException {
        try (Directory dir = segments(3, 4)) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(DocRange.halves(reader.leaves(), 8)).hasSize(1);
                assertThat(describe(DocRange.halves(reader.leaves(), 8).get(0))).containsExactly("0:0-3", "1:0-4");
                assertThat(DocRange.halves(reader.leaves(), 7)).hasSize(2);
            }
        }
    }

    @Test
    void aSingleDocumentIsOneHalf() throws IOException {
        try (Directory dir = segments(1)) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(DocRange.halves(reader.leaves(), 2)).hasSize(1);
                assertThat(describe(DocRange.halves(reader.leaves(), 2).get(0))).containsExactly("0:0-1");
            }
        }
    }

    private static List<String> describe(List<DocRange> ranges) {
        return ranges.stream().map(r -> r.leaf().ord + ":" + r.from() + "-" + r.to()).toList();
    }

    /** An index with one segment of each size, in order. */
    private static Directory segments(int... sizes) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int size : sizes) {
                for (int i = 0; i < size; i++) {
                    Document doc = new Document();
                    doc.add(new StringField("id", size + "-" + i, Field.Store.NO));
                    writer.addDocument(doc);
                }
                writer.commit();
            }
        }
        return dir;
    }
}
