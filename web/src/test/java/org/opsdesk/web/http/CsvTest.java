package org.opsdesk.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesWhatWouldSplitAFieldAndDisarmsFormulasButNotNumbers() {
        String csv = new Csv().row(List.of("ticket", "subject", "minutes"))
                .row(List.of(12, "Disk full, db01", -15))
                .row(List.of(13, "He said \"reboot\"\nthen left", 30))
                .row(List.of(14, "=HYPERLINK(\"http://evil.example\")", 5))
                .row(Arrays.asList(15, null, 0))
                .row(List.of("-1+2", "@sum", "plain"))
                .toString();
        assertThat(csv).isEqualTo("ticket,subject,minutes\r\n"
                + "12,\"Disk full, db01\",-15\r\n"
                + "13,\"He said \"\"reboot\"\"\nthen left\",30\r\n"
                + "14,\"'=HYPERLINK(\"\"http://evil.example\"\")\",5\r\n"
                + "15,,0\r\n"
                + "'-1+2,'@sum,plain\r\n");
    }
}
