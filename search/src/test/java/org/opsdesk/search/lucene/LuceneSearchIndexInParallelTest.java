package org.opsdesk.search.lucene;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.opsdesk.search.SearchIndex;
import org.opsdesk.search.SearchIndexContract;

/**
 * The contract on an index whose searches score half of their documents and highlight half of their hits on another
 * thread, as the server runs large searches (here every search is split): totals, facets, the order of hits and their
 * snippets must not depend on it.
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
