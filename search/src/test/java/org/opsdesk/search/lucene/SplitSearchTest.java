package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsdesk.search.SearchHit;
import org.opsdesk.search.SearchRequest;
import org.opsdesk.search.SearchResult;
import org.opsdesk.search.SortOrder;
import org.opsdesk.search.TicketDocument;
import org.opsdesk.search.Viewer;

/**
 * A search split in two halves on two threads finds what the same search finds in one piece: the same total, facets
 * and hits in the same order, across several segments, deleted (replaced) documents and tied scores.
 */
class SplitSearchTest {

    private static final List<String> WORDS = List.of("disk", "full", "nginx", "restart", "db01.prod.example.com",
            "ORA-00942", "timeout", "backup", "kernel", "panic", "KubePodCrashLooping", "10.0.0.1:9100");
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private static ExecutorService executor;
    private static LuceneSearchIndex whole;
    private static LuceneSearchIndex split;

    @BeforeAll
    static void index() {
        executor = Executors.newFixedThreadPool(2);
        whole = LuceneSearchIndex.inMemory(Runnable::run, Integer.MAX_VALUE);
        split = LuceneSearchIndex.inMemory(executor, 2);
        Random random = new Random(7);
        for (int batch = 0; batch < 5; batch++) {
            for (int i = 0; i < 300; i++) {
                // numbers repeat across batches: later batches replace (delete) earlier documents
                long number = 1 + random.nextInt(1_000);
                TicketDocument doc = ticket(number, random);
                whole.index(doc);
                split.index(doc);
            }
            whole.refresh();
            split.refresh();
        }
    }

    @AfterAll
    static void close() {
        whole.close();
        split.close();
        executor.shutdownNow();
    }

    @Test
    void findsWhatTheWholeSearchFinds() {
        for (String query : List.of("disk", "disk full", "\"kernel panic\"", "db01", "ORA-00942", "crashlooping",
                "nginx OR backup", "rest*", "timeout -backup", "queue:ops", "status:open disk", "10.0.0.1", "",
                "dsik")) {
            for (SortOrder sort : SortOrder.values()) {
                for (int offset : new int[] {0, 7}) {
                    SearchRequest request = new SearchRequest(query, Viewer.agent("admin"), java.util.Set.of(), offset,
                            25, sort);
                    SearchResult expected = whole.search(request);
                    SearchResult actual = split.search(request);

                    String what = query + " " + sort + " @" + offset;
                    assertThat(actual.total()).as(what).isEqualTo(expected.total());
                    assertThat(actual.facets()).as(what).isEqualTo(expected.facets());
                    // a disjunction sums its fields' scores in the order its heap holds them, which depends on where a
                    // half began: scores may differ in their last bits, not more
                    assertThat(actual.hits()).as(what).usingElementComparator(SplitSearchTest::compareHits)
                            .isEqualTo(expected.hits());
                }
            }
        }
    }

    /** 0 for hits equal but for the last bits of their scores. */
    private static int compareHits(SearchHit a, SearchHit b) {
        boolean closeScores = Math.abs(a.score() - b.score()) <= 1e-5f * Math.max(a.score(), b.score());
        return closeScores && a.equals(new SearchHit(b.type(), b.id(), b.title(), b.snippet(), a.score(), b.status(),
                b.queue(), b.updated())) ? 0 : 1;
    }

    private static TicketDocument ticket(long number, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5 + random.nextInt(20); i++) {
            text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
        }
        // few distinct times: many hits tie on the update time as well as on the score
        Instant updated = T0.plusSeconds(3_600L * random.nextInt(4));
        String status = random.nextBoolean() ? "open" : "resolved";
        return new TicketDocument(number, WORDS.get(random.nextInt(WORDS.size())) + " alert", List.of(text.toString()),
                List.of(), List.of(), List.of("c" + random.nextInt(5) + "@example.com"), List.of(),
                random.nextBoolean() ? "ops" : "support", status, status.equals("open"), null, "normal", List.of(),
                List.of(), List.of(), updated, updated);
    }
}
