package org.opsdesk.search.query;

import java.util.List;

/**
 * A query in the OpsDesk query language, parsed: a document matches when it matches at least one
 * clause of every group and none of the excluded clauses.
 *
 * @param groups clauses joined by {@code OR}; the groups are joined by AND
 * @param excluded clauses written with a leading {@code -}
 */
public record ParsedQuery(List<List<Clause>> groups, List<Clause> excluded) {

    /** Copies the lists. */
    public ParsedQuery {
        groups = groups.stream().map(List::copyOf).toList();
        excluded = List.copyOf(excluded);
    }

    /** Whether some group holds a word or phrase (rather than filters only). */
    public boolean hasText() {
        return groups.stream().flatMap(List::stream).anyMatch(clause -> !clause.isFilter());
    }
}
