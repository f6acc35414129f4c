package org.opsdesk.wiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageDiffTest {

    @Test
    void aHugeRewriteIsOneBlockOfChangedLines() {
        String old = "a\n".repeat(100_000);
        String rewritten = "b\n".repeat(100_000);

        List<DiffLine> rows = PageDiff.diff("same\n" + old + "end\n", "same\n" + rewritten + "end\n");

        assertThat(rows).hasSize(100_002);
        assertThat(rows.get(0).kind()).isEqualTo(LineKind.SAME);
        assertThat(rows.subList(1, 100_001)).allMatch(r -> r.kind() == LineKind.CHANGED);
        assertThat(rows.get(100_001).kind()).isEqualTo(LineKind.SAME);
    }

    @Test
    void aHugeChangedLineIsMarkedWhole() {
        String old = "word ".repeat(200_000);
        String changed = "other ".repeat(200_000);

        DiffLine row = PageDiff.diff(old, changed).get(0);

        assertThat(row.kind()).isEqualTo(LineKind.CHANGED);
        assertThat(row.newHtml()).startsWith("<ins>other");
    }

    @Test
    void identicalTextsAreAllSame() {
        List<DiffLine> rows = PageDiff.diff("a\nb\n", "a\r\nb\r\n");

        assertThat(rows).containsExactly(
                new DiffLine(LineKind.SAME, 1, 1, "a", "a"),
                new DiffLine(LineKind.SAME, 2, 2, "b", "b"));
    }

    @Test
    void marksAddedAndRemovedLinesWithTheirNumbers() {
        List<DiffLine> rows = PageDiff.diff("one\ntwo\nthree", "one\nthree\nfour");

        assertThat(rows).containsExactly(
                new DiffLine(LineKind.SAME, 1, 1, "one", "one"),
                new DiffLine(LineKind.REMOVED, 2, null, "two", null),
                new DiffLine(LineKind.SAME, 3, 2, "three", "three"),
                new DiffLine(LineKind.ADDED, null, 3, null, "four"));
    }

    @Test
    void highlightsTheChangedWordsOfAnEditedLine() {
        List<DiffLine> rows = PageDiff.diff("# Title\nthe disk is full today\n",
                "# Title\nthe disk is nearly empty today\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).isEqualTo(new DiffLine(LineKind.CHANGED, 2, 2,
                "the disk is <del>full</del> today",
                "the disk is <ins>nearly empty</ins> today"));
    }

    @Test
    void escapesHtmlInsideAndOutsideTheHighlights() {
        List<DiffLine> rows = PageDiff.diff("run <cmd> & \"wait\"", "run <cmd> & 'stop'");

        assertThat(rows).containsExactly(new DiffLine(LineKind.CHANGED, 1, 1,
                "run &lt;cmd&gt; &amp; <del>&quot;wait&quot;</del>",
                "run &lt;cmd&gt; &amp; <ins>&#39;stop&#39;</ins>"));
    }

    @Test
    void pairsEditedLinesAndReportsTheRestAsAddedOrRemoved() {
        List<DiffLine> rows = PageDiff.diff("keep\nalpha one\nbeta two\nend", "keep\nalpha 1\nend");

        assertThat(rows).extracting(DiffLine::kind)
                .containsExactly(LineKind.SAME, LineKind.CHANGED, LineKind.REMOVED, LineKind.SAME);
        assertThat(rows.get(1).newHtml()).isEqualTo("alpha <ins>1</ins>");
        assertThat(rows.get(2).oldNumber()).isEqualTo(3);
        assertThat(rows.get(3)).isEqualTo(new DiffLine(LineKind.SAME, 4, 3, "end", "end"));
    }

    @Test
    void diffsAgainstNothing() {
        assertThat(PageDiff.diff(null, "new page"))
                .containsExactly(new DiffLine(LineKind.ADDED, null, 1, null, "new page"));
        assertThat(PageDiff.diff("", "")).isEmpty();
    }

    @Test
    void writesAUnifiedDiff() {
        String unified = PageDiff.unified("a\nb\nc\n", "a\nB\nc\n", "rev 1", "rev 2");

        assertThat(unified).isEqualTo("""
                --- rev 1
                +++ rev 2
                @@ -1,3 +1,3 @@
                 a
                -b
                +B
                 c
                """);
        assertThat(PageDiff.unified("same\n", "same", "rev 1", "rev 2")).isEmpty();
    }
}
