package org.opsdesk.wiki.archive;

import java.util.List;

/**
 * A page an import will create.
 *
 * @param path            the page path
 * @param title           front matter {@code title}, else the first {@code # heading}, else the file
 *                        (or, for an index file, folder) name
 * @param markdown        the page source: front matter kept, relative links to pages rewritten to
 *                        {@code [[path|label]]} wiki links (Hugo {@code ref} links too), relative
 *                        image and file links pointing at the page's attachments by bare file name
 * @param attachmentFiles the attachment file names the page refers to
 */
public record ImportedPage(String path, String title, String markdown, List<String> attachmentFiles) {

    /** Copies the list. */
    public ImportedPage {
        attachmentFiles = List.copyOf(attachmentFiles);
    }
}
