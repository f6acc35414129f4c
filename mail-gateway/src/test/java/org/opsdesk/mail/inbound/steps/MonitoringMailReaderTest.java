package org.opsdesk.mail.inbound.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opsdesk.application.AlertNotification;
import org.opsdesk.application.AlertNotification.Type;
import org.opsdesk.mail.inbound.parse.MailParser;

/** The stock Nagios 4.4.6 and Icinga 2.13 notification mails of ../shared/formats, and ordinary mail. */
class MonitoringMailReaderTest {

    private static final Path FORMATS = Path.of(System.getProperty("opsdesk.formats.dir", "../../shared/formats"));

    private final MonitoringMailReader reader = new MonitoringMailReader();
    private final MailParser parser = new MailParser();

    private AlertNotification read(String file) throws Exception {
        Path p = FORMATS.resolve(file);
        assumeTrue(Files.isRegularFile(p), "../shared/formats not present: sample mail tests skipped");
        return reader.read(parser.parse(Files.readAllBytes(p)), "nagios").orElseThrow();
    }

    @Test
    void nagiosServiceProblemAckAndRecovery() throws Exception {
        AlertNotification problem = read("nagios/mail/01-PROBLEM-Service-Alert-localhost-Disk-var-is-CRITICAL.eml");
        assertThat(problem.type()).isEqualTo(Type.PROBLEM);
        assertThat(problem.host()).isEqualTo("localhost");
        assertThat(problem.service()).isEqualTo("Disk /var");
        assertThat(problem.state()).isEqualTo("CRITICAL");
        assertThat(problem.address()).isEqualTo("127.0.0.1");
        assertThat(problem.details()).contains("DISK CRITICAL");
        assertThat(problem.summary()).isEqualTo("localhost: Disk /var is CRITICAL");
        assertThat(read("nagios/mail/03-ACKNOWLEDGEMENT-Service-Alert-localhost-Disk-var-is-CRITICAL.eml").type())
                .isEqualTo(Type.ACKNOWLEDGEMENT);
        AlertNotification ok = read("nagios/mail/04-RECOVERY-Service-Alert-localhost-Disk-var-is-OK.eml");
        assertThat(ok.type()).isEqualTo(Type.RECOVERY);
        assertThat(ok.state()).isEqualTo("OK");
    }

    @Test
    void nagiosHostAlertsAndNonRecoveriesThatSayOk() throws Exception {
        AlertNotification down = read("nagios/mail/10-PROBLEM-Host-Alert-localhost-is-DOWN.eml");
        assertThat(down.service()).isNull();
        assertThat(down.state()).isEqualTo("DOWN");
        assertThat(down.details()).contains("Packet loss");
        assertThat(read("nagios/mail/16-FLAPPINGSTART-Service-Alert-localhost-HTTP-is-OK.eml").type())
                .isEqualTo(Type.FLAPPINGSTART);
        assertThat(read("nagios/mail/08-DOWNTIMESTART-Service-Alert-localhost-Load-is-OK.eml").type())
                .isEqualTo(Type.DOWNTIMESTART);
    }

    @Test
    void icingaServiceAndHostMails() throws Exception {
        AlertNotification problem = read("icinga2/01-PROBLEM-Disk-var-on-web01-is-CRITICAL.eml");
        assertThat(problem.type()).isEqualTo(Type.PROBLEM);
        assertThat(problem.host()).isEqualTo("web01.example.test");
        assertThat(problem.service()).isEqualTo("disk-var");
        assertThat(problem.state()).isEqualTo("CRITICAL");
        assertThat(problem.details()).contains("DISK CRITICAL");
        AlertNotification ack = read("icinga2/02-ACKNOWLEDGEMENT-Disk-var-on-web01-is-CRITICAL.eml");
        assertThat(ack.author()).isEqualTo("ops-oncall");
        assertThat(ack.comment()).contains("cleaning up /var/log");
        AlertNotification down = read("icinga2/04-PROBLEM-Host-web01-is-DOWN.eml");
        assertThat(down.service()).isNull();
        assertThat(down.state()).isEqualTo("DOWN");
        assertThat(read("icinga2/05-RECOVERY-Host-web01-is-UP.eml").type()).isEqualTo(Type.RECOVERY);
    }

    @Test
    void ordinaryMailIsNoMonitoringMail() throws Exception {
        byte[] raw = ("From: a@example.com\r\nSubject: [PROBLEM] my printer is BROKEN!\r\n\r\nIt jams.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Optional<AlertNotification> n = reader.read(parser.parse(raw), "nagios");
        assertThat(n).isEmpty();
        byte[] other = "From: a@example.com\r\nSubject: Disk full\r\n\r\nHost: db01\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(reader.read(parser.parse(other), "nagios")).isEmpty();
    }
}
