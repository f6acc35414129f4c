package org.opsdesk.search;

import java.time.Instant;
import java.util.List;

/** Small {@link PageDocument}s for tests. */
final class Pages {

    static final Instant UPDATED = Instant.parse("2026-01-10T08:00:00Z");

    private Pages() {}

    static PageDocument page(String path, String title, String body) {
        return new PageDocument(path, title, List.of(), body, List.of(), List.of(), List.of(), UPDATED);
    }

    static PageDocument page(String path, String title, String body, List<String> tags) {
        return new PageDocument(path, title, List.of(), body, tags, List.of(), List.of(), UPDATED);
    }
}
