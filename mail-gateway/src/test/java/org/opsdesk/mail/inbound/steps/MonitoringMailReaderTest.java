package org.opsdesk.mail.inbound.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
        // skipped only where the samples are missing altogether; a sample missing from them is a failure
        assumeTrue(Files.isDirectory(FORMATS), "../shared/formats not present: sample mail tests skipped");
        org.assertj.core.api.Assertions.assertThat(p).as("sample mail").isRegularFile();
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
        assertThat(problem.summary()).as("no summary of its own: the subject is made as for the webhook").isNull();
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
    void whenItHappenedIsReadFromTheBodyElseFromTheDateHeader() throws Exception {
        assumeTrue(Files.isDirectory(FORMATS), "../shared/formats not present: sample mail tests skipped");
        String nagios = Files.readString(FORMATS.resolve(
                "nagios/mail/01-PROBLEM-Service-Alert-localhost-Disk-var-is-CRITICAL.eml"));
        String icinga = Files.readString(FORMATS.resolve("icinga2/01-PROBLEM-Disk-var-on-web01-is-CRITICAL.eml"));
        // a mail sent (or resent) an hour later: the body says when the problem was notified
        String laterNagios = nagios.replace("Date: Sun, 22 Nov 2026 02:04:52", "Date: Sun, 22 Nov 2026 03:04:52");
        String laterIcinga = icinga.replace("Date: Sun, 22 Nov 2026 02:07:44", "Date: Sun, 22 Nov 2026 03:07:44");
        assertThat(laterNagios).isNotEqualTo(nagios);
        assertThat(laterIcinga).isNotEqualTo(icinga);
        assertThat(readRaw(laterNagios, "nagios").at()).isEqualTo("2026-11-22T02:04:52Z");
        assertThat(readRaw(laterIcinga, "icinga").at()).isEqualTo("2026-11-22T02:07:44Z");
        // a zone's abbreviation is ambiguous (Java reads BST as Bougainville's, +11): the Date header, with its offset
        for (String zone : List.of("CET", "BST", "IST")) {
            assertThat(readRaw(laterNagios.replace("Date/Time: Sun Nov 22 02:04:52 UTC 2026",
                    "Date/Time: Sun Nov 22 03:04:52 " + zone + " 2026"), "nagios").at()).as(zone)
                    .isEqualTo("2026-11-22T03:04:52Z");
        }
        assertThat(readRaw(laterNagios.replace("Date/Time: Sun Nov 22 02:04:52 UTC 2026",
                "Date/Time: Sun Nov 22 02:04:52 GMT 2026"), "nagios").at()).isEqualTo("2026-11-22T02:04:52Z");
        // a date format of its own: the Date header, written at the same moment
        assertThat(readRaw(laterNagios.replace("Date/Time: Sun Nov 22 02:04:52 UTC 2026", "Date/Time: 22.11.2026"),
                "nagios").at()).isEqualTo("2026-11-22T03:04:52Z");
        assertThat(readRaw(laterIcinga.replaceAll("When: +2026-11-22 02:07:44 \\+0000", "When: soon"), "icinga").at())
                .isEqualTo("2026-11-22T03:07:44Z");
    }

    private AlertNotification readRaw(String mail, String source) throws Exception {
        return reader.read(parser.parse(mail.getBytes(java.nio.charset.StandardCharsets.UTF_8)), source).orElseThrow();
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
        assertThat(problem.address()).as("the IPv4 field (its digits kept it from being read)").isEqualTo("127.0.0.1");
    }

    @Test
    void anIcingaServiceNamedLikeAHostAlertIsAServiceAlert() throws Exception {
        // "[PROBLEM] Host certificate on web01 is CRITICAL!" matched the subject's host form: keyed as the host's
        // own alert, the host's UP resolved the certificate's ticket while the certificate was still CRITICAL
        assumeTrue(Files.isDirectory(FORMATS), "../shared/formats not present: sample mail tests skipped");
        String sample = Files.readString(FORMATS.resolve("icinga2/01-PROBLEM-Disk-var-on-web01-is-CRITICAL.eml"));
        byte[] raw = sample.replace("Disk /var on web01 is CRITICAL!", "Host certificate on web01 is CRITICAL!")
                .replace("Service: disk-var", "Service: Host certificate").getBytes(StandardCharsets.UTF_8);

        AlertNotification n = reader.read(parser.parse(raw), "icinga").orElseThrow();

        assertThat(n.service()).isEqualTo("Host certificate");
        assertThat(n.host()).isEqualTo("web01.example.test");
        String hostDown = Files.readString(FORMATS.resolve("icinga2/04-PROBLEM-Host-web01-is-DOWN.eml"));
        byte[] withAServiceLine = hostDown.replace("Host:    web01.example.test",
                "Host:    web01.example.test\nService: nginx restarting").getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(parser.parse(withAServiceLine), "icinga").orElseThrow().service())
                .as("a host's mail (its banner says so), whatever its lines say").isNull();
    }

    @Test
    void icingasOwnNamesForTheEndOfFlappingAndOfADowntimeAreRead() throws Exception {
        // Icinga writes FlappingEnd as FLAPPINGEND and DowntimeRemoved as DOWNTIMECANCELLED: such a mail was no
        // monitoring mail, and became a customer's ticket with an autoreply to nagios@vm
        assumeTrue(Files.isDirectory(FORMATS), "../shared/formats not present: sample mail tests skipped");
        String recovery = Files.readString(FORMATS.resolve("icinga2/03-RECOVERY-Disk-var-on-web01-is-OK.eml"));
        for (String[] variant : new String[][] {{"FLAPPINGEND", "FLAPPINGSTOP"}, {"DOWNTIMECANCELLED", "DOWNTIMEEND"},
                {"DOWNTIMEREMOVED", "DOWNTIMEEND"}}) {
            byte[] raw = recovery.replace("[RECOVERY]", "[" + variant[0] + "]").getBytes(StandardCharsets.UTF_8);
            AlertNotification n = reader.read(parser.parse(raw), "icinga").orElseThrow(
                    () -> new AssertionError(variant[0] + " was not read as a monitoring notification"));
            assertThat(n.type()).as(variant[0]).isEqualTo(Type.valueOf(variant[1]));
            assertThat(n.state()).isEqualTo("OK");
        }
    }

    /**
     * Every stock mail of ../shared/formats (17 from Nagios, 5 from Icinga): its type and state are those its file is
     * named after, it names the host, and it names a service exactly when it is a service alert.
     */
    @Test
    void everySampleMailReadsAsTheEventItsFileIsNamedAfter() throws Exception {
        assumeTrue(Files.isDirectory(FORMATS), "../shared/formats not present: sample mail tests skipped");
        List<Path> mails;
        try (Stream<Path> files = Stream.concat(Files.list(FORMATS.resolve("nagios/mail")),
                Files.list(FORMATS.resolve("icinga2")))) {
            mails = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(mails).hasSize(22);
        Pattern name = Pattern.compile("\\d+-([A-Z]+)-(.*)-is-([A-Z]+)\\.eml");
        for (Path mail : mails) {
            Matcher m = name.matcher(mail.getFileName().toString());
            assertThat(m.matches()).as(mail.toString()).isTrue();
            AlertNotification n = reader.read(parser.parse(Files.readAllBytes(mail)), "nagios").orElseThrow(
                    () -> new AssertionError(mail + " was not read as a monitoring notification"));
            boolean hostAlert = m.group(2).startsWith("Host-");
            assertThat(n.type()).as(mail.toString()).isEqualTo(Type.valueOf(m.group(1)));
            assertThat(n.state()).as(mail.toString()).isEqualTo(m.group(3));
            assertThat(n.host()).as(mail.toString()).isNotBlank();
            assertThat(n.service() == null).as(mail + ": a service exactly for service alerts").isEqualTo(hostAlert);
            assertThat(n.details()).as(mail.toString()).isNotBlank();
        }
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
