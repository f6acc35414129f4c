package org.opsdesk.it.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opsdesk.application.AlertNotification;
import org.opsdesk.application.AlertNotification.Type;
import org.opsdesk.domain.DomainException;
import org.opsdesk.mail.inbound.parse.MailParser;
import org.opsdesk.mail.inbound.steps.MonitoringMailReader;
import org.opsdesk.web.rest.alert.AlertmanagerWebhook;
import org.opsdesk.web.rest.alert.GenericAlert;
import org.opsdesk.web.rest.alert.NagiosWebhook;

/**
 * The webhook parsers of {@code web} against every captured sample in {@code ../shared/formats}
 * (Alertmanager 0.25, Nagios 4.4.6 form and JSON): pure functions, no server. Skipped with a clear
 * message where the samples are absent.
 */
class WebhookSamplesTest {

    @Test
    void everyAlertmanagerBodyParsesAlertByAlertByItsOwnStatus() throws Exception {
        assumeTrue(Samples.present(), Samples::missing);
        List<Path> bodies = Samples.files("alertmanager", ".json");
        assertThat(bodies).hasSize(14);
        for (Path p : bodies) {
            JsonObject body = Samples.json(Samples.read(p));
            List<AlertNotification> ns = AlertmanagerWebhook.parse(body, "alertmanager");
            assertThat(ns).as(p.toString()).hasSize(body.getJsonArray("alerts").size());
            for (int i = 0; i < ns.size(); i++) {
                JsonObject a = body.getJsonArray("alerts").getJsonObject(i);
                AlertNotification n = ns.get(i);
                assertThat(n.key()).isEqualTo(a.getString("fingerprint"));
                assertThat(n.type()).isEqualTo(a.getString("status").equals("resolved") ? Type.RECOVERY : Type.PROBLEM);
                assertThat(n.host()).isEqualTo(a.getJsonObject("labels").getString("instance"));
                assertThat(n.service()).isEqualTo(a.getJsonObject("labels").getString("alertname"));
                assertThat(n.severity()).isEqualTo(a.getJsonObject("labels").getString("severity"));
                assertThat(n.summary()).isEqualTo(a.getJsonObject("annotations").getString("summary"));
                assertThat(n.details()).startsWith(a.getJsonObject("annotations").getString("description"));
                assertThat(n.labels()).containsEntry("job", a.getJsonObject("labels").getString("job"));
                assertThat(n.source()).isEqualTo("alertmanager");
            }
            // the raw request and the indented copy say the same
            String name = p.getFileName().toString();
            String stem = name.substring(0, name.indexOf('.'));
            assertThat(AlertmanagerWebhook.parse(Samples.json(Samples.httpBody(p.resolveSibling(stem + ".http"))),
                    "alertmanager")).isEqualTo(ns);
        }
    }

    @Test
    void alertmanagerSpecificsFiringResolvedMixedAndTheEscapedAmpersand() throws Exception {
        assumeTrue(Samples.present(), Samples::missing);
        AlertNotification firing = AlertmanagerWebhook.parse(Samples.json(Samples.read(
                Samples.FORMATS.resolve("alertmanager/01-firing-DiskSpaceLow-1alerts.json"))), "am").get(0);
        assertThat(firing.state()).isEqualTo("FIRING");
        assertThat(firing.host()).isEqualTo("web01.example.test:9100");
        assertThat(firing.runbookUrl()).isEqualTo("https://wiki.support.example.test/runbooks/disk-space-low");
        assertThat(firing.details()).contains("Started: 2026-11-22T02:02:20Z").contains("&g0.tab=1")
                .doesNotContain("Ended");
        assertThat(firing.since()).as("a firing alert says when it started").isEqualTo("2026-11-22T02:02:20Z");
        assertThat(firing.at()).as("not when it was notified: every repeat says the same").isNull();

        List<AlertNotification> mixed = AlertmanagerWebhook.parse(Samples.json(Samples.read(
                Samples.FORMATS.resolve("alertmanager/06-firing-DiskSpaceLow-2alerts.json"))), "am");
        assertThat(mixed).extracting(AlertNotification::type).containsExactly(Type.RECOVERY, Type.PROBLEM);
        assertThat(mixed).extracting(AlertNotification::key).containsExactly("c8dae724e99fd310", "9beab5e5b197795c");
        assertThat(mixed.get(0).state()).isEqualTo("RESOLVED");
        assertThat(mixed.get(0).details()).contains("Ended: 2026-11-22T02:04:22Z");
        assertThat(mixed.get(0).at()).as("a recovery happened when it ended").isEqualTo("2026-11-22T02:04:22Z");
        assertThat(mixed.get(1).since()).isEqualTo(Samples.json(Samples.read(Samples.FORMATS.resolve(
                "alertmanager/06-firing-DiskSpaceLow-2alerts.json"))).getJsonArray("alerts").getJsonObject(1)
                .getString("startsAt"));

        AlertNotification blackbox = AlertmanagerWebhook.parse(Samples.json(Samples.read(
                Samples.FORMATS.resolve("alertmanager/02-firing-InstanceDown-1alerts.json"))), "am").get(0);
        assertThat(blackbox.host()).isEqualTo("https://shop.example.test");
        assertThat(blackbox.summary()).isEqualTo("https://shop.example.test is down");
    }

    @Test
    void everyNagiosFormAndJsonNotificationParsesAndBothFormsAgree() throws Exception {
        assumeTrue(Samples.present(), Samples::missing);
        List<Path> forms = Samples.files("nagios/webhook-form", ".body");
        List<Path> jsons = Samples.files("nagios/webhook-json", ".body");
        assertThat(forms).hasSize(17);
        assertThat(jsons).hasSize(17);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            String name = forms.get(i).getFileName().toString();
            assertThat(jsons.get(i).getFileName().toString()).isEqualTo(name);
            String[] parts = name.substring(0, name.length() - ".body".length()).split("-");
            Type expectedType = Type.valueOf(parts[1]);
            String expectedState = parts[parts.length - 1];
            boolean hostAlert = parts[2].equals("host");
            String expectedService = hostAlert ? null : switch (parts[2]) {
                case "Disk" -> "Disk /var";
                default -> parts[2];
            };
            AlertNotification form = NagiosWebhook.fromForm(Samples.form(Samples.read(forms.get(i))), "nagios");
            AlertNotification json = NagiosWebhook.fromJson(Samples.json(Samples.read(jsons.get(i))), "nagios");
            assertThat(NagiosWebhook.fromForm(Samples.form(Samples.httpBody(forms.get(i).resolveSibling(
                    name.replace(".body", ".http")))), "nagios")).isEqualTo(form);
            assertThat(NagiosWebhook.fromJson(Samples.json(Samples.httpBody(jsons.get(i).resolveSibling(
                    name.replace(".body", ".http")))), "nagios")).isEqualTo(json);
            for (AlertNotification n : List.of(form, json)) {
                assertThat(n.type()).as(name).isEqualTo(expectedType);
                assertThat(n.state()).as(name).isEqualTo(expectedState);
                assertThat(n.host()).isEqualTo("localhost");
                assertThat(n.address()).isEqualTo("127.0.0.1");
                assertThat(n.service()).as(name).isEqualTo(expectedService);
                assertThat(n.key()).isNull();
                assertThat(n.details()).as(name).isNotBlank();
                assertThat(n.at()).as(name).isEqualTo(java.time.Instant.ofEpochSecond(Long.parseLong(
                        Samples.form(Samples.read(forms.get(i))).get("TIMET"))));
            }
            assertThat(json).usingRecursiveComparison().ignoringFields("labels").isEqualTo(form);
            seen.add(expectedType + " " + (hostAlert ? "host" : expectedService) + " " + expectedState);
        }
        assertThat(seen).contains("ACKNOWLEDGEMENT Disk /var CRITICAL", "PROBLEM host DOWN", "RECOVERY host UP",
                "FLAPPINGSTART HTTP OK", "DOWNTIMEEND Load OK", "CUSTOM Load WARNING");
    }

    /**
     * "Treated exactly like the webhook": each of Nagios's 17 stock mails reads as the same event as the webhook's
     * notification of it (the two were captured from one run): host, address, service, type, state, and no summary of
     * its own (so the ticket's subject is made the same way). Not the acknowledgement's author: Nagios's stock mail
     * command does not write it ($NOTIFICATIONAUTHOR$ is in the webhook's fields only).
     */
    @Test
    void everyNagiosMailReadsAsTheSameEventAsItsWebhookNotification() throws Exception {
        assumeTrue(Samples.present(), Samples::missing);
        List<Path> mails = Samples.files("nagios/mail", ".eml");
        List<Path> forms = Samples.files("nagios/webhook-form", ".body");
        assertThat(mails).hasSize(forms.size());
        MonitoringMailReader reader = new MonitoringMailReader();
        MailParser parser = new MailParser();
        for (int i = 0; i < mails.size(); i++) {
            String name = mails.get(i).getFileName().toString();
            assertThat(name).startsWith(forms.get(i).getFileName().toString().substring(0, 3));
            AlertNotification mail = reader.read(parser.parse(java.nio.file.Files.readAllBytes(mails.get(i))), "nagios")
                    .orElseThrow(() -> new AssertionError(name + " was not read as a notification"));
            AlertNotification hook = NagiosWebhook.fromForm(Samples.form(Samples.read(forms.get(i))), "nagios");
            assertThat(mail).as(name).usingRecursiveComparison()
                    .comparingOnlyFields("host", "address", "service", "type", "state", "summary", "at")
                    .isEqualTo(hook);
            assertThat(mail.at()).as(name + ": read from its Date/Time").isNotNull();
        }
    }

    @Test
    void nagiosAcknowledgementsCarryAuthorAndCommentAndServiceAlertsTheirNotesUrl() {
        assumeTrue(Samples.present(), Samples::missing);
        AlertNotification ack = NagiosWebhook.fromForm(Samples.form(Samples.read(
                Samples.FORMATS.resolve("nagios/webhook-form/03-ACKNOWLEDGEMENT-Disk-var-CRITICAL.body"))), "nagios");
        assertThat(ack.author()).isEqualTo("ops-oncall");
        assertThat(ack.comment()).isEqualTo("Ticket opened, cleaning up /var/log");
        assertThat(ack.runbookUrl()).isEqualTo("https://wiki.support.example.test/runbooks/disk-full");
        assertThat(ack.details()).isEqualTo("CRITICAL: DISK CRITICAL - free space: /var 97 MiB (1% inode=88%):");
        AlertNotification down = NagiosWebhook.fromJson(Samples.json(Samples.read(
                Samples.FORMATS.resolve("nagios/webhook-json/10-PROBLEM-host-DOWN.body"))), "nagios");
        assertThat(down.service()).isNull();
        assertThat(down.details()).isEqualTo("CRITICAL: PING CRITICAL - Packet loss = 100%");
        assertThat(down.author()).isNull();
    }

    @Test
    void nagiosVariantsAndRefusals() {
        assertThat(NagiosWebhook.fromForm(Map.of("NAGIOS_NOTIFICATIONTYPE", "DOWNTIMECANCELLED",
                "NAGIOS_HOSTNAME", "db01", "NAGIOS_HOSTSTATE", "UP"), "n").type()).isEqualTo(Type.DOWNTIMEEND);
        assertThatThrownBy(() -> NagiosWebhook.fromForm(Map.of("HOSTNAME", "db01"), "n"))
                .isInstanceOf(DomainException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> NagiosWebhook.fromForm(Map.of("NOTIFICATIONTYPE", "PROBLEM"), "n"))
                .isInstanceOf(DomainException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> NagiosWebhook.fromForm(Map.of("NOTIFICATIONTYPE", "EXPLODED", "HOSTNAME", "x"), "n"))
                .isInstanceOf(DomainException.class).hasMessageContaining("EXPLODED");
    }

    @Test
    void theGenericFormDerivesTheTypeFromTheStateAndAcceptsOneOrMany() {
        List<AlertNotification> one = GenericAlert.parse(Json.createObjectBuilder().add("source", "zabbix")
                .add("key", "trigger-4711").add("host", "db01").add("service", "Replication lag")
                .add("state", "CRITICAL").add("summary", "db01: replication lag 300 s").add("details", "lag 300 s")
                .add("runbook_url", "https://wiki/x").add("labels", Json.createObjectBuilder().add("env", "prod"))
                .build(), null);
        assertThat(one).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo(Type.PROBLEM);
            assertThat(n.source()).isEqualTo("zabbix");
            assertThat(n.key()).isEqualTo("trigger-4711");
            assertThat(n.runbookUrl()).isEqualTo("https://wiki/x");
            assertThat(n.labels()).containsEntry("env", "prod");
        });
        List<AlertNotification> many = GenericAlert.parse(Json.createObjectBuilder().add("alerts",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("host", "a").add("state", "ok"))
                        .add(Json.createObjectBuilder().add("host", "b").add("type", "ACKNOWLEDGEMENT")
                                .add("author", "kim"))).build(), "scripts");
        assertThat(many).extracting(AlertNotification::type).containsExactly(Type.RECOVERY, Type.ACKNOWLEDGEMENT);
        assertThat(many).extracting(AlertNotification::source).containsOnly("scripts");
        assertThatThrownBy(() -> GenericAlert.parse(Json.createObjectBuilder().add("host", "a").build(), "s"))
                .isInstanceOf(DomainException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> GenericAlert.parse(Json.createObjectBuilder().add("source", "other")
                .add("state", "OK").build(), "s")).isInstanceOf(DomainException.class);
    }

    @Test
    void theGenericFormTakesItsTimeInSecondsMillisecondsOrIso8601AndRefusesAnythingElseByName() {
        java.time.Instant t = java.time.Instant.parse("2026-11-22T02:04:52Z");
        assertThat(generic("at", "2026-11-22T02:04:52Z").at()).isEqualTo(t);
        assertThat(generic("at", "2026-11-22T03:04:52+01:00").at()).isEqualTo(t);
        assertThat(generic("timestamp", "1795313092").at()).isEqualTo(t);
        assertThat(generic("timestamp", "1795313092000").at()).as("milliseconds").isEqualTo(t);
        assertThat(generic("timestamp", "1795313092000000").at()).as("microseconds").isEqualTo(t);
        assertThat(generic("timestamp", "1795313092000000000").at()).as("nanoseconds").isEqualTo(t);
        assertThat(generic("timestamp", "1795313092.25").at()).isEqualTo(t.plusMillis(250));
        assertThat(generic("timestamp", "0").at()).as("zero: no time").isNull();
        assertThat(GenericAlert.parse(Json.createObjectBuilder().add("host", "a").add("state", "OK")
                .add("timestamp", 1795313092L).build(), "s").get(0).at()).isEqualTo(t);
        assertThat(GenericAlert.parse(Json.createObjectBuilder().add("host", "a").add("state", "OK").build(), "s")
                .get(0).at()).as("no time: arrival order decides").isNull();
        assertThat(generic("at", "0001-01-01T00:00:00Z").at()).as("Alertmanager's no time").isNull();
        for (String bad : List.of("yesterday", "2026-11-22 02:04:52", "2026-11-22T02:04:52", "-5")) {
            assertThatThrownBy(() -> generic("at", bad)).as(bad).isInstanceOf(DomainException.class)
                    .hasMessageContaining("\"at\" is not a time").hasMessageContaining("ISO 8601");
        }
        assertThatThrownBy(() -> NagiosWebhook.fromForm(Map.of("NOTIFICATIONTYPE", "PROBLEM", "HOSTNAME", "x",
                "TIMET", "soon"), "n")).isInstanceOf(DomainException.class).hasMessageContaining("TIMET");
    }

    private static AlertNotification generic(String field, String value) {
        return GenericAlert.parse(Json.createObjectBuilder().add("host", "a").add("state", "CRITICAL")
                .add(field, value).build(), "s").get(0);
    }
}
