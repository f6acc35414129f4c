package org.opsdesk.wiki.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsdesk.wiki.markdown.MarkdownRenderer;
import org.opsdesk.wiki.markdown.RenderedMarkdown;
import org.opsdesk.wiki.markdown.SourceLink;
import org.opsdesk.wiki.markdown.TestLinks;
import org.opsdesk.wiki.markdown.ext.WikiTargets;

/**
 * Imports the shared corpus of real runbooks ({@code shared/corpus/runbooks}: prometheus-operator,
 * openshift, kubernetes-mixin), renders every page and checks that every relative page link
 * resolves. Skipped when the corpus is not checked out next to the project.
 */
class RunbookCorpusTest {

    private static final int CORPUS_PAGES = 394;
    /** Relative links of the corpus that point at files the corpus does not have ("page -> target"). */
    private static final Set<String> KNOWN_MISSING = Set.of();

    private static Path corpus;
    private static List<ArchiveEntry> entries;
    private static ImportPlan plan;

    @BeforeAll
    static void importTheCorpus() throws IOException {
        corpus = findCorpus();
        Assumptions.assumeTrue(corpus != null && Files.isDirectory(corpus), "shared corpus not present: skipping");
        try (Stream<Path> files = Files.walk(corpus)) {
            entries = files.filter(Files::isRegularFile).map(RunbookCorpusTest::entry).toList();
        }
        plan = MarkdownImporter.plan(entries, "");
    }

    /** {@code shared/corpus/runbooks} in the module's folder or the nearest ancestor that has it. */
    private static Path findCorpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus/runbooks");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void plansEveryMarkdownFileAsAPage() {
        long markdownFiles = entries.stream()
                .filter(entry -> entry.path().toLowerCase(Locale.ROOT).matches(".+\\.(md|markdown)")).count();

        System.out.printf("corpus: %d files, %d Markdown, %d pages planned, %d attachments, %d skipped%n",
                entries.size(), markdownFiles, plan.pages().size(), plan.attachments().size(), plan.skipped().size());
        assertThat(markdownFiles).isEqualTo(CORPUS_PAGES);
        assertThat(plan.pages()).hasSize(CORPUS_PAGES);
        assertThat(plan.skipped()).allSatisfy(reason -> assertThat(reason).containsAnyOf(
                "not a Markdown page", "image not used by any page"));
        assertThat(plan.skipped()).contains(
                "prometheus-operator/runbooks/prometheus-operator/PrometheusOperatorSyncFailed: "
                        + "not a Markdown page (only .md and .markdown files are imported)");
        assertThat(plan.pages()).allSatisfy(page -> assertThat(page.title()).isNotBlank());
    }

    @Test
    void resolvesEveryRelativePageLink() {
        Set<String> planned = plan.pages().stream().map(ImportedPage::path).collect(Collectors.toSet());
        int sourceLinks = 0;
        int wikiLinks = 0;
        Set<String> unresolved = new TreeSet<>();
        for (ArchiveEntry entry : entries) {
            if (entry.path().endsWith(".md")) {
                sourceLinks += relativePageLinks(new String(entry.content(), StandardCharsets.UTF_8)).size();
            }
        }
        for (ImportedPage page : plan.pages()) {
            for (String target : MarkdownRenderer.instance().wikiLinks(page.markdown())) {
                wikiLinks++;
                if (!planned.contains(target)) {
                    unresolved.add(page.path() + " -> " + target);
                }
            }
            for (String left : relativePageLinks(page.markdown())) {
                unresolved.add(page.path() + " -> " + left + " (not rewritten)");
            }
        }

        System.out.printf("corpus links: %d relative page links in the sources, %d wiki links after import "
                + "(distinct per page), %d unresolved%n", sourceLinks, wikiLinks, unresolved.size());
        unresolved.forEach(link -> System.out.println("  unresolved: " + link));
        assertThat(sourceLinks).isPositive();
        assertThat(wikiLinks).isPositive();
        assertThat(unresolved).isEqualTo(KNOWN_MISSING);
    }

    @Test
    void rendersEveryPage() {
        TestLinks links = new TestLinks(plan.pages().stream().map(ImportedPage::path).toArray(String[]::new));
        MarkdownRenderer renderer = MarkdownRenderer.instance();
        for (ImportedPage page : plan.pages()) {
            assertThatCode(() -> renderer.render(page.markdown(), links)).as(page.path()).doesNotThrowAnyException();
        }
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            plan.pages().forEach(page -> renderer.render(page.markdown(), links));
        }
        List<Long> nanos = new ArrayList<>();
        long htmlBytes = 0;
        for (ImportedPage page : plan.pages()) {
            long start = System.nanoTime();
            RenderedMarkdown rendered = renderer.render(page.markdown(), links);
            nanos.add(System.nanoTime() - start);
            htmlBytes += rendered.html().length();
            assertThat(rendered.html()).as(page.path()).doesNotContain("<script");
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("corpus render: %d pages, %d kB of HTML, p50 %.3f ms, p95 %.3f ms, max %.3f ms%n",
                sorted.length, htmlBytes / 1024, percentile(sorted, 50), percentile(sorted, 95),
                sorted[sorted.length - 1] / 1e6);
    }

    /** Relative links to Markdown files (or Hugo ref links) in a page, as written. */
    private static List<String> relativePageLinks(String markdown) {
        return MarkdownRenderer.instance().outline(markdown).links().stream()
                .filter(link -> link.kind() == SourceLink.Kind.LINK)
                .map(SourceLink::destination)
                .filter(destination -> WikiTargets.hugoRef(destination) != null || isRelativeMarkdownFile(destination))
                .toList();
    }

    private static boolean isRelativeMarkdownFile(String destination) {
        String path = WikiTargets.withoutAnchor(destination).toLowerCase(Locale.ROOT);
        return !destination.matches("^([a-zA-Z][a-zA-Z0-9+.-]*:|/|#).*") && path.matches(".+\\.(md|markdown)");
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static ArchiveEntry entry(Path file) {
        try {
            String path = corpus.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            return new ArchiveEntry(path, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
