package org.opsdesk.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;

/**
 * Benchmark (profile {@code bench}), the closing note of the alerts issue: an alert storm of 1,000
 * distinct alerts and then their 1,000 recoveries through the Alertmanager webhook ({@code POST
 * /api/alerts/alertmanager}, a version 4 body per alert as Alertmanager sends it with {@code
 * group_by: ['...']}; until session 11, through the generic {@code POST /api/alerts}), 4 concurrent
 * senders. A request counts once its answer (after commit) arrived. Prints
 * {@code bench alert-storm ...} lines: alerts per second, p50/p95 latency, tickets left open (must be 0).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlertStormBench {

    static final int ALERTS = 1000;
    static final int SENDERS = 4;
    /** Alerts of one untimed warm-up storm (then their recoveries), on a source and hosts of its own. */
    static final int WARMUP_ALERTS = 300;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api admin = Api.admin();

    @Test
    void stormOfDistinctAlertsThenTheirRecoveries() throws Exception {
        String queue = Fixtures.queue();
        String source = Fixtures.unique("storm");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue)
                .add("resolveOnRecovery", true).build()).expect(201);
        // warm-up outside the figures, until the server's JIT settled (see ServerJit): small storms and their
        // recoveries on a source and queue of their own, each on fresh hosts
        String warmup = Fixtures.unique("storm-warmup");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", warmup)
                .add("queue", Fixtures.queue()).add("resolveOnRecovery", true).build()).expect(201);
        AtomicInteger warmupPass = new AtomicInteger();
        ServerJit.warmUp("alert-storm", 2, 15, () -> {
            String hosts = "warmup" + warmupPass.incrementAndGet() + "-node";
            storm(warmup, hosts, WARMUP_ALERTS, "CRITICAL", new ArrayList<>());
            storm(warmup, hosts, WARMUP_ALERTS, "OK", new ArrayList<>());
            return null;
        });
        Fixtures.awaitSearchIndexed(Duration.ofMinutes(2)); // the warm-up's indexing is not part of the figures

        run("problems", source, "CRITICAL");
        assertThat(admin.get("/api/tickets?queue=" + queue + "&status=active&limit=1").expect(200).json()
                .getInt("total")).isEqualTo(ALERTS);
        run("recoveries", source, "OK");
        int open = admin.get("/api/tickets?queue=" + queue + "&status=active&limit=1").expect(200).json()
                .getInt("total");
        System.out.println("bench alert-storm tickets-left-open=" + open);
        assertThat(open).isZero();
    }

    private void run(String phase, String source, String state) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        storm(source, "node", ALERTS, state, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("bench alert-storm %s alerts=%d senders=%d seconds=%.1f alerts-per-second=%.1f"
                + " p50-ms=%.1f p95-ms=%.1f max-ms=%.1f%n", phase, ALERTS, SENDERS, seconds, ALERTS / seconds,
                BenchReport.pct(sorted, 0.50), BenchReport.pct(sorted, 0.95), sorted.get(sorted.size() - 1) / 1e6);
        BenchReport.value("alert-storm", ALERTS + " " + phase + ", " + SENDERS + " senders", ALERTS / seconds,
                "alerts/s");
        BenchReport.latency("alert-storm", "one alert (" + phase + ")", latencies);
    }

    /**
     * {@code alerts} alerts of {@code state} from {@value #SENDERS} senders on 100 hosts; adds each one's latency to
     * {@code latencies}, which the caller reads once this returns.
     */
    private void storm(String source, String hosts, int alerts, String state, List<Long> latencies) throws Exception {
        List<Long> timed = Collections.synchronizedList(latencies);
        AtomicInteger next = new AtomicInteger();
        Concurrently.run(SENDERS, sender -> {
            for (int i = next.getAndIncrement(); i < alerts; i = next.getAndIncrement()) {
                long t0 = System.nanoTime();
                send(source, hosts + (i % 100), i, state);
                timed.add(System.nanoTime() - t0);
            }
        });
    }

    /** One alert as Alertmanager 0.25 posts it: firing ({@code CRITICAL}) or resolved, with a stable fingerprint. */
    private void send(String source, String host, int i, String state) {
        boolean resolved = state.equals("OK");
        String instance = host + ".storm.example:9100";
        String fingerprint = String.format("%08x%08x", instance.hashCode(), i); // distinct for each alert
        var alert = Json.createObjectBuilder()
                .add("status", resolved ? "resolved" : "firing")
                .add("labels", Json.createObjectBuilder().add("alertname", "check-" + i).add("instance", instance)
                        .add("job", "node").add("severity", "critical"))
                .add("annotations", Json.createObjectBuilder().add("summary", "check-" + i + " on " + instance)
                        .add("description", "storm alert " + i + " is " + state))
                .add("startsAt", "2026-11-22T02:02:20Z")
                .add("endsAt", resolved ? "2026-11-22T02:07:20Z" : "0001-01-01T00:00:00Z")
                .add("generatorURL", "http://prometheus.storm.example:9090/graph")
                .add("fingerprint", fingerprint);
        admin.post("/api/alerts/alertmanager?source=" + source, Json.createObjectBuilder().add("version", "4")
                .add("groupKey", "{}/{}:{alertname=\"check-" + i + "\", instance=\"" + instance + "\"}")
                .add("truncatedAlerts", 0).add("status", resolved ? "resolved" : "firing").add("receiver", "opsdesk")
                .add("groupLabels", Json.createObjectBuilder()).add("commonLabels", Json.createObjectBuilder())
                .add("commonAnnotations", Json.createObjectBuilder()).add("externalURL", "http://am.storm.example")
                .add("alerts", Json.createArrayBuilder().add(alert)).build()).expect(200);
    }
}
