package org.opsdesk.wiki.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private static final String PAGE = """
            ---
            title: "Disk \\"full\\""
            tags: [disk, 'storage', "two words"]
            owner: ops # the team
            reviewed: 2024-05-31
            alerts:
              - NodeFilesystemAlmostOutOfSpace
              - NodeFilesystemFilesFillingUp
            services: [nfs]
            ---
            # Disk full on host:web01

            Opened as #42 about [[Runbooks/Disk-Full#Diagnosis|the runbook]] and [[home]].
            See [clock]({{< ref "./NodeClockSkewDetected.md" >}}) and **bold** text.

            ## Diagnosis

            ```bash
            df -h   # not a ticket: #7
            ```

            ## Mitigation
            Ask host:DB01 about #43.
            """;

    private final MarkdownRenderer renderer = MarkdownRenderer.instance();

    @Test
    void aWideTableOfShortRowsStaysSmall() {
        // padded to the header's width, 500 columns over 2,000 rows of one cell (10 KB) made a million empty cells
        String table = "|a".repeat(500) + "|\n" + "|---".repeat(500) + "|\n" + "|x|\n".repeat(2_000);

        String html = renderer.render(table, TestLinks.golden()).html();

        assertThat(html).contains("<table>");
        assertThat(html.length()).isLessThan(200_000);
    }

    @Test
    void aTableTooWideForTheParserIsShownAsText() {
        // 2,000 columns overflowed the stack in the parser's regular expressions: every view and save failed
        String table = "# Wide\n\n" + "|a".repeat(2_000) + "|\n" + "|---".repeat(2_000) + "|\n"
                + "```\n";

        String html = renderer.render(table, TestLinks.golden()).html();

        assertThat(html).contains("<pre><code", "|---|---", "```");
    }

    @Test
    void collectsTheTableOfContentsWithAnchors() {
        RenderedMarkdown page = renderer.render(PAGE, TestLinks.golden());

        assertThat(page.toc()).containsExactly(
                new Heading(1, "Disk full on host:web01", "disk-full-on-hostweb01"),
                new Heading(2, "Diagnosis", "diagnosis"),
                new Heading(2, "Mitigation", "mitigation"));
        assertThat(page.firstHeading()).isEqualTo("Disk full on host:web01");
    }

    @Test
    void readsTheFrontMatter() {
        FrontMatter frontMatter = renderer.render(PAGE, TestLinks.golden()).frontMatter();

        assertThat(frontMatter.title()).isEqualTo("Disk \"full\"");
        assertThat(frontMatter.tags()).containsExactly("disk", "storage", "two words");
        assertThat(frontMatter.owner()).isEqualTo("ops");
        assertThat(frontMatter.reviewed()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(frontMatter.alerts())
                .containsExactly("NodeFilesystemAlmostOutOfSpace", "NodeFilesystemFilesFillingUp");
        assertThat(frontMatter.services()).containsExactly("nfs");
        assertThat(frontMatter.all()).containsKeys("title", "tags", "owner", "reviewed", "alerts", "services");
        assertThat(renderer.frontMatter(PAGE)).isEqualTo(frontMatter);
    }

    @Test
    void aPageWithoutFrontMatterHasTheEmptyOne() {
        assertThat(renderer.frontMatter("# Just text")).isSameAs(FrontMatter.EMPTY);
        assertThat(renderer.render(null, TestLinks.golden()).frontMatter()).isSameAs(FrontMatter.EMPTY);
    }

    @Test
    void anInvalidReviewDateIsNull() {
        assertThat(renderer.frontMatter("---\nreviewed: soon\n---\n").reviewed()).isNull();
    }

    @Test
    void collectsLinksAndReferences() {
        RenderedMarkdown page = renderer.render(PAGE, TestLinks.golden());

        assertThat(page.wikiLinks()).containsExactly("runbooks/disk-full", "home", "nodeclockskewdetected");
        assertThat(page.ticketRefs()).containsExactly(42L, 43L);
        assertThat(page.hostRefs()).containsExactly("web01", "db01");
        assertThat(renderer.wikiLinks(PAGE)).isEqualTo(page.wikiLinks());
    }

    @Test
    void thePlainTextHasNoMarkupAndNoFrontMatter() {
        String text = renderer.render(PAGE, TestLinks.golden()).plainText();

        assertThat(text).startsWith("Disk full on host:web01")
                .contains("the runbook", "bold text", "df -h", "Ask host:DB01 about #43")
                .doesNotContain("**", "[[", "```", "title:", "NodeFilesystemAlmostOutOfSpace", "\n\n\n");
    }

    @Test
    void theOutlineGivesTheLinksAsWritten() {
        String markdown = "Go [up](../b.md#x \"title\") or ![a *chart*](img/c.png).";

        MarkdownOutline outline = renderer.outline(markdown);

        assertThat(outline.links()).hasSize(2);
        SourceLink link = outline.links().get(0);
        assertThat(link.kind()).isEqualTo(SourceLink.Kind.LINK);
        assertThat(link.destination()).isEqualTo("../b.md#x");
        assertThat(markdown.substring(link.start(), link.end())).isEqualTo("[up](../b.md#x \"title\")");
        assertThat(markdown.substring(link.destinationStart(), link.destinationEnd())).isEqualTo("../b.md#x");
        SourceLink image = outline.links().get(1);
        assertThat(image.kind()).isEqualTo(SourceLink.Kind.IMAGE);
        assertThat(image.label()).isEqualTo("a chart");
        assertThat(markdown.substring(image.destinationStart(), image.destinationEnd())).isEqualTo("img/c.png");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        String expected = renderer.render(PAGE, TestLinks.golden()).html();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = IntStream.range(0, 200)
                    .mapToObj(i -> pool.submit(() -> renderer.render(PAGE, TestLinks.golden()).html()))
                    .toList();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
