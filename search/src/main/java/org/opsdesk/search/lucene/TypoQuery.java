package org.opsdesk.search.lucene;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * The words within a few typos of a word: what Lucene's {@link FuzzyQuery} matches (Damerau-Levenshtein distance,
 * a common prefix, the best terms by similarity blended by frequency), with one difference in cost. A fuzzy query
 * builds its Levenshtein automata, one per edit distance, each time it is rewritten, for each field: at 100,000
 * tickets that was 4.4 of the 4.9 ms of a search for {@code kubepodcrashlooping}. This query builds only the automaton
 * of its largest distance, takes the distance of each word it matches from a small computation instead of the
 * smaller automata, and keeps the automata of recent words in a cache of bounded size, shared by all fields and
 * searches: the same word is looked up in titles and bodies, and again for the next page, facet or keystroke.
 */
final class TypoQuery extends MultiTermQuery {

    /** Recent words' automata, at most this many bytes (a long word's two-edit automaton is about 250 KB). */
    private static final long CACHE_BYTES = 16L << 20;
    private static final AutomatonCache CACHE = new AutomatonCache(CACHE_BYTES);

    private final Term term;
    private final int maxEdits;
    private final int prefixLength;
    private final int maxExpansions;

    /**
     * Words at most {@code maxEdits} (1 or 2) edits from {@code term} that share its first {@code prefixLength}
     * characters; of those, the {@code maxExpansions} most similar.
     */
    TypoQuery(Term term, int maxEdits, int prefixLength, int maxExpansions) {
        super(term.field(), new TopTermsBlendedFreqScoringRewrite(maxExpansions));
        if (maxEdits < 1 || maxEdits > 2) {
            throw new IllegalArgumentException("maxEdits must be 1 or 2, not " + maxEdits);
        }
        this.term = term;
        this.maxEdits = maxEdits;
        this.prefixLength = prefixLength;
        this.maxExpansions = maxExpansions;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        // also when the word is no longer than the prefix (the stem of "added" is "ad"): it then matches longer
        // words that start with it, as FuzzyQuery does
        return new Typos(terms.intersect(automaton(), null), term.text().codePoints().toArray(), prefixLength);
    }

    private CompiledAutomaton automaton() {
        return CACHE.get(new AutomatonCache.Key(term.text(), maxEdits, prefixLength));
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.consumeTermsMatching(this, field, () -> automaton().runAutomaton);
        }
    }

    @Override
    public String toString(String defaultField) {
        return (field.equals(defaultField) ? "" : field + ":") + term.text() + "~" + maxEdits;
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && other instanceof TypoQuery typo && term.equals(typo.term)
                && maxEdits == typo.maxEdits && prefixLength == typo.prefixLength
                && maxExpansions == typo.maxExpansions;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), term, maxEdits, prefixLength, maxExpansions);
    }

    /**
     * The distance between two words as the automata count it (optimal string alignment: insertions, deletions,
     * substitutions and transpositions of neighbours, each one edit), from {@code from} on in both.
     */
    static int distance(int[] a, int[] b, int from) {
        int n = a.length - from;
        int m = b.length - from;
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int ai = a[from + i - 1];
                int bj = b[from + j - 1];
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (ai == bj ? 0 : 1));
                if (i > 1 && j > 1 && ai == b[from + j - 2] && a[from + i - 2] == bj) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[n][m];
    }

    /** The matched words, each with its similarity as the boost the rewrite ranks by (as {@link FuzzyQuery}'s). */
    private static final class Typos extends FilteredTermsEnum {
        private final int[] word;
        private final int prefixLength;
        private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);

        /** Over the terms the automaton of the largest distance accepts. */
        Typos(TermsEnum matches, int[] word, int prefixLength) {
            super(matches, false);
            this.word = word;
            this.prefixLength = prefixLength;
        }

        @Override
        protected AcceptStatus accept(BytesRef candidate) {
            int[] other = candidate.utf8ToString().codePoints().toArray();
            int edits = distance(word, other, Math.min(prefixLength, Math.min(word.length, other.length)));
            boost.setBoost(edits == 0 ? 1f : 1f - (float) edits / Math.min(other.length, word.length));
            return AcceptStatus.YES;
        }
    }

    /** Compiled automata of recent words, least recently used dropped first beyond a total size. */
    static final class AutomatonCache {

        record Key(String text, int maxEdits, int prefixLength) {}

        private final long maxBytes;
        private final Map<Key, CompiledAutomaton> recent = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        AutomatonCache(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        /** The automaton of a key: cached, or built outside the lock (two threads may build one twice, rarely). */
        CompiledAutomaton get(Key key) {
            synchronized (this) {
                CompiledAutomaton cached = recent.get(key);
                if (cached != null) {
                    return cached;
                }
            }
            CompiledAutomaton built = FuzzyQuery.getFuzzyAutomaton(key.text(), key.maxEdits(), key.prefixLength(), true);
            synchronized (this) {
                CompiledAutomaton previous = recent.put(key, built);
                bytes += built.ramBytesUsed() - (previous == null ? 0 : previous.ramBytesUsed());
                var eldest = recent.entrySet().iterator();
                while (bytes > maxBytes && recent.size() > 1) {
                    bytes -= eldest.next().getValue().ramBytesUsed();
                    eldest.remove();
                }
            }
            return built;
        }

        synchronized int size() {
            return recent.size();
        }

        synchronized long bytes() {
            return bytes;
        }
    }
}
