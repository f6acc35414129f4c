package org.opsdesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.opsdesk.application.DashboardService.Count;

class SidebarCountsTest {

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void countsOnceForAllPageViewsWithinFiveSecondsThenAgain() {
        Hands hands = new Hands();
        SidebarCounts counts = new SidebarCounts();
        counts.clock = hands;
        AtomicInteger queries = new AtomicInteger();
        java.util.function.Supplier<List<Count>> count = () -> List.of(new Count("support",
                queries.incrementAndGet()));

        assertThat(counts.get(count)).containsExactly(new Count("support", 1));
        hands.now = hands.now.plusMillis(4999);
        assertThat(counts.get(count)).containsExactly(new Count("support", 1));
        hands.now = hands.now.plusMillis(1);
        assertThat(counts.get(count)).containsExactly(new Count("support", 2));
        hands.now = hands.now.minusSeconds(60); // the clock was set back: count afresh
        assertThat(counts.get(count)).containsExactly(new Count("support", 3));
        assertThat(queries).hasValue(3);
    }
}
