package org.opsdesk.wiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PagePathsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        " /Runbooks/Node/NodeRAIDDegraded/ | runbooks/node/noderaiddegraded",
        "My Page!!                         | my-page",
        "a//b///c                          | a/b/c",
        "--a--/ -b- /c--d                  | a/b/c-d",
        "ops  team / On Call (EU)          | ops-team/on-call-eu",
        "Ünïcode Séction                   | unicode-section",
        "a_b.c-d                           | a_b.c-d",
        "a\\B                              | a/b",
        "...hidden                         | ...hidden",
        "runbooks/ /disk                   | runbooks/disk",
    })
    void normalizes(String raw, String expected) {
        assertThat(PagePaths.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/../b", "./a", "a/.", "a/-.-/b", "  ", "/", "!!!", "- / -", "runbooks/диск", "runbooks/日本",
        "a/!!!/b"})
    void rejectsDotSegmentsAndEmptyResults(String raw) {
        assertThatIllegalArgumentException().isThrownBy(() -> PagePaths.normalize(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tools/diff", "Diff", "a/revisions", "a/backlinks", "a/attachments", "a/attachments/x.png",
        "a/Revisions/12"})
    void refusesTheEndsOfTheApisAddressesOfAPagesParts(String raw) {
        // such a page could be saved, then its address answered its diff, its files or another page's lists
        assertThatIllegalArgumentException().isThrownBy(() -> PagePaths.forANewPage(PagePaths.normalize(raw)))
                .withMessageContaining("may not end in");
        assertThat(PagePaths.normalize(raw)).as("a page stored so before is still read").isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tools/diffs", "diff/tools", "a/revisions/latest", "a/attachments/x/y", "a/backlinks-guide"})
    void takesThoseWordsElsewhere(String raw) {
        assertThat(PagePaths.forANewPage(PagePaths.normalize(raw))).isEqualTo(raw.toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ops/disk         | ops/disk.md",
        "ops/readme       | ops/readme/_index.md",
        "index            | index/_index.md",
        "ops/_index       | ops/_index/_index.md",
    })
    void aPageComesBackFromItsFile(String page, String file) {
        assertThat(PagePaths.fileOf(page)).isEqualTo(file);
        assertThat(PagePaths.ofFile(file)).isEqualTo(page);
    }

    @Test
    void aPagePartStartingWithADotIsWrittenWithoutItInAnArchive() {
        // a hidden file name: archives leave it out, and the export refused it, breaking the whole export
        assertThat(PagePaths.fileOf("linux/.bashrc")).isEqualTo("linux/bashrc.md");
        assertThat(PagePaths.fileOf("...hidden")).isEqualTo("hidden.md");
        assertThat(PagePaths.fileOf("a/.../b")).isEqualTo("a/_/b.md");
    }

    @Test
    void rejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> PagePaths.normalize(null))
                .withMessageContaining("required");
    }

    @Test
    void limitsTheLength() {
        String longest = "a".repeat(PagePaths.MAX_LENGTH);
        assertThat(PagePaths.normalize(longest)).isEqualTo(longest);
        assertThatIllegalArgumentException().isThrownBy(() -> PagePaths.normalize(longest + "b"))
                .withMessageContaining("at most 300");
    }

    @Test
    void splitsPaths() {
        assertThat(PagePaths.parent("runbooks/node/a")).isEqualTo("runbooks/node");
        assertThat(PagePaths.parent("home")).isEmpty();
        assertThat(PagePaths.lastSegment("runbooks/node/a")).isEqualTo("a");
        assertThat(PagePaths.lastSegment("home")).isEqualTo("home");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Runbooks/Node/NodeRAIDDegraded.md, runbooks/node/noderaiddegraded",
        "docs/Guide.markdown,               docs/guide",
        "runbooks/node/_index.md,           runbooks/node",
        "openshift/README.md,               openshift",
        "a/b/index.MD,                      a/b",
        "notes/readme-first.md,             notes/readme-first",
    })
    void mapsMarkdownFilesToPages(String file, String page) {
        assertThat(PagePaths.ofFile(file)).isEqualTo(page);
    }

    @Test
    void aTopLevelIndexFileHasNoPagePath() {
        assertThatIllegalArgumentException().isThrownBy(() -> PagePaths.ofFile("README.md"));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
        "runbooks/node/a, ../b.md,              runbooks/b",
        "runbooks/node/a, b.md,                 runbooks/node/b",
        "runbooks/node/a, ./helpers/C.md#x,     runbooks/node/helpers/c",
        "runbooks/node/a, ./_index.md,          runbooks/node",
        "runbooks/node/a, ../README.md,         runbooks",
        "runbooks/node/a, ../../x/y.md?plain=1, x/y",
        "runbooks/node/a, /docs/add-runbook,    docs/add-runbook",
        "runbooks/node/a, ../../../escape.md,   null",
        "runbooks/a,      ../README.md,         null",
    })
    void resolvesRelativeLinks(String from, String target, String expected) {
        assertThat(PagePaths.resolveRelative(from, target)).isEqualTo(expected);
    }
}
