package org.opsdesk.it.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Corpus;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.support.Postgres;
import org.opsdesk.it.support.ServerProcess;

/**
 * Drill 2 of #8: PostgreSQL stops for 30 s while mail comes in through the pipe client and IMAP polling and an
 * alert sender posts problems and their recoveries. The pipe client gets 75 and its MTA retries, the poller backs
 * off and resumes, the alert sender gets 5xx and retries; health says DOWN, then UP; afterwards every mail is
 * stored once and every alert has exactly one ticket, resolved by its recovery.
 */
@ExtendWith(DrillReport.class)
class DatabaseOutageDrill {

    static final int ALERTS = 100;

    @RepeatedTest(3)
    @DisplayName("database-outage")
    void databaseOutage() throws Exception {
        assumeTrue(Corpus.hasMail(), "../shared/corpus/mail not present: drill skipped");
        assumeTrue(Postgres.available() && Postgres.controllable(),
                "needs the local PostgreSQL and root to stop and start it (pg_ctlcluster): drill skipped");
        String database = "opsdesk_drill_outage";
        Map<String, String> env = Postgres.freshDatabase(database);
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP_IMAP);
        greenMail.start();
        boolean stopped = false;
        try (ServerProcess server = Ingestion.server("outage", env)) {
            server.start();
            Api admin = Api.admin().on(server.url());
            String queue = Ingestion.queue(admin, "drill");
            String alertQueue = Ingestion.queue(admin, "alerts");
            String source = Fixtures.unique("mon");
            admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", alertQueue)
                    .add("resolveOnRecovery", true).build()).expect(201);
            String token = admin.post("/api/me/tokens", "{\"name\":\"mta\"}").expect(201).json().getString("secret");
            Api sender = Api.token(token).on(server.url());

            Ingestion mail = new Ingestion(database, greenMail, 500, 300);
            mail.pollInto(admin, queue);
            CompletableFuture<Void> mta = mail.pipeInto(server.url(), queue, token);
            AtomicInteger alertsSent = new AtomicInteger();
            AtomicInteger alertRetries = new AtomicInteger();
            CountDownLatch outage = new CountDownLatch(1);
            CompletableFuture<Void> monitoring = CompletableFuture.runAsync(() -> {
                for (String state : List.of("CRITICAL", "OK")) {
                    if (state.equals("OK")) {
                        awaitLatch(outage); // the recoveries meet the outage
                    }
                    for (int i = 0; i < ALERTS; i++) {
                        String body = Json.createObjectBuilder().add("source", source).add("host", "db" + i
                                + ".drill.example").add("service", "Replication").add("state", state).build()
                                .toString();
                        postUntilAccepted(sender, body, alertRetries);
                        alertsSent.incrementAndGet();
                    }
                }
            });

            await().atMost(Duration.ofMinutes(3)).until(() -> mail.piped.get() >= 100);
            long t0 = System.nanoTime();
            Postgres.stopServer();
            stopped = true;
            outage.countDown();
            // polled mail that arrives while the database is away: the poller cannot store it, so it must stay
            int duringOutage = mail.deliverToMailbox(50);
            // DOWN is the health check's own 503: no answer at all (a server hung on its pool) is no DOWN
            await("health DOWN").atMost(Duration.ofSeconds(30)).until(() -> server.health() == 503);
            double down = (System.nanoTime() - t0) / 1e9;
            await("health stays DOWN while the database is away").during(Duration.ofSeconds(30))
                    .atMost(Duration.ofSeconds(40)).until(() -> server.health() == 503);
            int inboxAtEnd = mail.inbox();
            Postgres.startServer();
            stopped = false;
            long t1 = System.nanoTime();
            await("health UP").atMost(Duration.ofSeconds(90)).until(() -> server.health() == 200);
            double up = (System.nanoTime() - t1) / 1e9;

            mta.get(5, TimeUnit.MINUTES);
            monitoring.get(5, TimeUnit.MINUTES);
            await("every mail stored and processed, the mailbox empty").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1)).until(mail::settled);
            var missing = mail.report();
            DrillReport.figure("health_down_after_s", String.format("%.1f", down));
            DrillReport.figure("polled_during_outage", duringOutage);
            DrillReport.figure("mailbox_at_outage_end", inboxAtEnd);
            DrillReport.figure("health_up_after_s", String.format("%.1f", up));
            DrillReport.figure("alerts_accepted", alertsSent.get());
            DrillReport.figure("alert_retries", alertRetries.get());
            int open = admin.get("/api/tickets?queue=" + alertQueue + "&status=active").expect(200).json()
                    .getInt("total");
            int resolved = admin.get("/api/tickets?queue=" + alertQueue + "&status=resolved").expect(200).json()
                    .getInt("total");
            DrillReport.figure("alert_tickets_open", open);
            DrillReport.figure("alert_tickets_resolved", resolved);
            assertThat(mail.refusals).as("exit codes other than 0 and 75").isEmpty();
            assertThat(mail.tempFailures.get()).as("the pipe client met the outage (exit 75)").isPositive();
            assertThat(alertRetries.get()).as("the alert sender met the outage (5xx)").isPositive();
            assertThat(inboxAtEnd).as("polled mail waited in the mailbox while the database was away")
                    .isGreaterThanOrEqualTo(duringOutage).isPositive();
            assertThat(missing).as("mails never stored").isEmpty();
            assertThat(mail.markers()).as("each mail stored once").allSatisfy((k, n) -> assertThat(n).isOne());
            assertThat(mail.processedTwice()).as("each mail processed once").isEmpty();
            assertThat(open).as("alert tickets left open").isZero();
            assertThat(resolved).as("one ticket per alert, resolved by its recovery").isEqualTo(ALERTS);
        } finally {
            if (stopped) {
                Postgres.startServer();
            }
            greenMail.stop();
            Postgres.drop(database);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the outage never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What Alertmanager and Nagios' notification scripts do: retry on 5xx or no answer; a 4xx is a bug. */
    private static void postUntilAccepted(Api sender, String body, AtomicInteger retries) {
        while (true) {
            int status;
            try {
                status = sender.send("POST", "/api/alerts", body, "application/json").status();
            } catch (IllegalStateException e) {
                status = -1;
            }
            if (status == 200) {
                return;
            }
            if (status >= 400 && status < 500) {
                throw new AssertionError("alert refused with " + status + ": " + body);
            }
            retries.incrementAndGet();
            try {
                TimeUnit.MILLISECONDS.sleep(250); // the sender's retry interval, not a wait for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
