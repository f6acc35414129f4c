package org.opsdesk.wiki.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownImporterTest {

    @Test
    void mapsFilesToPagesAndIndexFilesToTheirFolder() {
        ImportPlan plan = MarkdownImporter.plan(entries(
                "Runbooks/Node/NodeRAIDDegraded.md", "# NodeRAIDDegraded",
                "Runbooks/Node/_index.md", "x",
                "Runbooks/README.md", "x",
                "docs/guide.markdown", "x",
                "docs/deep/index.md", "x"), "");

        assertThat(plan.pages()).extracting(ImportedPage::path).containsExactly(
                "runbooks/node/noderaiddegraded", "runbooks/node", "runbooks", "docs/deep", "docs/guide");
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void importsUnderAPrefix() {
        ImportPlan plan = MarkdownImporter.plan(entries("README.md", "x", "a/B.md", "x"), "Team Wiki/Ops");

        assertThat(plan.pages()).extracting(ImportedPage::path).containsExactly("team-wiki/ops", "team-wiki/ops/a/b");
        assertThat(plan.pages()).extracting(ImportedPage::title).containsExactly("ops", "B");
    }

    @Test
    void namesATopLevelIndexFileImportedIntoTheRootAfterTheFile() {
        ImportPlan plan = MarkdownImporter.plan(entries("README.md", "x"), "");

        assertThat(plan.pages()).extracting(ImportedPage::path).containsExactly("readme");
    }

    @Test
    void rejectsAnInvalidPrefix() {
        assertThatIllegalArgumentException().isThrownBy(() -> MarkdownImporter.plan(List.of(), "../up"));
    }

    @Test
    void takesTheTitleFromFrontMatterThenTheFirstHeadingThenTheName() {
        ImportPlan plan = MarkdownImporter.plan(entries(
                "a/front.md", "---\ntitle: From Front Matter\nweight: 3\n---\n# Heading",
                "a/heading.md", "Intro\n\n## Second level\n\n# First *Level*",
                "a/NoTitle.md", "just text",
                "a/folder/_index.md", "just text"), "");

        assertThat(plan.pages()).extracting(ImportedPage::title)
                .containsExactly("NoTitle", "folder", "From Front Matter", "First Level");
    }

    @Test
    void keepsTheFrontMatter() {
        String source = "---\ntitle: T\n---\n# Body\n";

        ImportPlan plan = MarkdownImporter.plan(entries("t.md", source), "");

        assertThat(plan.pages().get(0).markdown()).isEqualTo(source);
    }

    @Test
    void rewritesRelativeMarkdownLinksToWikiLinks() {
        ImportPlan plan = MarkdownImporter.plan(entries(
                "runbooks/node/A.md", """
                        See [the B runbook](../B.md#diagnosis), [C](./helpers/C.md), [*index*](../README.md),
                        [folder](helpers/), [gone](Missing.md), [same page](#impact),
                        [web](https://example.com/x.md), [root](/docs/x.md) and `[code](B.md)`.

                        ```
                        [block](B.md)
                        ```
                        """,
                "runbooks/B.md", "x",
                "runbooks/node/helpers/C.md", "x",
                "runbooks/node/helpers/_index.md", "x",
                "runbooks/README.md", "x"), "kb");

        assertThat(page(plan, "kb/runbooks/node/a").markdown()).isEqualTo("""
                See [[kb/runbooks/b#diagnosis|the B runbook]], [[kb/runbooks/node/helpers/c|C]], [[kb/runbooks|index]],
                [[kb/runbooks/node/helpers|folder]], [[kb/runbooks/node/missing|gone]], [same page](#impact),
                [web](https://example.com/x.md), [root](/docs/x.md) and `[code](B.md)`.

                ```
                [block](B.md)
                ```
                """);
    }

    @Test
    void rewritesHugoRefLinksRelativeToTheirFile() {
        ImportPlan plan = MarkdownImporter.plan(entries(
                "runbooks/node/A.md", "[RAID]({{< ref \"./NodeRAIDDegraded.md\" >}}) and "
                        + "[clock]({{< ref \"../general/Clock.md#fix\" >}}) and [repo]({{< param BookRepo >}}/x)",
                "runbooks/node/NodeRAIDDegraded.md", "x",
                "runbooks/general/Clock.md", "x"), "");

        assertThat(page(plan, "runbooks/node/a").markdown()).isEqualTo(
                "[[runbooks/node/noderaiddegraded|RAID]] and [[runbooks/general/clock#fix|clock]] and "
                        + "[repo]({{< param BookRepo >}}/x)");
    }

    @Test
    void keepsWikiLinkLabelsFreeOfWikiLinkSyntax() {
        ImportPlan plan = MarkdownImporter.plan(entries("a.md", "[a|b [c]](b.md)", "b.md", "x"), "");

        assertThat(page(plan, "a").markdown()).isEqualTo("[[b|a b c]]");
    }

    @Test
    void turnsReferencedFilesIntoAttachmentsOfThePage() {
        ImportPlan plan = MarkdownImporter.plan(entries(
                "ops/Disk.md", """
                        ![dialog](helpers/screenshots/expand%20pvc.png) ![again](./helpers/screenshots/expand%20pvc.png)
                        ![other](img/expand%20pvc.png) [hierarchy](./hierarchy/alerts.svg) ![remote](https://x/y.png)
                        """,
                "ops/helpers/screenshots/expand pvc.png", "png-1",
                "ops/img/expand pvc.png", "png-2",
                "ops/hierarchy/alerts.svg", "<svg/>",
                "ops/unused.png", "png-3",
                "ops/OWNERS", "approvers: [me]"), "");

        ImportedPage page = page(plan, "ops/disk");
        assertThat(page.markdown()).isEqualTo("""
                ![dialog](expand-pvc.png) ![again](expand-pvc.png)
                ![other](expand-pvc-2.png) [hierarchy](alerts.svg) ![remote](https://x/y.png)
                """);
        assertThat(page.attachmentFiles()).containsExactly("expand-pvc.png", "expand-pvc-2.png", "alerts.svg");
        assertThat(plan.attachments()).containsOnlyKeys("ops/disk/expand-pvc.png", "ops/disk/expand-pvc-2.png",
                "ops/disk/alerts.svg");
        assertThat(new String(plan.attachments().get("ops/disk/expand-pvc-2.png"), StandardCharsets.UTF_8))
                .isEqualTo("png-2");
        assertThat(plan.skipped()).containsExactly(
                "ops/OWNERS: not a Markdown page (only .md and .markdown files are imported)",
                "ops/unused.png: image not used by any page");
    }

    @Test
    void reportsFilesThatCannotBecomePages() {
        ImportPlan plan = MarkdownImporter.plan(entries(
                "docs/Page.md", "first",
                "docs/page.md", "second",
                "docs/binary.md", "a\0b",
                "docs/!!!.md", "no name",
                "docs/.hidden.md", "x",
                "../escape.md", "x",
                "docs/NoExtension", "# Looks like Markdown"), "");

        assertThat(plan.pages()).extracting(ImportedPage::path).containsExactly("docs/page");
        assertThat(plan.pages().get(0).markdown()).isEqualTo("first");
        assertThat(plan.skipped()).containsExactlyInAnyOrder(
                "../escape.md: hidden, or not a safe relative path",
                "docs/.hidden.md: hidden, or not a safe relative path",
                "docs/!!!.md: no valid page path (each part of a page path needs a letter a-z or a digit, '!!!' has none: '!!!')",
                "docs/binary.md: not a text file",
                "docs/page.md: page 'docs/page' already comes from docs/Page.md",
                "docs/NoExtension: not a Markdown page (only .md and .markdown files are imported)");
    }

    @Test
    void dropsAByteOrderMark() {
        ImportPlan plan = MarkdownImporter.plan(entries("a.md", "\uFEFF# Title"), "");

        assertThat(plan.pages().get(0).markdown()).isEqualTo("# Title");
        assertThat(plan.pages().get(0).title()).isEqualTo("Title");
    }

    @Test
    void readsAFileThatIsNoUtf8AsWindows1252() {
        // decoded as UTF-8, each accented letter of a Latin-1 file became a replacement character, unreported
        byte[] latin1 = "# Café\n\nRedémarrer le service.".getBytes(StandardCharsets.ISO_8859_1);
        ImportPlan plan = MarkdownImporter.plan(List.of(new ArchiveEntry("cafe.md", latin1)), "");

        assertThat(plan.pages().get(0).markdown()).isEqualTo("# Café\n\nRedémarrer le service.");
        assertThat(MarkdownImporter.text("Grüße €".getBytes(StandardCharsets.UTF_8))).isEqualTo("Grüße €");
    }

    private static ImportedPage page(ImportPlan plan, String path) {
        return plan.pages().stream().filter(page -> page.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void skipsAFileLongerThanAPageMayBeBeforeParsingIt() {
        int max = org.opsdesk.wiki.markdown.MarkdownRenderer.MAX_MARKDOWN;
        String atTheLimit = "x".repeat(max);
        // 4 bytes a character, 2 UTF-16 chars: as many bytes as 4 x the limit is still within it
        String wide = "\uD83D\uDE00".repeat(max / 2);
        ImportPlan plan = MarkdownImporter.plan(entries("a/fits.md", atTheLimit, "a/wide.md", wide,
                "a/over.md", atTheLimit + "y", "a/huge.md", "[[a]] #1 ".repeat(max)), "");

        assertThat(plan.pages()).extracting(ImportedPage::path).containsExactlyInAnyOrder("a/fits", "a/wide");
        assertThat(plan.skipped()).containsExactlyInAnyOrder(
                "a/huge.md: longer than a page may be (" + max + " characters)",
                "a/over.md: longer than a page may be (" + max + " characters)");
    }

    private static List<ArchiveEntry> entries(String... pathsAndContents) {
        List<ArchiveEntry> entries = new ArrayList<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            byte[] content = pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
            entries.add(new ArchiveEntry(pathsAndContents[i], content));
        }
        return entries;
    }
}
