package org.opsdesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Which times a notification names are taken; the others count as no time (the order of arrival decides). */
class AlertTimesTest {

    private final Instant now = Instant.parse("2026-11-22T02:10:00Z");

    @Test
    void aTimeIsTakenFromTheYear2000ToADayAhead() {
        assertThat(AlertProcessor.plausible(now.minusSeconds(3600), now)).isEqualTo(now.minusSeconds(3600));
        assertThat(AlertProcessor.plausible(now.plusSeconds(600), now)).as("a clock a little ahead").isNotNull();
        assertThat(AlertProcessor.plausible(Instant.parse("2000-01-01T00:00:00Z"), now)).isNotNull();
        assertThat(AlertProcessor.plausible(null, now)).isNull();
    }

    @Test
    void aTimeBefore2000OrMoreThanADayAheadIsNoTime() {
        // a recovery dated next year would make every problem of its key stale until then
        assertThat(AlertProcessor.plausible(now.plusSeconds(86_401), now)).isNull();
        assertThat(AlertProcessor.plausible(Instant.ofEpochSecond(1_795_313_092_000L), now)).as("ms read as s").isNull();
        assertThat(AlertProcessor.plausible(Instant.EPOCH, now)).isNull();
        assertThat(AlertProcessor.plausible(Instant.parse("1999-12-31T23:59:59Z"), now)).isNull();
    }
}
