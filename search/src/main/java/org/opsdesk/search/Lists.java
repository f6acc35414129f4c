package org.opsdesk.search;

import java.util.List;
import java.util.Objects;

/** Defensive copies for the document records: {@code null} lists and elements are dropped. */
final class Lists {

    private Lists() {}

    static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
