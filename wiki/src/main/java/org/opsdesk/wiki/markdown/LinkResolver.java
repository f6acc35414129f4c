package org.opsdesk.wiki.markdown;

/**
 * What the renderer needs to know from the application to write links: which pages exist and the
 * URLs of pages, tickets, hosts and the current page's attachments. Called during rendering, so
 * answers should be cheap (for example from a set of page paths loaded once per request).
 */
public interface LinkResolver {

    /** Whether a page exists at this normalised path. */
    boolean pageExists(String path);

    /** The URL of an existing page, for example {@code "/wiki/" + path}. */
    String pageUrl(String path);

    /** Where a link to a missing page leads: a "create this page" form. */
    String newPageUrl(String path);

    /** The URL of ticket {@code #number}. */
    String ticketUrl(long number);

    /** The URL of a host's page; {@code hostName} is lower-case. */
    String hostUrl(String hostName);

    /**
     * The URL of an attachment of the page being rendered, for images and file links whose target
     * is a bare file name ({@code ![](diagram.png)}, {@code [report](report.pdf)}).
     */
    String attachmentUrl(String fileName);
}
