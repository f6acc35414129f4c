package org.opsdesk.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts all matching documents and, per facet, the documents per value (from the {@code facet.*}
 * doc values), segment by segment by ordinal, then merged by value. Type, queue and status come from one value of
 * each document ({@link Fields#FACET_KIND}), split when merged.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Counts> {

    private final List<String> facets;

    /** Counts the given facets (keys of {@link Fields#FACETS} and of {@link Fields#KIND_FACETS}). */
    FacetCounter(List<String> facets) {
        this.facets = List.copyOf(facets);
    }

    /**
     * The outcome.
     *
     * @param total how many documents matched
     * @param facets per facet key, the count per value, largest first, then by value
     */
    record Counts(long total, Map<String, Map<String, Long>> facets) {}

    @Override
    public Counting newCollector() {
        return new Counting();
    }

    @Override
    public Counts reduce(Collection<Counting> collectors) throws IOException {
        long total = 0;
        Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
        facets.forEach(facet -> merged.put(facet, new HashMap<>()));
        for (Counting collector : collectors) {
            total += collector.total;
            for (SegmentCounts segment : collector.segments) {
                segment.addTo(merged);
            }
        }
        Map<String, Map<String, Long>> sorted = new LinkedHashMap<>();
        merged.forEach((facet, counts) -> sorted.put(facet, largestFirst(counts)));
        return new Counts(total, Collections.unmodifiableMap(sorted));
    }

    private static Map<String, Long> largestFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(sorted);
    }

    /** Collects one slice of segments. */
    final class Counting implements Collector {
        private final List<SegmentCounts> segments = new ArrayList<>();
        private long total;

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            // the kind only where one of its facets is asked for (a host suggestion counts hosts alone)
            SegmentCounts segment = new SegmentCounts(facets.stream().anyMatch(Fields.KIND_FACETS::contains)
                    ? DocValues.getSorted(context.reader(), Fields.FACET_KIND) : DocValues.emptySorted());
            for (String facet : facets) {
                if (Fields.FACETS.containsKey(facet)) {
                    segment.add(facet, DocValues.getSortedSet(context.reader(), Fields.FACETS.get(facet)));
                }
            }
            segments.add(segment);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counting needs no scores
                }

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    segment.count(doc);
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** Counts per ordinal of each facet in one segment. */
    private static final class SegmentCounts {
        private final SortedDocValues kinds;
        private final long[] kindCounts;
        private final List<String> facets = new ArrayList<>();
        private SortedSetDocValues[] values = new SortedSetDocValues[0];
        private long[][] counts = new long[0][];

        SegmentCounts(SortedDocValues kinds) {
            this.kinds = kinds;
            this.kindCounts = new long[kinds.getValueCount()];
        }

        void add(String facet, SortedSetDocValues docValues) {
            facets.add(facet);
            values = java.util.Arrays.copyOf(values, values.length + 1);
            values[values.length - 1] = docValues;
            counts = java.util.Arrays.copyOf(counts, counts.length + 1);
            counts[counts.length - 1] = new long[Math.toIntExact(docValues.getValueCount())];
        }

        void count(int doc) throws IOException {
            if (kinds.advanceExact(doc)) {
                kindCounts[kinds.ordValue()]++;
            }
            for (int i = 0; i < values.length; i++) {
                SortedSetDocValues docValues = values[i];
                if (docValues.advanceExact(doc)) {
                    long[] perOrdinal = counts[i];
                    for (int n = docValues.docValueCount(); n > 0; n--) {
                        perOrdinal[(int) docValues.nextOrd()]++;
                    }
                }
            }
        }

        void addTo(Map<String, Map<String, Long>> merged) throws IOException {
            for (int ordinal = 0; ordinal < kindCounts.length; ordinal++) {
                if (kindCounts[ordinal] > 0) {
                    String[] parts = kinds.lookupOrd(ordinal).utf8ToString()
                            .split(String.valueOf(Fields.KIND_SEPARATOR), -1);
                    for (int i = 0; i < Fields.KIND_FACETS.size() && i < parts.length; i++) {
                        Map<String, Long> target = merged.get(Fields.KIND_FACETS.get(i));
                        if (target != null && !parts[i].isEmpty()) {
                            target.merge(parts[i], kindCounts[ordinal], Long::sum);
                        }
                    }
                }
            }
            for (int i = 0; i < facets.size(); i++) {
                long[] perOrdinal = counts[i];
                Map<String, Long> target = merged.get(facets.get(i));
                for (int ordinal = 0; ordinal < perOrdinal.length; ordinal++) {
                    if (perOrdinal[ordinal] > 0) {
                        String value = values[i].lookupOrd(ordinal).utf8ToString();
                        target.merge(value, perOrdinal[ordinal], Long::sum);
                    }
                }
            }
        }
    }
}
