package org.opsdesk.search.lucene;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 of each distinct term in the passage, times the norm of its
 * position) without its cost: {@link PassageScorer#score} builds a new {@code BytesRefHash}, with
 * a 32 KB block, for every candidate passage, which made highlighting half the time of a search at
 * 100,000 tickets. A passage has a handful of matches, so its distinct terms are found by a scan.
 */
final class LeanPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        double score = 0;
        for (int i = 0; i < matches; i++) {
            if (seenBefore(terms, i)) {
                continue;
            }
            int inPassage = 1;
            for (int j = i + 1; j < matches; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    inPassage++;
                }
            }
            score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
        }
        return (float) (score * norm(passage.getStartOffset()));
    }

    private static boolean seenBefore(BytesRef[] terms, int index) {
        for (int k = 0; k < index; k++) {
            if (terms[k].bytesEquals(terms[index])) {
                return true;
            }
        }
        return false;
    }
}
