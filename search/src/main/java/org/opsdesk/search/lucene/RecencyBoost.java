package org.opsdesk.search.lucene;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A modest score multiplier, between 1 and {@code 1 + RECENCY_WEIGHT + OPEN_WEIGHT}: recently
 * updated documents (the bonus halves after {@link #HALF_LIFE}) and open tickets rank a little
 * higher.
 */
final class RecencyBoost extends DoubleValuesSource {

    private static final Duration HALF_LIFE = Duration.ofDays(30);
    private static final double RECENCY_WEIGHT = 0.2;
    private static final double OPEN_WEIGHT = 0.1;

    private final long now;

    private RecencyBoost(long now) {
        this.now = now;
    }

    static RecencyBoost at(Instant now) {
        return new RecencyBoost(now.toEpochMilli());
    }

    @Override
    public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
        NumericDocValues ranking = DocValues.getNumeric(context.reader(), Fields.RANKING);
        double halfLife = HALF_LIFE.toMillis();
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = 1;
                if (ranking.advanceExact(doc)) {
                    long v = ranking.longValue();
                    long updated = v >>> 1;
                    if (updated > 0) {
                        double age = Math.max(0, now - updated);
                        value += RECENCY_WEIGHT * halfLife / (halfLife + age);
                    }
                    if ((v & 1) == 1) {
                        value += OPEN_WEIGHT;
                    }
                }
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext context) {
        return DocValues.isCacheable(context, Fields.RANKING);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecencyBoost boost && boost.now == now;
    }

    @Override
    public int hashCode() {
        return Objects.hash(RecencyBoost.class, now);
    }

    @Override
    public String toString() {
        return "recency(now=" + now + ")";
    }
}
