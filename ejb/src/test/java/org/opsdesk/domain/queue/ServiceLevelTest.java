package org.opsdesk.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.ticket.Priority;

class ServiceLevelTest {

    @Test
    void targetsAreKeptAsTextAndReadBack() {
        Map<Priority, ServiceLevel.Target> targets = new HashMap<>();
        targets.put(Priority.URGENT, new ServiceLevel.Target(15, 240));
        targets.put(Priority.NORMAL, new ServiceLevel.Target(null, 2880));
        targets.put(Priority.LOW, new ServiceLevel.Target(null, null));
        ServiceLevel level = ServiceLevel.of(targets);
        assertThat(level.text()).isEqualTo("urgent 15/240; normal -/2880");
        assertThat(ServiceLevel.parse(level.text())).isEqualTo(level);
        assertThat(level.targets()).doesNotContainKey(Priority.LOW);
        assertThat(ServiceLevel.parse(null)).isSameAs(ServiceLevel.NONE);
        assertThat(ServiceLevel.of(Map.of(Priority.LOW, new ServiceLevel.Target(null, null)))).isSameAs(ServiceLevel.NONE);
        assertThat(ServiceLevel.NONE.text()).isNull();
    }

    @Test
    void deadlinesCountFromCreationInBusinessHoursPlusTheTimeTheClockStood() {
        ServiceLevel level = ServiceLevel.parse("urgent 15/240; normal -/2880");
        Instant created = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(level.responseDue(Priority.URGENT, created, Duration.ZERO, BusinessHours.ALWAYS))
                .isEqualTo(Instant.parse("2026-12-07T10:15:00Z"));
        assertThat(level.resolutionDue(Priority.URGENT, created, Duration.ofMinutes(30), BusinessHours.ALWAYS))
                .isEqualTo(Instant.parse("2026-12-07T14:30:00Z"));
        assertThat(level.responseDue(Priority.NORMAL, created, Duration.ZERO, BusinessHours.ALWAYS)).isNull();
        assertThat(level.resolutionDue(Priority.HIGH, created, Duration.ZERO, BusinessHours.ALWAYS)).isNull();
        BusinessHours office = BusinessHours.of("Mon-Fri 09:00-17:00 UTC");
        assertThat(level.resolutionDue(Priority.NORMAL, Instant.parse("2026-12-11T16:00:00Z"), Duration.ZERO, office))
                .as("48 office hours from a Friday afternoon").isEqualTo(Instant.parse("2026-12-21T16:00:00Z"));
    }

    @Test
    void aWarningComesOnceItsShareOfATargetsBusinessTimeHasPassed() {
        ServiceLevel level = ServiceLevel.parse("urgent 15/240; normal -/2880; warn 80%");
        assertThat(level.warnPercent()).isEqualTo(80);
        assertThat(level.text()).isEqualTo("urgent 15/240; normal -/2880; warn 80%");
        assertThat(ServiceLevel.parse(level.text())).isEqualTo(level).isNotEqualTo(ServiceLevel.parse(
                "urgent 15/240; normal -/2880"));
        Instant created = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(level.responseWarning(Priority.URGENT, created, Duration.ZERO, BusinessHours.ALWAYS))
                .isEqualTo(Instant.parse("2026-12-07T10:12:00Z"));
        assertThat(level.responseWarning(Priority.NORMAL, created, Duration.ZERO, BusinessHours.ALWAYS)).isNull();
        BusinessHours office = BusinessHours.of("Mon-Fri 09:00-17:00 UTC");
        assertThat(level.resolutionWarning(Priority.NORMAL, Instant.parse("2026-12-11T16:00:00Z"), Duration.ZERO,
                office)).as("38.4 office hours from a Friday afternoon").isEqualTo(Instant.parse(
                        "2026-12-18T14:24:00Z"));
        assertThat(ServiceLevel.parse("urgent 15/240").responseWarning(Priority.URGENT, created, Duration.ZERO,
                BusinessHours.ALWAYS)).as("no warning share").isNull();
        assertThatThrownBy(() -> ServiceLevel.of(Map.of(), 80)).as("nothing to warn of")
                .isInstanceOf(DomainException.class).hasMessageContaining("give a target");
        assertThatThrownBy(() -> ServiceLevel.of(Map.of(Priority.HIGH, new ServiceLevel.Target(1, null)), 100))
                .isInstanceOf(DomainException.class).hasMessageContaining("1 to 99 percent");
        assertThatThrownBy(() -> ServiceLevel.parse("high 1/2; warn lots%")).isInstanceOf(DomainException.class);
    }

    @Test
    void targetsOutsideAMinuteToAYearAreRefused() {
        assertThatThrownBy(() -> new ServiceLevel.Target(0, null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("1 to 525600 minutes");
        assertThatThrownBy(() -> new ServiceLevel.Target(null, ServiceLevel.MAX_MINUTES + 1))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> ServiceLevel.parse("urgent fast/240")).isInstanceOf(DomainException.class)
                .hasMessageContaining("'fast' is no number");
        assertThatThrownBy(() -> ServiceLevel.parse("critical 1/2")).isInstanceOf(DomainException.class)
                .hasMessageContaining("critical");
    }
}
