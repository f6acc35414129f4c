package org.opsdesk.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
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
        PriorityQueue<Frequency> best = new PriorityQueue<>(Comparator.comparingInt(Frequency::docs));
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(query.getField());
            if (terms == null) {
                continue;
            }
            TermsEnum matching = getTermsEnum(query, terms, new AttributeSource());
            for (BytesRef term = matching.next(); term != null; term = matching.next()) {
                int docs = matching.docFreq();
                if (best.size() < max) {
                    best.add(new Frequency(BytesRef.deepCopyOf(term), docs));
                } else if (docs > best.peek().docs()) {
                    best.poll();
                    best.add(new Frequency(BytesRef.deepCopyOf(term), docs));
                }
            }
        }
        if (best.isEmpty()) {
            return new MatchNoDocsQuery("no term matches " + query);
        }
        List<Frequency> frequent = new ArrayList<>(best);
        frequent.sort(Comparator.comparingInt(Frequency::docs).reversed());
        Set<BytesRef> distinct = new LinkedHashSet<>();
        frequent.forEach(f -> distinct.add(f.term()));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        distinct.forEach(term -> any.add(new TermQuery(new Term(query.getField(), term)), Occur.SHOULD));
        return any.build();
    }

    private record Frequency(BytesRef term, int docs) {}
}
