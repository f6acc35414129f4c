package org.opsdesk.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class FormatTest {

    private final Format fmt = new Format();

    FormatTest() {
        fmt.zone = new ViewerZone() {
            @Override
            public ZoneId get() {
                return ZoneId.of("Europe/Berlin");
            }
        };
    }

    @Test
    void aHistoryLineSaysWhatChangedInTheAgentsWords() {
        assertThat(fmt.change("created", null, "Disk full")).as("a creation names the subject").isEqualTo("Disk full");
        assertThat(fmt.change("status", "new", "open")).isEqualTo("New → Open");
        assertThat(fmt.change("owner", "alice", null)).as("released").isEqualTo("alice → –");
        assertThat(fmt.change("host_unlinked", "web01", null)).isEqualTo("web01");
        assertThat(fmt.change("link_removed", "#12", null)).isEqualTo("#12");
        assertThat(fmt.change("due", null, "2020-01-01T09:00:00Z")).as("in the agent's zone")
                .isEqualTo("2020-01-01 10:00");
        assertThat(fmt.change("due", "2020-01-01T09:00:00Z", "later")).isEqualTo("2020-01-01 10:00 → later");
        assertThat(fmt.change("queue", null, null)).isEmpty();
        assertThat(fmt.change("time_worked", "45", "75")).as("what was logged, then the total")
                .isEqualTo("+30 min (1 h 15 min in all)");
        assertThat(fmt.change("time_worked", "75", "60")).as("a correction").isEqualTo("−15 min (1 h in all)");
    }

    @Test
    void minutesReadAsHoursAndMinutes() {
        assertThat(fmt.minutes(0)).isEqualTo("0 min");
        assertThat(fmt.minutes(45)).isEqualTo("45 min");
        assertThat(fmt.minutes(120)).isEqualTo("2 h");
        assertThat(fmt.minutes(26 * 60 + 5)).isEqualTo("26 h 5 min");
        assertThat(fmt.minutes(-75)).isEqualTo("−1 h 15 min");
    }
}
