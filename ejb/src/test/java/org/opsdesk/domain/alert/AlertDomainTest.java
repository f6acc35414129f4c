package org.opsdesk.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.ticket.Priority;

class AlertDomainTest {

    private final Instant t0 = Instant.parse("2026-11-22T02:04:52Z");
    private final Queue ops = new Queue("ops", null, EmailAddress.of("ops@example.com"), null, t0);

    @Test
    void alertmanagerKeyIsTheFingerprintElseNameAndSortedLabels() {
        assertThat(AlertKey.alertmanager("c8dae724e99fd310", Map.of("alertname", "X")).value())
                .isEqualTo("c8dae724e99fd310");
        Map<String, String> a = new LinkedHashMap<>();
        a.put("severity", "critical");
        a.put("instance", "web01:9100");
        a.put("alertname", "DiskSpaceLow");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("alertname", "DiskSpaceLow");
        b.put("instance", "web01:9100");
        b.put("severity", "critical");
        assertThat(AlertKey.alertmanager(null, a)).isEqualTo(AlertKey.alertmanager("", b));
        assertThat(AlertKey.alertmanager(null, a).value())
                .isEqualTo("DiskSpaceLow{instance=\"web01:9100\",severity=\"critical\"}");
        assertThatThrownBy(() -> AlertKey.alertmanager(null, Map.of())).isInstanceOf(DomainException.class);
    }

    @Test
    void nagiosKeyIsHostAndServiceOrTheHostAlone() {
        assertThat(AlertKey.hostService("LocalHost", "Disk /var").value()).isEqualTo("localhost/Disk /var");
        assertThat(AlertKey.hostService("localhost", null).value()).isEqualTo("localhost");
        assertThat(AlertKey.hostService("localhost", " ")).isEqualTo(AlertKey.of("localhost"));
        assertThatThrownBy(() -> AlertKey.hostService(" ", "Load")).isInstanceOf(DomainException.class);
    }

    @Test
    void longKeysAreKeptAsTheirHash() {
        AlertKey k = AlertKey.of("x".repeat(AlertKey.MAX + 1));
        assertThat(k.value()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(AlertKey.of("x".repeat(AlertKey.MAX + 1))).isEqualTo(k);
    }

    @Test
    void onlyAProblemOpensAndOnlyARecoveryRecovers() {
        assertThat(AlertEventType.PROBLEM.opens()).isTrue();
        assertThat(AlertEventType.FLAPPINGSTART.isInformational()).isTrue();
        assertThat(AlertEventType.DOWNTIMEEND.recovers()).isFalse();
    }

    @Test
    void okUpAndResolvedAreRecoveries() {
        assertThat(AlertState.of("ok").isRecovered()).isTrue();
        assertThat(AlertState.of("UP").isRecovered()).isTrue();
        assertThat(AlertState.of("resolved").isRecovered()).isTrue();
        assertThat(AlertState.of("CRITICAL").isRecovered()).isFalse();
        assertThat(AlertState.of(null).code()).isEqualTo("UNKNOWN");
    }

    @Test
    void priorityComesFromTheSourcesMapThenTheDefaults() {
        AlertSource s = new AlertSource("Nagios", ops, t0);
        assertThat(s.name()).isEqualTo("nagios");
        assertThat(s.requesterAddress().value()).isEqualTo("nagios@monitoring.invalid");
        assertThat(s.priorityFor(null, "CRITICAL")).isEqualTo(Priority.HIGH);
        assertThat(s.priorityFor(null, "WARNING")).isEqualTo(Priority.NORMAL);
        assertThat(s.priorityFor("info", "FIRING")).isEqualTo(Priority.LOW);
        assertThat(s.priorityFor(null, "WEIRD")).isEqualTo(Priority.NORMAL);
        s.mapPriorities(Map.of("Critical", "urgent", "down", "urgent"));
        assertThat(s.priorityFor("critical", "FIRING")).isEqualTo(Priority.URGENT);
        assertThat(s.priorityFor(null, "DOWN")).isEqualTo(Priority.URGENT);
        assertThat(s.priorityFor(null, "WARNING")).isEqualTo(Priority.NORMAL);
        assertThatThrownBy(() -> s.mapPriorities(Map.of("critical", "asap"))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new AlertSource("no spaces please", ops, t0)).isInstanceOf(DomainException.class);
    }

    @Test
    void monitoringMailCountsFromTheNamedSendersOnly() {
        AlertSource s = new AlertSource("nagios", ops, t0);
        assertThat(s.acceptsMailFrom("anyone@anywhere.example")).as("none named: anyone").isTrue();
        s.allowMailFrom(List.of(" Nagios@Mon.example ", "@icinga.example", ""));
        assertThat(s.mailSenders()).containsExactly("@icinga.example", "nagios@mon.example");
        assertThat(s.acceptsMailFrom("NAGIOS@mon.example")).isTrue();
        assertThat(s.acceptsMailFrom("icinga2@icinga.example")).isTrue();
        assertThat(s.acceptsMailFrom("x@evil-icinga.example")).as("a domain, not a suffix").isFalse();
        assertThat(s.acceptsMailFrom("x@sub.icinga.example")).isFalse();
        assertThat(s.acceptsMailFrom("mallory@evil.example")).isFalse();
        assertThat(s.acceptsMailFrom(null)).isFalse();
        assertThatThrownBy(() -> s.allowMailFrom(List.of("no address"))).isInstanceOf(DomainException.class);
        s.allowMailFrom(List.of());
        assertThat(s.acceptsMailFrom("anyone@anywhere.example")).isTrue();
    }

    @Test
    void theSecretIsComparedByItsHash() {
        AlertSource s = new AlertSource("scripts", ops, t0);
        assertThat(s.acceptsSecret("abc")).isFalse();
        s.protectWith("a".repeat(64));
        assertThat(s.acceptsSecret("a".repeat(64))).isTrue();
        assertThat(s.acceptsSecret("b".repeat(64))).isFalse();
        assertThat(s.acceptsSecret(null)).isFalse();
        s.protectWith(null);
        assertThat(s.hasSecret()).isFalse();
    }

    @Test
    void anOpenAlertCountsRepeatsReportsStateChangesAndFreesItsKeyWhenClosed() throws Exception {
        AlertSource s = withId(new AlertSource("nagios", ops, t0), 7L);
        AlertKey key = AlertKey.hostService("localhost", "Load");
        Alert a = new Alert(s, key, null, "Load", AlertState.of("WARNING"), null, null, t0);
        assertThat(a.isOpen()).isTrue();
        assertThat(Alert.openKeyOf(s, key)).isEqualTo("7:localhost/Load");
        assertThat(a.notified(AlertState.of("WARNING"), null, null, t0, null)).isNull();
        assertThat(a.notified(AlertState.of("WARNING"), null, null, t0.plusSeconds(15), null)).isNull();
        assertThat(a.notified(AlertState.of("CRITICAL"), null, null, t0.plusSeconds(30), null))
                .isEqualTo(AlertState.of("WARNING"));
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.state().code()).isEqualTo("CRITICAL");
        assertThat(a.lastSeen()).isEqualTo(t0.plusSeconds(30));
        a.close(AlertState.of("OK"), t0.plusSeconds(60), null);
        assertThat(a.isOpen()).isFalse();
        assertThat(a.closedAt()).isEqualTo(t0.plusSeconds(60));
        assertThatThrownBy(() -> a.notified(AlertState.of("CRITICAL"), null, null, t0, null))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aProblemReportedBeforeTheLatestOneIsCountedButChangesNothingAndTellsARecoveryOfThatTimeIsStale()
            throws Exception {
        AlertSource s = withId(new AlertSource("nagios", ops, t0), 7L);
        Alert a = new Alert(s, AlertKey.hostService("web01", "Disk /var"), null, "Disk /var",
                AlertState.of("CRITICAL"), null, null, t0);
        Instant critical = Instant.parse("2026-11-22T02:10:00Z");
        assertThat(a.notified(AlertState.of("CRITICAL"), "critical", "full", t0, critical)).isNull();
        assertThat(a.problemAt()).isEqualTo(critical);
        // a WARNING sent a minute before, arriving after: counted, but the state stays what the latest report said
        assertThat(a.notified(AlertState.of("WARNING"), "warning", "almost full", t0.plusSeconds(5),
                critical.minusSeconds(60))).isNull();
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.state().code()).isEqualTo("CRITICAL");
        assertThat(a.severity()).isEqualTo("critical");
        assertThat(a.summary()).isEqualTo("full");
        assertThat(a.problemAt()).isEqualTo(critical);
        // a recovery reported before the latest problem ended an earlier episode; at or after it, this one
        assertThat(a.isLaterThan(critical.minusSeconds(1))).isTrue();
        assertThat(a.isLaterThan(critical)).isFalse();
        assertThat(a.isLaterThan(critical.plusSeconds(1))).isFalse();
        assertThat(a.isLaterThan(null)).as("no time: arrival order decides").isFalse();
        // a notification without a time changes the state and keeps the time last reported
        assertThat(a.notified(AlertState.of("WARNING"), null, null, t0.plusSeconds(9), null))
                .isEqualTo(AlertState.of("CRITICAL"));
        assertThat(a.problemAt()).isEqualTo(critical);
        a.close(AlertState.of("OK"), t0.plusSeconds(20), critical.plusSeconds(120));
        assertThat(a.recoveredAt()).isEqualTo(critical.plusSeconds(120));
        assertThat(a.closedAt()).isEqualTo(t0.plusSeconds(20));
    }

    @Test
    void anAlertWhoseSourceNeverGaveATimeKnowsNoneAndNothingIsLaterThanIt() throws Exception {
        AlertSource s = withId(new AlertSource("scripts", ops, t0), 8L);
        Alert a = new Alert(s, AlertKey.of("backup"), null, null, AlertState.of("CRITICAL"), null, null, t0);
        a.notified(AlertState.of("CRITICAL"), null, null, t0, null);
        assertThat(a.problemAt()).isNull();
        assertThat(a.isLaterThan(Instant.EPOCH)).isFalse();
    }

    @Test
    void aSeriesKnowsAProblemNotifiedBeforeTheLatestReportedEndIsOver() throws Exception {
        AlertSeries series = new AlertSeries(withId(new AlertSource("nagios", ops, t0), 9L),
                AlertKey.hostService("web01", "Load"));
        assertThat(series.isOver(t0)).as("no end reported yet").isFalse();
        series.recoveryReported(null);
        assertThat(series.lastRecoveryAt()).isNull();
        series.recoveryReported(t0.plusSeconds(60));
        series.recoveryReported(t0.plusSeconds(30)); // a late one moves nothing back
        assertThat(series.lastRecoveryAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(series.isOver(t0.plusSeconds(59))).isTrue();
        assertThat(series.isOver(t0.plusSeconds(60))).as("the same second: arrival order decides").isFalse();
        assertThat(series.isOver(t0.plusSeconds(61))).isFalse();
        assertThat(series.isOver(null)).isFalse();
    }

    private static <T> T withId(T entity, long id) throws Exception {
        Field f = entity.getClass().getDeclaredField("id");
        f.setAccessible(true);
        f.set(entity, id);
        return entity;
    }
}
