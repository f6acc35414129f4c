package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opsdesk.search.DocType;
import org.opsdesk.search.PageDocument;
import org.opsdesk.search.SearchHit;
import org.opsdesk.search.SearchRequest;
import org.opsdesk.search.SearchResult;
import org.opsdesk.search.Viewer;

/**
 * The real runbooks of the shared corpus beside the repository ({@code ../shared/corpus/runbooks};
 * like the {@code it} module, {@code -Dopsdesk.corpus.dir=…/corpus/mail} points elsewhere), indexed
 * as pages. Skipped where the corpus is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunbookCorpusTest {

    private static final Path RUNBOOKS =
            Path.of(System.getProperty("opsdesk.corpus.dir", "../../shared/corpus/mail")).resolveSibling("runbooks");
    private static final Pattern TITLE = Pattern.compile("(?m)^title:\\s*\"?(.+?)\"?\\s*$");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");
    private static final Pattern ALERT_NAME = Pattern.compile("[A-Z][a-z]+[A-Z][A-Za-z0-9]+");
    private static final Viewer CUSTOMER = Viewer.customer("someone@customer.example");

    private LuceneSearchIndex index;
    private long pages;

    @BeforeAll
    void indexRunbooks() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(RUNBOOKS),
                "The runbook corpus is not at " + RUNBOOKS.toAbsolutePath() + ": skipping the corpus tests");
        index = LuceneSearchIndex.inMemory();
        try (Stream<Path> files = Files.walk(RUNBOOKS)) {
            files.filter(file -> file.toString().endsWith(".md")).forEach(file -> index.index(page(file)));
        }
        index.refresh();
        pages = index.count(DocType.PAGE);
    }

    @AfterAll
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private static PageDocument page(Path file) {
        String text = read(file);
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        String path = RUNBOOKS.relativize(file).toString().replace('\\', '/').replaceFirst("\\.md$", "")
                .toLowerCase(Locale.ROOT);
        Matcher title = TITLE.matcher(text);
        List<String> headings = HEADING.matcher(text).results().map(heading -> heading.group(1)).toList();
        String shownTitle = title.find() ? title.group(1) : headings.isEmpty() ? name : headings.get(0);
        List<String> alerts = ALERT_NAME.matcher(name).matches() ? List.of(name) : List.of();
        List<String> tags = List.of(RUNBOOKS.relativize(file).getName(0).toString());
        return new PageDocument(path, shownTitle, headings, text, tags, alerts, List.of(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> paths(String query) {
        return index.search(SearchRequest.of(query, CUSTOMER, 20)).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void indexesEveryRunbook() {
        assertThat(pages).isGreaterThan(100);
    }

    @Test
    void crashLoopingFindsTheKubePodCrashLoopingRunbook() {
        assertThat(paths("crashlooping")).contains("prometheus-operator/runbooks/kubernetes/kubepodcrashlooping");
        assertThat(paths("KubePodCrashLooping").get(0)).endsWith("/kubepodcrashlooping");
    }

    @Test
    void anAlertNameFindsItsRunbookFirst() {
        assertThat(paths("NodeRAIDDegraded")).first().asString().endsWith("/noderaiddegraded");
        assertThat(paths("noderaiddegraded")).contains(
                "prometheus-operator/runbooks/node/noderaiddegraded",
                "openshift/alerts/cluster-monitoring-operator/noderaiddegraded");
    }

    @Test
    void proseQueriesFindAndHighlightRunbooks() {
        SearchResult result = index.search(SearchRequest.of("raid array degraded", CUSTOMER, 5));

        assertThat(result.hits()).isNotEmpty();
        assertThat(result.hits().get(0).snippet()).contains("<mark>");
        assertThat(result.facets().get("type")).containsOnlyKeys("page");
        assertThat(result.facets().get("tag")).isNotEmpty();
    }

    @Test
    void suggestsRunbooksAsYouType() {
        assertThat(index.suggest("NodeRAID", CUSTOMER, 5)).extracting(suggestion -> suggestion.id())
                .anyMatch(id -> id.endsWith("/noderaiddegraded"));
    }
}
