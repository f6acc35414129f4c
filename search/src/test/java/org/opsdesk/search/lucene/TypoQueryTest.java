package org.opsdesk.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class TypoQueryTest {

    /** Words near and far from the searched ones: every kind of edit, at one and two edits, and in the prefix. */
    private static final List<String> WORDS = List.of(
            "crashloop", "crashlop", "crashlooop", "crahsloop", "crashlopo", "crashleep", "crashloops", "crasloop",
            "cashloop", "rcashloop", "crashlo", "crashloopingly", "crushloop", "crashl00p", "chrashloop", "crashlaap",
            "kubepodcrashloop", "kubepodcrashlop", "kubepdcrashloop", "kubepodcrahsloop", "kubepodcrashloops",
            "kubpodcrashlop", "kubepodcrashloopx", "kubepodcrashleep", "ubepodcrashloop", "kuebpodcrashloop",
            "mitig", "mitag", "mtig", "mitigg", "imtig", "mitgi", "mitigat", "mitiga",
            "zürich", "zurich", "zürcih", "zürichs", "straße", "strasse", "strßae",
            "ad", "ads", "adm", "a", "add", "ax", "adds");

    @Test
    void matchesTheSameWordsWithTheSameSimilarityAsLucenesFuzzyQuery() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                // two segments, and some words in several documents: frequencies differ
                for (int i = 0; i < WORDS.size(); i++) {
                    add(writer, WORDS.get(i) + (i % 3 == 0 ? " " + WORDS.get((i * 7) % WORDS.size()) : ""));
                    if (i == WORDS.size() / 2) {
                        writer.commit();
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSize(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String word : List.of("crashloop", "kubepodcrashloop", "mitig", "zürich", "straße", "crashloops",
                        "ad")) {
                    for (int edits = 1; edits <= 2; edits++) {
                        for (int prefix : new int[] {0, 2}) {
                            for (int expansions : new int[] {3, 50}) {
                                Term term = new Term("body", word);
                                Query lucene = searcher.rewrite(new FuzzyQuery(term, edits, prefix, expansions, true));
                                Query ours = searcher.rewrite(new TypoQuery(term, edits, prefix, expansions));
                                String what = word + " edits=" + edits + " prefix=" + prefix + " top=" + expansions;
                                assertThat(boosts(ours)).as(what).isEqualTo(boosts(lucene));
                                assertThat(searcher.count(ours)).as(what).isEqualTo(searcher.count(lucene));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void eachWordGetsItsOwnAutomatonFromTheCache() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                add(writer, "crashlop");
                add(writer, "kubepodcrashlop");
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // one after the other, so the second finds the first in the cache: each matches its own typo only
                Query first = searcher.rewrite(new TypoQuery(new Term("body", "crashloop"), 1, 2, 10));
                Query second = searcher.rewrite(new TypoQuery(new Term("body", "kubepodcrashloop"), 1, 2, 10));
                Query again = searcher.rewrite(new TypoQuery(new Term("body", "crashloop"), 1, 2, 10));
                assertThat(boosts(first).keySet()).containsExactly("crashlop");
                assertThat(boosts(second).keySet()).containsExactly("kubepodcrashlop");
                assertThat(again).isEqualTo(first);
            }
        }
    }

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndTranspositionsAsOneEditEach() {
        assertThat(distance("crashloop", "crashloop", 0)).isZero();
        assertThat(distance("crashloop", "crashlop", 0)).isEqualTo(1);
        assertThat(distance("crashloop", "crashlooop", 0)).isEqualTo(1);
        assertThat(distance("crashloop", "crushloop", 0)).isEqualTo(1);
        assertThat(distance("crashloop", "crahsloop", 0)).isEqualTo(1);
        assertThat(distance("crashloop", "rcahsloop", 0)).isEqualTo(2);
        assertThat(distance("ca", "abc", 0)).isEqualTo(3); // optimal string alignment: no edit of a transposed pair
        assertThat(distance("crashloop", "crashleep", 2)).isEqualTo(2);
        assertThat(distance("zürich", "zurich", 0)).isEqualTo(1); // code points, not bytes
    }

    @Test
    void theCacheKeepsRecentAutomataWithinItsSize() {
        TypoQuery.AutomatonCache cache = new TypoQuery.AutomatonCache(200_000);
        var first = cache.get(new TypoQuery.AutomatonCache.Key("crashloop", 2, 2));
        assertThat(cache.get(new TypoQuery.AutomatonCache.Key("crashloop", 2, 2))).isSameAs(first);
        for (String word : List.of("kubepodcrashloop", "noderaiddegrad", "spamassassin", "mitigation")) {
            cache.get(new TypoQuery.AutomatonCache.Key(word, 2, 2));
        }
        // each two-edit automaton of these words is 90-230 KB: at most one or two fit in 200 KB
        assertThat(cache.size()).isBetween(1, 2);
        assertThat(cache.bytes()).isPositive().isLessThanOrEqualTo(230_000);
        assertThat(cache.get(new TypoQuery.AutomatonCache.Key("crashloop", 2, 2))).isNotSameAs(first);
    }

    @Test
    void onlyOneOrTwoEditsAreAllowed() {
        assertThatThrownBy(() -> new TypoQuery(new Term("body", "crashloop"), 3, 2, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int distance(String a, String b, int from) {
        return TypoQuery.distance(a.codePoints().toArray(), b.codePoints().toArray(), from);
    }

    /** The rewritten query's terms with their boosts and blended document frequencies. */
    private static Map<String, String> boosts(Query rewritten) {
        Map<String, String> boosts = new TreeMap<>();
        List<Query> clauses = new ArrayList<>();
        if (rewritten instanceof BooleanQuery bool) {
            bool.clauses().stream().map(BooleanClause::getQuery).forEach(clauses::add);
        } else {
            clauses.add(rewritten);
        }
        for (Query clause : clauses) {
            float boost = 1f;
            if (clause instanceof BoostQuery boosted) {
                boost = boosted.getBoost();
                clause = boosted.getQuery();
            }
            String constant = "";
            if (clause instanceof ConstantScoreQuery wrapped) { // a similarity of 0 (as many edits as letters)
                constant = "/constant";
                clause = wrapped.getQuery();
            }
            TermQuery term = (TermQuery) clause;
            int docFreq = term.getTermStates() == null ? -1 : term.getTermStates().docFreq();
            boosts.put(term.getTerm().text(), boost + "/" + docFreq + constant);
        }
        return boosts;
    }

    private static void add(IndexWriter writer, String text) throws IOException {
        Document doc = new Document();
        doc.add(new TextField("body", text, Field.Store.NO));
        writer.addDocument(doc);
    }
}
