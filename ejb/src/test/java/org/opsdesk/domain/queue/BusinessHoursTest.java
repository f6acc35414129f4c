package org.opsdesk.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;

class BusinessHoursTest {

    private final BusinessHours office = BusinessHours.of("mon-fri 09:00-17:00 Europe/Berlin");

    private static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
    }

    @Test
    void timeAddsUpInsideOpeningHoursAndCarriesOverNightsAndWeekends() {
        // Monday 2026-12-07, 10:00 in Berlin
        assertThat(office.plus(berlin("2026-12-07T10:00"), Duration.ofMinutes(90))).isEqualTo(berlin("2026-12-07T11:30"));
        assertThat(office.plus(berlin("2026-12-07T16:00"), Duration.ofHours(2))).as("the rest next morning")
                .isEqualTo(berlin("2026-12-08T10:00"));
        assertThat(office.plus(berlin("2026-12-11T16:30"), Duration.ofHours(1))).as("Friday evening to Monday")
                .isEqualTo(berlin("2026-12-14T09:30"));
        assertThat(office.plus(berlin("2026-12-12T03:00"), Duration.ofMinutes(15))).as("a Saturday's ticket")
                .isEqualTo(berlin("2026-12-14T09:15"));
        assertThat(office.plus(berlin("2026-12-07T17:00"), Duration.ZERO)).as("closing time: the next opening")
                .isEqualTo(berlin("2026-12-08T09:00"));
        assertThat(office.plus(berlin("2026-12-07T10:00"), Duration.ofHours(40))).as("a working week")
                .isEqualTo(berlin("2026-12-14T10:00"));
    }

    @Test
    void timeBetweenCountsOnlyOpeningHours() {
        assertThat(office.between(berlin("2026-12-11T16:00"), berlin("2026-12-14T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(office.between(berlin("2026-12-12T08:00"), berlin("2026-12-13T20:00"))).isZero();
        assertThat(office.between(berlin("2026-12-08T10:00"), berlin("2026-12-07T10:00"))).isZero();
        Instant start = berlin("2026-12-09T13:17");
        Instant end = office.plus(start, Duration.ofMinutes(1234));
        assertThat(office.between(start, end)).as("the inverse of plus").isEqualTo(Duration.ofMinutes(1234));
    }

    @Test
    void wallClockHoursFollowSummerTime() {
        // the clocks go forward in the night to Sunday 2027-03-28: a Sunday shift 00:00-06:00 lasts five hours
        BusinessHours sunday = BusinessHours.of("Sun 00:00-06:00 Europe/Berlin");
        assertThat(sunday.between(berlin("2027-03-27T12:00"), berlin("2027-03-29T00:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(office.plus(berlin("2027-03-26T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2027-03-29T10:00"));
    }

    @Test
    void hoursInTheNightTheClocksSkipAreNone() {
        // 2027-03-28 in Berlin has no 02:00-03:00: an entry inside it is open for nobody that day
        BusinessHours gap = BusinessHours.of("Sun 02:30-03:00, Sun 04:00-05:00 Europe/Berlin");
        assertThat(gap.plus(berlin("2027-03-28T00:00"), Duration.ofMinutes(60))).isEqualTo(berlin("2027-03-28T05:00"));
        assertThat(gap.between(berlin("2027-03-28T00:00"), berlin("2027-03-28T06:00"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void hoursWhoseKeptTextWouldBeTooLongAreRefused() {
        StringBuilder spec = new StringBuilder("Mon-Sun 01:00-02:00");
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (int i = 0; i < days.length; i++) {
            spec.append(", ").append(days[i]).append(String.format(" %02d:00-%02d:00", 3 + 2 * i, 4 + 2 * i));
        }
        spec.append(" UTC");
        assertThat(spec.length()).isLessThan(BusinessHours.MAX_LENGTH);
        assertThatThrownBy(() -> BusinessHours.of(spec.toString())).isInstanceOf(DomainException.class)
                .hasMessageContaining("as kept");
    }

    @Test
    void severalEntriesNightShiftsAndAlways() {
        BusinessHours shifts = BusinessHours.of("Mon-Fri 08:00-12:00, Mon-Fri 13:00-17:00, Sat 10:00-14:00 UTC");
        Instant monday = Instant.parse("2026-12-07T11:00:00Z");
        assertThat(shifts.plus(monday, Duration.ofHours(2))).as("over lunch").isEqualTo(Instant.parse("2026-12-07T14:00:00Z"));
        assertThat(shifts.plus(Instant.parse("2026-12-11T16:00:00Z"), Duration.ofHours(2))).as("Saturday morning")
                .isEqualTo(Instant.parse("2026-12-12T11:00:00Z"));
        assertThat(shifts.spec()).isEqualTo("Mon-Fri 08:00-12:00, Mon-Fri 13:00-17:00, Sat 10:00-14:00 UTC");

        BusinessHours night = BusinessHours.of("Mon-Fri 22:00-24:00, Tue-Sat 00:00-06:00 UTC");
        assertThat(night.plus(Instant.parse("2026-12-07T23:00:00Z"), Duration.ofHours(3)))
                .isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));

        assertThat(BusinessHours.of(" 24x7 ")).isSameAs(BusinessHours.ALWAYS);
        assertThat(BusinessHours.of(null).isAlways()).isTrue();
        assertThat(BusinessHours.ALWAYS.plus(monday, Duration.ofHours(30))).isEqualTo(monday.plus(Duration.ofHours(30)));
        assertThat(BusinessHours.of("Sat+Mon-Wed 09:00-17:00 UTC").spec()).as("runs in the week's order")
                .isEqualTo("Mon-Wed+Sat 09:00-17:00 UTC");
        assertThat(BusinessHours.of(office.spec())).isEqualTo(office);
    }

    @Test
    void whatCannotBeReadIsRefusedWithWhatToWrite() {
        for (String bad : new String[] {"Mon-Fri 09:00-17:00", "Mon-Fri 09:00-17:00 Mars/Olympus",
                "Mon-Fri 17:00-09:00 UTC", "Mon-Fri 9-17 UTC", "Xyz 09:00-17:00 UTC", "Mon 09:00-25:00 UTC",
                "Mon-Fri 09:00-12:00, Mon 11:00-13:00 UTC", "Mon 09:00-09:30 UTC", "x".repeat(201)}) {
            assertThatThrownBy(() -> BusinessHours.of(bad)).as(bad).isInstanceOf(DomainException.class)
                    .hasMessageContaining("Mon-Fri 09:00-17:00 Europe/Berlin")
                    .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_business_hours");
        }
    }
}
