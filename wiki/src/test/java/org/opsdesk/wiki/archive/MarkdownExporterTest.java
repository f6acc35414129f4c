package org.opsdesk.wiki.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsdesk.wiki.archive.MarkdownExporter.ExportedPage;

class MarkdownExporterTest {

    private static final byte[] DB_DIAGRAM = bytes("db diagram");
    private static final byte[] WEB_DIAGRAM = bytes("web diagram");

    @Test
    void pagesAreMarkdownFilesWithTheirAttachmentsBesideThem() {
        Map<String, byte[]> files = MarkdownExporter.files(List.of(
                page("ops/db", "# DB\n\n![plan](diagram.png)\n", Map.of("diagram.png", DB_DIAGRAM)),
                page("home", "# Home\n", Map.of())));

        assertThat(text(files)).containsExactly(
                Map.entry("ops/db.md", "# DB\n\n![plan](diagram.png)\n"),
                Map.entry("home.md", "# Home\n"),
                Map.entry("ops/diagram.png", "db diagram"));
    }

    @Test
    void pagesThatWouldShareAFileAreBothExported() {
        // in the order the export reads them (by path: the dot sorts first), the plain pages named last
        Map<String, byte[]> files = MarkdownExporter.files(List.of(
                page("a/.readme", "# an index name\n", Map.of()),
                page("a/readme", "# the other\n", Map.of()),
                page("linux/..bashrc", "# twice hidden\n", Map.of()),
                page("linux/.bashrc", "# hidden\n", Map.of()),
                page("linux/bashrc", "# plain\n", Map.of()),
                page("linux/bashrc-2", "# a page of that name\n", Map.of())));

        // each plain page keeps its own file; the hidden ones take the next names free
        assertThat(text(files)).containsOnly(
                Map.entry("a/readme/_index.md", "# the other\n"),
                Map.entry("a/readme-2.md", "# an index name\n"),
                Map.entry("linux/bashrc.md", "# plain\n"),
                Map.entry("linux/bashrc-2.md", "# a page of that name\n"),
                Map.entry("linux/bashrc-3.md", "# twice hidden\n"),
                Map.entry("linux/bashrc-4.md", "# hidden\n"));
    }

    @Test
    void attachmentNamesAnArchiveRefusesAreWrittenAsNamesItTakes() throws java.io.IOException {
        Map<String, byte[]> files = MarkdownExporter.files(List.of(
                page("faq", "![a](c:x.png) ![b](.hidden.png)\n", Map.of("c:x.png", DB_DIAGRAM,
                        ".hidden.png", WEB_DIAGRAM))));

        // the text stays as written: such a destination never named the file (a scheme, a hidden name)
        assertThat(text(files)).containsEntry("c_x.png", "db diagram").containsEntry("hidden.png", "web diagram")
                .containsEntry("faq.md", "![a](c:x.png) ![b](.hidden.png)\n");
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        MarkdownArchive.writeZip(files, zip); // refused the names before, failing the whole export
        assertThat(zip.size()).isPositive();
    }

    @Test
    void sameNamedAttachmentsOfTwoPagesInOneFolderAreBothKept() {
        Map<String, byte[]> files = MarkdownExporter.files(List.of(
                page("ops/db", "![plan](diagram.png)\n", Map.of("diagram.png", DB_DIAGRAM)),
                page("ops/web", "![plan](diagram.png) and [the file](./diagram.png), not [[ops/db]]\n",
                        Map.of("diagram.png", WEB_DIAGRAM))));

        assertThat(text(files)).containsEntry("ops/diagram.png", "db diagram")
                .containsEntry("ops/diagram-2.png", "web diagram")
                .containsEntry("ops/db.md", "![plan](diagram.png)\n")
                .containsEntry("ops/web.md", "![plan](diagram-2.png) and [the file](diagram-2.png), not [[ops/db]]\n");
    }

    @Test
    void aRenamedFileWithSpacesAndParenthesesIsStillOneLinkToIt() {
        Map<String, byte[]> files = MarkdownExporter.files(List.of(
                page("ops/db", "![shot](Screenshot%20(1).png)", Map.of("Screenshot (1).png", DB_DIAGRAM)),
                page("ops/web", "![shot](Screenshot%20(1).png) [#1](./Screenshot%20(1).png)",
                        Map.of("Screenshot (1).png", WEB_DIAGRAM))));

        assertThat(text(files)).containsEntry("ops/Screenshot (1).png", "db diagram")
                .containsEntry("ops/Screenshot (1)-2.png", "web diagram")
                .containsEntry("ops/web.md", "![shot](Screenshot%20%281%29-2.png) [#1](Screenshot%20%281%29-2.png)");

        ImportPlan plan = MarkdownImporter.plan(files.entrySet().stream()
                .map(f -> new ArchiveEntry(f.getKey(), f.getValue())).toList(), "");
        ImportedPage web = plan.pages().stream().filter(p -> p.path().equals("ops/web")).findFirst().orElseThrow();
        assertThat(web.attachmentFiles()).hasSize(1);
        assertThat(new String(plan.attachments().get("ops/web/" + web.attachmentFiles().get(0)),
                StandardCharsets.UTF_8)).isEqualTo("web diagram");
    }

    @Test
    void theSameFileOfTwoPagesIsWrittenOnce() {
        Map<String, byte[]> files = MarkdownExporter.files(List.of(
                page("ops/db", "![logo](logo.png)", Map.of("logo.png", DB_DIAGRAM)),
                page("ops/web", "![logo](logo.png)", Map.of("logo.png", DB_DIAGRAM.clone()))));

        assertThat(files).containsOnlyKeys("ops/db.md", "ops/web.md", "ops/logo.png");
        assertThat(text(files)).containsEntry("ops/web.md", "![logo](logo.png)");
    }

    @Test
    void anAttachmentNeverTakesThePlaceOfAPageOrAFolderOfPages() {
        Map<String, byte[]> files = MarkdownExporter.files(List.of(
                page("ops", "[notes](notes.md) [db](db)", Map.of("notes.md", bytes("plain notes"),
                        "db", bytes("a file called db"))),
                page("db/primary", "# Primary", Map.of())));

        assertThat(text(files)).containsEntry("notes.md.txt", "plain notes")
                .containsEntry("db-2", "a file called db")
                .containsEntry("ops.md", "[notes](notes.md.txt) [db](db-2)")
                .doesNotContainKey("notes.md").doesNotContainKey("db");
    }

    @Test
    void anExportImportsBackWithEveryPageShowingItsOwnFile() {
        Map<String, byte[]> files = MarkdownExporter.files(List.of(
                page("ops/db", "# DB\n\n![plan](diagram.png)\n", Map.of("diagram.png", DB_DIAGRAM)),
                page("ops/web", "# Web\n\n![plan](diagram.png)\n", Map.of("diagram.png", WEB_DIAGRAM))));

        ImportPlan plan = MarkdownImporter.plan(files.entrySet().stream()
                .map(f -> new ArchiveEntry(f.getKey(), f.getValue())).toList(), "");

        assertThat(plan.pages()).extracting(ImportedPage::path).containsExactly("ops/db", "ops/web");
        Map<String, String> attachments = new LinkedHashMap<>();
        plan.attachments().forEach((key, content) -> attachments.put(key, new String(content, StandardCharsets.UTF_8)));
        ImportedPage web = plan.pages().get(1);
        String webFile = web.attachmentFiles().get(0);
        assertThat(web.markdown()).contains("![plan](" + webFile + ")");
        assertThat(attachments).containsEntry("ops/db/diagram.png", "db diagram")
                .containsEntry("ops/web/" + webFile, "web diagram");
    }

    @Test
    void aPageNamedLikeAnIndexFileComesBackAsItself() {
        // ops/readme.md was imported as the page ops (and skipped when ops exists)
        Map<String, byte[]> files = MarkdownExporter.files(List.of(
                page("ops", "# Ops\n", Map.of()),
                page("ops/readme", "# Read me\n\n![plan](diagram.png)\n", Map.of("diagram.png", DB_DIAGRAM))));

        assertThat(files).containsKeys("ops.md", "ops/readme/_index.md", "ops/readme/diagram.png");
        ImportPlan plan = MarkdownImporter.plan(files.entrySet().stream()
                .map(f -> new ArchiveEntry(f.getKey(), f.getValue())).toList(), "");
        assertThat(plan.pages()).extracting(ImportedPage::path).containsExactlyInAnyOrder("ops", "ops/readme");
        assertThat(plan.skipped()).isEmpty();
    }

    private static ExportedPage page(String path, String markdown, Map<String, byte[]> attachments) {
        return new ExportedPage(path, markdown, new LinkedHashMap<>(attachments));
    }

    private static Map<String, String> text(Map<String, byte[]> files) {
        Map<String, String> text = new LinkedHashMap<>();
        files.forEach((path, content) -> text.put(path, new String(content, StandardCharsets.UTF_8)));
        return text;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
