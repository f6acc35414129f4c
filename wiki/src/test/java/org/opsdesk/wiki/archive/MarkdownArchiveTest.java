package org.opsdesk.wiki.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class MarkdownArchiveTest {

    @Test
    void readsTheFilesOfAZip() throws IOException {
        byte[] zip = zip(StandardCharsets.UTF_8, "runbooks/", "", "runbooks/Disk.md", "# Disk",
                "./runbooks/node/_index.md", "# Node", "README.md", "top");

        assertThat(contents(MarkdownArchive.read(new ByteArrayInputStream(zip)))).containsExactly(
                Map.entry("runbooks/Disk.md", "# Disk"),
                Map.entry("runbooks/node/_index.md", "# Node"),
                Map.entry("README.md", "top"));
    }

    @Test
    void skipsUnsafeAndHiddenZipEntries() throws IOException {
        byte[] zip = zip(StandardCharsets.UTF_8, "../evil.md", "x", "a/../../evil.md", "x", "/etc/passwd.md", "x",
                "C:/windows.md", "x", "__MACOSX/._page.md", "x", ".hidden.md", "x", "docs/.git/config", "x",
                "docs\\windows-path.md", "ok", "docs/page.md", "ok");

        assertThat(contents(MarkdownArchive.read(new ByteArrayInputStream(zip))))
                .containsOnlyKeys("docs/windows-path.md", "docs/page.md");
    }

    @Test
    void skipsSymbolicLinksInAZip() throws IOException {
        byte[] zip = zip(StandardCharsets.UTF_8, "docs/link.md", "../../etc/passwd", "docs/page.md", "ok");
        markAsUnixSymlink(zip, "docs/link.md");

        assertThat(contents(MarkdownArchive.read(new ByteArrayInputStream(zip)))).containsOnlyKeys("docs/page.md");
    }

    @Test
    void readsZipNamesWrittenWithoutUtf8() throws IOException {
        byte[] zip = zip(Charset.forName("IBM437"), "Café.md", "# Café");

        assertThat(contents(MarkdownArchive.read(new ByteArrayInputStream(zip)))).containsOnlyKeys("Café.md");
    }

    @Test
    void readsATarGzWithUstarPrefixGnuLongNamesAndPaxPaths() throws IOException {
        String longPath = "runbooks/" + "very-long-folder-name/".repeat(6) + "Page.md";
        byte[] archive = new TarBuilder()
                .directory("runbooks/")
                .file("runbooks/short.md", "short")
                .fileWithPrefix("runbooks/" + "deep/".repeat(20), "prefixed.md", "prefixed")
                .gnuLongName(longPath, "gnu")
                .paxPath("runbooks/pax/Ünïcode name.md", "pax")
                .file("runbooks/after.md", "after")
                .gzipped();

        assertThat(contents(MarkdownArchive.read(new ByteArrayInputStream(archive)))).containsExactly(
                Map.entry("runbooks/short.md", "short"),
                Map.entry("runbooks/" + "deep/".repeat(20) + "prefixed.md", "prefixed"),
                Map.entry(longPath, "gnu"),
                Map.entry("runbooks/pax/Ünïcode name.md", "pax"),
                Map.entry("runbooks/after.md", "after"));
    }

    @Test
    void skipsLinksAndUnsafeTarEntries() throws IOException {
        byte[] archive = new TarBuilder()
                .symlink("docs/passwd.md", "/etc/passwd")
                .hardLink("docs/hard.md", "docs/page.md")
                .file("../escape.md", "x")
                .file("./docs/.hidden.md", "x")
                .file("./docs/page.md", "ok")
                .gzipped();

        assertThat(contents(MarkdownArchive.read(new ByteArrayInputStream(archive)))).containsOnlyKeys("docs/page.md");
    }

    @Test
    void refusesWhatIsNotAnArchive() {
        assertThatIOException().isThrownBy(() -> MarkdownArchive.read(stream("# just markdown")))
                .withMessage("expected a .zip or .tar.gz archive");
        assertThatIOException().isThrownBy(() -> MarkdownArchive.read(stream("")))
                .withMessage("expected a .zip or .tar.gz archive");
    }

    @Test
    void refusesAGzipWithoutATar() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("# not a tar, but long enough to fill a whole tar header block ".repeat(20)
                    .getBytes(StandardCharsets.UTF_8));
        }

        assertThatIOException().isThrownBy(() -> MarkdownArchive.read(new ByteArrayInputStream(gz.toByteArray())))
                .withMessageContaining("does not hold a tar archive");
    }

    @Test
    void refusesNegativeOrMalformedSizesWithAReason() {
        byte[] negativePaxSize = new TarBuilder().rawPax("12 size=-50\n", "a.md", "x").gzipped();
        byte[] recordAllDigits = new TarBuilder().rawPax("2 a=b\n", "a.md", "x").gzipped();
        byte[] base256 = new byte[12];
        java.util.Arrays.fill(base256, (byte) 0xFF); // 0x80 flag, then 88 bits of ones: over 63 bits
        byte[] hugeBinarySize = new TarBuilder().sizeField("a.md", base256).gzipped();
        byte[] signedOctal = new TarBuilder().sizeField("a.md", "-0000000050\0".getBytes(StandardCharsets.US_ASCII))
                .gzipped();

        byte[] wrapping = new TarBuilder().rawPax("4294967312 a=bcd\n", "a.md", "x").gzipped(); // as an int: 16
        byte[] shiftedOut = new byte[12];
        shiftedOut[0] = (byte) 0x80;
        shiftedOut[1] = 1; // 2^80: shifted out of a long, it read as 0
        byte[] hugeButZeroInALong = new TarBuilder().sizeField("a.md", shiftedOut).gzipped();

        for (byte[] archive : List.of(negativePaxSize, recordAllDigits, hugeBinarySize, signedOctal, wrapping,
                hugeButZeroInALong)) {
            assertThatIOException().isThrownBy(() -> MarkdownArchive.read(new ByteArrayInputStream(archive)))
                    .withMessageMatching(".*(malformed|bad number).*");
        }
    }

    @Test
    void refusesTooManyEntries() {
        TarBuilder tar = new TarBuilder();
        for (int i = 0; i <= EntryCollector.MAX_ENTRIES; i++) {
            tar.directory("d" + i + "/");
        }
        byte[] archive = tar.gzipped();

        assertThatIOException().isThrownBy(() -> MarkdownArchive.read(new ByteArrayInputStream(archive)))
                .withMessage("the archive has more than 20000 entries");
    }

    @Test
    void countsSkippedContentAgainstTheSizeLimit() {
        byte[] archive = new TarBuilder()
                .directoryWithContent("padded/", EntryCollector.MAX_TOTAL_BYTES + 1)
                .gzipped();

        assertThatIOException().isThrownBy(() -> MarkdownArchive.read(new ByteArrayInputStream(archive)))
                .withMessage("the archive unpacks to more than 200 MB");
    }

    @Test
    void refusesAZipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("bomb.md"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i <= EntryCollector.MAX_TOTAL_BYTES / zeros.length; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        assertThatIOException().isThrownBy(() -> MarkdownArchive.read(new ByteArrayInputStream(bytes.toByteArray())))
                .withMessage("the archive unpacks to more than 200 MB");
    }

    @Test
    void aFileLargerThanAnyPageOrAttachmentIsCountedNotHeldAndReportedSkipped() throws IOException {
        // a 190 MB file of zeros packs into 190 KB: it was held whole before being skipped as no page
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("docs/page.md"));
            zip.write("# Page".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("docs/zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i <= EntryCollector.MAX_ENTRY_BYTES / zeros.length; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        List<ArchiveEntry> entries = MarkdownArchive.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(entries).extracting(ArchiveEntry::path, ArchiveEntry::tooLarge, e -> e.content().length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("docs/page.md", false, 6),
                        org.assertj.core.groups.Tuple.tuple("docs/zeros.bin", true, 0));
        assertThat(MarkdownImporter.plan(entries, "").skipped())
                .containsExactly("docs/zeros.bin: larger than a page or an attachment may be");
    }

    @Test
    void writesAZipThatReadsBack() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("home.md", "# Home".getBytes(StandardCharsets.UTF_8));
        files.put("runbooks/disk-full.md", "# Disk".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        MarkdownArchive.writeZip(files, out);

        assertThat(contents(MarkdownArchive.read(new ByteArrayInputStream(out.toByteArray())))).containsExactly(
                Map.entry("home.md", "# Home"), Map.entry("runbooks/disk-full.md", "# Disk"));
    }

    @Test
    void writesOnlyCleanRelativePaths() {
        for (String path : List.of("../up.md", "/abs.md", "a//b.md", "./a.md", "a\\b.md")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> MarkdownArchive.writeZip(Map.of(path, new byte[0]), new ByteArrayOutputStream()));
        }
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> contents(List<ArchiveEntry> entries) {
        Map<String, String> contents = new LinkedHashMap<>();
        entries.forEach(entry -> contents.put(entry.path(), new String(entry.content(), StandardCharsets.UTF_8)));
        return contents;
    }

    /** A zip of name/content pairs; names ending in '/' are directories. */
    private static byte[] zip(Charset names, String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Sets "made by Unix" and the symlink file type in the entry's central directory record. */
    private static void markAsUnixSymlink(byte[] zip, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + wanted.length <= zip.length; i++) {
            boolean centralHeader = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
            if (centralHeader && Arrays.equals(zip, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                zip[i + 5] = 3;
                int mode = 0xA1FF;
                zip[i + 40] = (byte) mode;
                zip[i + 41] = (byte) (mode >> 8);
                return;
            }
        }
        throw new IllegalArgumentException("no central directory record for " + name);
    }
}
