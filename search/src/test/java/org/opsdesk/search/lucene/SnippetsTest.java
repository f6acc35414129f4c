package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void theFallbackIsTheStartOfTheTextWithBlanksCollapsedAndEscaped() {
        assertThat(Snippets.fallback(null)).isEmpty();
        assertThat(Snippets.fallback("  \n\t ")).isEmpty();
        assertThat(Snippets.fallback("\n  disk <full>\r\n\r\n on\tdb01 & more  \n")).isEqualTo(
                "disk &lt;full&gt; on db01 &amp; more");
    }

    @Test
    void aLongTextIsCutAtAWordWithinTwoHundredCharacters() {
        String word = "abcdefghi ";
        String text = "\n\n" + word.repeat(19) + "last-word-that-crosses-the-limit   and  more\n".repeat(1000);
        String fallback = Snippets.fallback(text);
        assertThat(fallback).isEqualTo(word.repeat(19).strip() + MarkFormatter.ELLIPSIS);
        // exactly 200 characters after collapsing: shown whole, no ellipsis
        String exact = "x".repeat(198) + "\n\n\ny   \n";
        assertThat(Snippets.fallback(exact)).isEqualTo("x".repeat(198) + " y");
        assertThat(Snippets.fallback("x".repeat(250))).isEqualTo("x".repeat(200) + MarkFormatter.ELLIPSIS);
    }
}
