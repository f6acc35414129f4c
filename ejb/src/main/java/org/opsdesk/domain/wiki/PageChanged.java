package org.opsdesk.domain.wiki;

import java.time.Instant;

/**
 * Domain event: the page now at {@code path} changed; {@code previousPath} is where it was before a move (else
 * null). Observers that act outside the database see it only after the change committed.
 */
public record PageChanged(String path, String previousPath, Instant at) {
}
