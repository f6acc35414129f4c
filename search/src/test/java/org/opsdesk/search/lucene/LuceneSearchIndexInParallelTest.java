package org.opsdesk.search.lucene;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.opsdesk.search.SearchIndex;
import org.opsdesk.search.SearchIndexContract;

/**
 * The contract on an index whose searches count their hits and highlight half of them on other threads, as the
 * server runs it: totals, facets, the order of hits and their snippets must not depend on it.
 */
class LuceneSearchIndexInParallelTest implements SearchIndexContract {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final LuceneSearchIndex index = LuceneSearchIndex.inMemory(executor);

    @Override
    public SearchIndex index() {
        return index;
    }

    @AfterEach
    void close() {
        index.close();
        executor.shutdownNow();
    }
}
