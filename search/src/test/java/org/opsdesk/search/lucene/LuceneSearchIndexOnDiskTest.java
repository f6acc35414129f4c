package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.search.DocType;
import org.opsdesk.search.PageDocument;
import org.opsdesk.search.RebuildToken;
import org.opsdesk.search.SearchHit;
import org.opsdesk.search.SearchIndex;
import org.opsdesk.search.SearchRequest;
import org.opsdesk.search.Viewer;

/** Reopening, schema versions and rebuilds of an index on disk. */
class LuceneSearchIndexOnDiskTest {

    private static final Viewer AGENT = Viewer.agent("bob");

    @TempDir
    Path dir;

    private static PageDocument page(String path, String title) {
        return new PageDocument(path, title, List.of(), "Some text.", List.of(), List.of(), List.of(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static List<String> ids(SearchIndex index, String query) {
        return index.search(SearchRequest.of(query, AGENT, 10)).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void createsTheDirectoryAndKeepsDocumentsAcrossReopening() {
        Path nested = dir.resolve("a/b/index");
        try (SearchIndex index = LuceneSearchIndex.open(nested)) {
            assertThat(index.isEmptyOrOutdated()).isTrue();
            index.index(page("howto/printer", "Printer howto"));
            index.refresh();
        }

        try (SearchIndex index = LuceneSearchIndex.open(nested)) {
            assertThat(index.isEmptyOrOutdated()).isFalse();
            assertThat(ids(index, "printer")).containsExactly("howto/printer");
        }
    }

    @Test
    void closingMakesWritesDurable() {
        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            index.index(page("a", "Printer"));
        }

        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.count(DocType.PAGE)).isEqualTo(1);
        }
    }

    @Test
    void anIndexOfAnotherSchemaVersionIsWipedAndReportedOutdated() throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField("type", "page", Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(Map.of("opsdesk.schemaVersion", "0").entrySet());
            writer.commit();
        }

        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.isEmptyOrOutdated()).isTrue();
            assertThat(index.count(DocType.PAGE)).isZero();
        }
        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.isEmptyOrOutdated()).as("still empty").isTrue();
        }
    }

    @Test
    void aRebuildNotFinishedBeforeClosingIsReportedOutdated() {
        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            index.index(page("old", "Printer old"));
            index.refresh();
            index.beginRebuild();
            index.index(page("new", "Printer new"));
        }

        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.isEmptyOrOutdated()).isTrue();
            RebuildToken token = index.beginRebuild();
            index.index(page("new", "Printer new"));
            index.finishRebuild(token);

            assertThat(ids(index, "printer")).containsExactly("new");
            assertThat(index.isEmptyOrOutdated()).isFalse();
        }
        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.isEmptyOrOutdated()).isFalse();
        }
    }

    @Test
    void generationsKeepGrowingAcrossReopening() {
        long first;
        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            first = index.beginRebuild().generation();
            index.index(page("a", "Printer"));
            index.finishRebuild(new RebuildToken(first));
        }

        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            RebuildToken second = index.beginRebuild();
            assertThat(second.generation()).isGreaterThan(first);
            index.finishRebuild(second);
            assertThat(index.count(DocType.PAGE)).as("not re-indexed, so removed").isZero();
        }
    }

    @Test
    void aSecondWriterOnTheSameDirectoryIsRefused() {
        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThatThrownBy(() -> LuceneSearchIndex.open(dir)).isInstanceOf(UncheckedIOException.class);
            assertThat(index.count(DocType.PAGE)).isZero();
        }
    }

    @Test
    void searchesRunConcurrentlyWithWritersAndRebuilds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SearchIndex index = LuceneSearchIndex.open(dir)) {
            for (int i = 0; i < 50; i++) {
                index.index(page("p" + i, "Printer " + i));
            }
            index.refresh();
            RebuildToken token = index.beginRebuild();
            Callable<Integer> writer = () -> {
                for (int i = 0; i < 50; i++) {
                    index.index(page("p" + i, "Printer " + i));
                    if (i % 10 == 0) {
                        index.refresh();
                    }
                }
                return 50;
            };
            Callable<Integer> reader = () -> {
                int searches = 0;
                for (int i = 0; i < 100; i++) {
                    assertThat(index.search(SearchRequest.of("printer", AGENT, 5)).total()).isEqualTo(50);
                    searches++;
                }
                return searches;
            };
            List<Future<Integer>> futures = pool.invokeAll(List.of(writer, reader, reader, reader));
            for (Future<Integer> future : futures) {
                assertThat(future.get()).isPositive();
            }
            index.finishRebuild(token);
            assertThat(index.count(DocType.PAGE)).isEqualTo(50);
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
