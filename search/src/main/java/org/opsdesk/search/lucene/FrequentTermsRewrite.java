package org.opsdesk.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * Expands a multi-term query (a prefix) into its most frequent terms, for highlighting only. The
 * unified highlighter reads the offsets of plain terms from the postings, but for a prefix it
 * analyses the whole text of every hit again (in a memory index): at 100,000 tickets {@code rpm*}
 * spent 50 ms in that. A hit whose only matching terms are rarer than these shows the start of its
 * text instead of a highlighted passage.
 */
final class FrequentTermsRewrite extends MultiTermQuery.RewriteMethod {

    private final int max;

    /** Keeps at most {@code max} terms, the ones in the most documents. */
    FrequentTermsRewrite(int max) {
        this.max = max;
    }

    @Override
    public Query rewrite(IndexReader reader, MultiTermQuery query) throws IOException {
        // the most frequent terms of each segment, then their documents summed over the segments
        Map<BytesRef, Integer> candidates = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(query.getField());
            if (terms != null) {
                frequent(getTermsEnum(query, terms, new AttributeSource()))
                        .forEach(f -> candidates.merge(f.term(), f.docs(), Integer::sum));
            }
        }
        if (candidates.isEmpty()) {
            return new MatchNoDocsQuery("no term matches " + query);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        candidates.entrySet().stream()
                .sorted(Map.Entry.<BytesRef, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .forEach(e -> any.add(new TermQuery(new Term(query.getField(), e.getKey())), Occur.SHOULD));
        return any.build();
    }

    /** The {@code max} terms of one segment in the most documents. */
    private List<Frequency> frequent(TermsEnum matching) throws IOException {
        PriorityQueue<Frequency> best = new PriorityQueue<>(Comparator.comparingInt(Frequency::docs));
        for (BytesRef term = matching.next(); term != null; term = matching.next()) {
            int docs = matching.docFreq();
            if (best.size() < max) {
                best.add(new Frequency(BytesRef.deepCopyOf(term), docs));
            } else if (docs > best.peek().docs()) {
                best.poll();
                best.add(new Frequency(BytesRef.deepCopyOf(term), docs));
            }
        }
        return new ArrayList<>(best);
    }

    private record Frequency(BytesRef term, int docs) {}
}
