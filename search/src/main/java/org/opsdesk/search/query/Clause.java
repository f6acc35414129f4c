package org.opsdesk.search.query;

import java.time.Instant;
import java.util.List;

/** One element of a parsed query. */
public sealed interface Clause {

    /** Whether the clause only restricts which documents match, without scoring them. */
    default boolean isFilter() {
        return false;
    }

    /**
     * A word as the user typed it (the index's analysis decides what it matches).
     *
     * @param text the word, never blank
     * @param prefix whether it was written {@code text*}: matches words starting with it
     */
    record Word(String text, boolean prefix) implements Clause {}

    /**
     * Words that must occur in this order, next to each other.
     *
     * @param text the words between the quotes, never blank
     */
    record Phrase(String text) implements Clause {}

    /**
     * A {@code key:value} filter; {@code key:a|b} gives two alternative values.
     *
     * @param key the filter, never a date filter
     * @param values the alternatives, lower-cased, at least one
     */
    record Filter(FilterKey key, List<String> values) implements Clause {

        /** Copies the values. */
        public Filter {
            values = List.copyOf(values);
        }

        @Override
        public boolean isFilter() {
            return true;
        }
    }

    /**
     * A {@code created:} or {@code updated:} filter, in days of UTC: {@code >D} after day D,
     * {@code >=D} from D, {@code <D} before D, {@code <=D} up to and including D, {@code D} that
     * day, {@code D1..D2} from D1 to D2 inclusive ({@code *} for an open end).
     *
     * @param key {@link FilterKey#CREATED} or {@link FilterKey#UPDATED}
     * @param from the first instant included, or {@code null} for no lower bound
     * @param to the first instant excluded, or {@code null} for no upper bound
     */
    record DateRange(FilterKey key, Instant from, Instant to) implements Clause {

        @Override
        public boolean isFilter() {
            return true;
        }
    }
}
