package org.opsdesk.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index knows about a wiki page. Lists may be given as {@code null} (empty).
 *
 * @param path the page's path, its identity, e.g. {@code runbooks/node/noderaiddegraded}
 * @param title the title, shown as the hit's title
 * @param headings the section headings
 * @param body the page's text (plain text or Markdown)
 * @param tags tags, filtered by {@code tag:} and counted in the {@code tag} facet
 * @param alerts names of alerts the page is a runbook for
 * @param services names of services the page is about
 * @param updated when the page last changed
 */
public record PageDocument(
        String path,
        String title,
        List<String> headings,
        String body,
        List<String> tags,
        List<String> alerts,
        List<String> services,
        Instant updated) {

    /** Requires a path; copies the lists, turning {@code null} into empty lists. */
    public PageDocument {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A page document needs a path");
        }
        headings = Lists.copy(headings);
        tags = Lists.copy(tags);
        alerts = Lists.copy(alerts);
        services = Lists.copy(services);
    }
}
