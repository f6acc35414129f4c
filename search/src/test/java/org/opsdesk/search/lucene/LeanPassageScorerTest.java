package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class LeanPassageScorerTest {

    private static final String[] TERMS = {"disk", "full", "db01", "mail", "list", "refused"};

    @Test
    void scoresEveryPassageAsLucenesScorerDoes() {
        PassageScorer lucene = new PassageScorer();
        PassageScorer lean = new LeanPassageScorer();
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 40 + random.nextInt(300));
            int matches = random.nextInt(12);
            for (int i = 0; i < matches; i++) {
                int term = random.nextInt(TERMS.length);
                // Lucene gives every match of a term the same frequency in the document
                passage.addMatch(start + i * 3, start + i * 3 + 2, new BytesRef(TERMS[term]), 1 + term * 7);
            }
            int contentLength = 5_400 + random.nextInt(4_000);

            assertThat(lean.score(passage, contentLength)).as("passage %s", passage)
                    .isCloseTo(lucene.score(passage, contentLength), within(1e-5f));
        }
    }

    @Test
    void aPassageWithoutMatchesScoresNothing() {
        Passage passage = new Passage();
        passage.setStartOffset(10);
        passage.setEndOffset(90);

        assertThat(new LeanPassageScorer().score(passage, 1_000)).isZero();
    }
}
