package org.opsdesk.search.lucene;

import org.junit.jupiter.api.AfterEach;
import org.opsdesk.search.SearchIndex;
import org.opsdesk.search.SearchIndexContract;

/** The contract on an index in memory. */
class LuceneSearchIndexTest implements SearchIndexContract {

    private final LuceneSearchIndex index = LuceneSearchIndex.inMemory();

    @Override
    public SearchIndex index() {
        return index;
    }

    @AfterEach
    void close() {
        index.close();
    }
}
