package org.opsdesk.search;

/**
 * A completion offered while the user types.
 *
 * @param kind {@link #TICKET}, {@link #PAGE} or {@link #HOST}
 * @param id the ticket number, page path or host name
 * @param label what to show: the subject, title or host name
 */
public record Suggestion(String kind, String id, String label) {

    /** Kind of a ticket suggestion. */
    public static final String TICKET = "ticket";

    /** Kind of a page suggestion. */
    public static final String PAGE = "page";

    /** Kind of a host suggestion. */
    public static final String HOST = "host";
}
