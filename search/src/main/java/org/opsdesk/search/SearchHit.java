package org.opsdesk.search;

import java.time.Instant;

/**
 * One document found.
 *
 * @param type ticket or page
 * @param id the ticket number as a string, or the page path
 * @param title the ticket's subject or the page's title, plain text
 * @param snippet an HTML fragment: escaped text where matches are wrapped in {@code <mark>}
 * @param score the relevance score (meaningful only relative to other hits of the same search)
 * @param status the ticket's status, {@code null} for pages
 * @param queue the ticket's queue, {@code null} for pages
 * @param updated when the document last changed, or {@code null}
 */
public record SearchHit(
        DocType type,
        String id,
        String title,
        String snippet,
        float score,
        String status,
        String queue,
        Instant updated) {}
