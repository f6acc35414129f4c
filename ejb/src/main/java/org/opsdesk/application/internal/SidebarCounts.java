package org.opsdesk.application.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opsdesk.application.DashboardService.Count;

/**
 * The active tickets per queue that every agent page shows beside its navigation, counted at most once every
 * {@link #TTL} for all page views together. Counting is linear in the active tickets (about 40 ms for 100,000 on
 * PostgreSQL), and a page view should not pay that for a figure that may be a few seconds old; the queue views
 * themselves and the dashboard count exactly.
 */
@ApplicationScoped
public class SidebarCounts {

    static final Duration TTL = Duration.ofSeconds(5);

    private record Snapshot(Instant at, List<Count> counts) {
    }

    @Inject
    Clock clock;

    private volatile Snapshot last;

    List<Count> get(Supplier<List<Count>> count) {
        Instant now = clock.instant();
        Snapshot s = last;
        if (s == null || !now.isBefore(s.at().plus(TTL)) || now.isBefore(s.at())) {
            s = new Snapshot(now, List.copyOf(count.get()));
            last = s;
        }
        return s.counts();
    }
}
