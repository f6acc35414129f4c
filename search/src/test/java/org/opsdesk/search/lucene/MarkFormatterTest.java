package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class MarkFormatterTest {

    private final MarkFormatter formatter = new MarkFormatter();

    private static Passage passage(int start, int end, int... matches) {
        Passage passage = new Passage();
        passage.setStartOffset(start);
        passage.setEndOffset(end);
        for (int i = 0; i < matches.length; i += 2) {
            passage.addMatch(matches[i], matches[i + 1], new BytesRef("t"), 1);
        }
        return passage;
    }

    @Test
    void marksMatchesAndEscapesTheRest() {
        String content = "a <b> & 'c'";

        assertThat(formatter.format(new Passage[] {passage(0, content.length(), 3, 4)}, content))
                .isEqualTo("a &lt;<mark>b</mark>&gt; &amp; &#x27;c&#x27;");
    }

    @Test
    void sortsAndMergesOverlappingMatches() {
        String content = "# etcdHighNumberOfFailedGRPCRequests fired";

        String html = formatter.format(new Passage[] {passage(0, content.length(), 24, 28, 2, 6, 2, 36, 24, 28)}, content);

        assertThat(html).isEqualTo("# <mark>etcdHighNumberOfFailedGRPCRequests</mark> fired");
    }

    @Test
    void joinsPassagesThatDoNotTouchWithAnEllipsis() {
        String content = "One disk. Two. Three disk.";

        String html = formatter.format(new Passage[] {passage(0, 9, 4, 8), passage(15, 26, 21, 25)}, content);

        assertThat(html).isEqualTo("One <mark>disk</mark>. … Three <mark>disk</mark>.");
    }

    @Test
    void cutsLongPassagesToAWindowAroundTheFirstMatch() {
        String content = "word ".repeat(100) + "disk " + "word ".repeat(100);
        int disk = content.indexOf("disk");

        String html = formatter.format(new Passage[] {passage(0, content.length(), disk, disk + 4)}, content);

        assertThat(html).startsWith("…word").endsWith("word…").contains("<mark>disk</mark>");
        assertThat(html.length()).isLessThan(260);
        assertThat(html.indexOf("<mark>")).isBetween(40, 70);
    }
}
