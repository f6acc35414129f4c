package org.opsdesk.wiki.archive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import will do, for review before anything is stored.
 *
 * @param pages       the pages, in path order of their files
 * @param attachments attachment content, keyed by page path + "/" + file name
 * @param skipped     files that will not be imported, as {@code "path: reason"}
 */
public record ImportPlan(List<ImportedPage> pages, Map<String, byte[]> attachments, List<String> skipped) {

    /** Copies the collections (keeping the attachments' order). */
    public ImportPlan {
        pages = List.copyOf(pages);
        attachments = Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
        skipped = List.copyOf(skipped);
    }
}
