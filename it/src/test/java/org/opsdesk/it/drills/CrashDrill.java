package org.opsdesk.it.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Corpus;
import org.opsdesk.it.support.Postgres;
import org.opsdesk.it.support.ServerProcess;

/**
 * Drill 1 of #8: 1,000 corpus mails through the MTA pipe client (retrying on exit 75, as an MTA does) and 1,000
 * through IMAP polling of GreenMail, while the server is killed with SIGKILL twice and started again. Then every
 * mail must be stored exactly once (matched by a header each one carries), each delivered or quarantined, and the
 * mailbox empty: it was emptied only of what had been committed, or something would be missing.
 */
@ExtendWith(DrillReport.class)
class CrashDrill {

    static final int PER_PATH = 1000;

    @RepeatedTest(3)
    @DisplayName("crash-during-ingestion")
    void crashDuringIngestion() throws Exception {
        assumeTrue(Corpus.hasMail(), "../shared/corpus/mail not present: drill skipped");
        assumeTrue(Postgres.available(), "no PostgreSQL on 127.0.0.1:5432: drill skipped");
        String database = "opsdesk_drill_crash";
        Map<String, String> env = Postgres.freshDatabase(database);
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP_IMAP);
        greenMail.start();
        long t0 = System.nanoTime();
        try (ServerProcess server = Ingestion.server("crash", env)) {
            server.start();
            Api admin = Api.admin().on(server.url());
            String queue = Ingestion.queue(admin, "drill");
            String token = admin.post("/api/me/tokens", "{\"name\":\"mta\"}").expect(201).json().getString("secret");
            Ingestion mail = new Ingestion(database, greenMail, PER_PATH, PER_PATH);
            mail.pollInto(admin, queue);
            CompletableFuture<Void> mta = mail.pipeInto(server.url(), queue, token);

            List<String> restarts = new ArrayList<>();
            List<Integer> polledLeft = new ArrayList<>();
            for (int killAt : new int[] {PER_PATH * 3 / 10, PER_PATH * 7 / 10}) {
                await().atMost(Duration.ofMinutes(5)).until(() -> mail.piped.get() >= killAt || mta.isDone());
                // the polled half still has work when the server dies (in the mailbox or still to come), so both
                // paths meet the kill
                polledLeft.add(mail.inbox() + mail.undelivered());
                server.kill();
                restarts.add(String.format("%.1f", server.start().toMillis() / 1000.0));
            }
            mta.get();
            await("every mail stored and processed, the mailbox empty").atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofSeconds(1)).until(mail::settled);
            var missing = mail.report();
            DrillReport.figure("kills", restarts.size());
            DrillReport.figure("polled_left_at_kills", polledLeft.toString());
            assertThat(polledLeft).as("polled mails still to take in at each kill").allSatisfy(n -> assertThat(n)
                    .isPositive());
            DrillReport.figure("restart_s", String.join(",", restarts));
            DrillReport.figure("seconds", (System.nanoTime() - t0) / 1_000_000_000);
            assertThat(mail.refusals).as("exit codes other than 0 and 75").isEmpty();
            assertThat(missing).as("mails never stored").isEmpty();
            assertThat(mail.markers()).as("each mail stored once").allSatisfy((k, n) -> assertThat(n).isOne());
            assertThat(mail.processedTwice()).as("each mail processed once").isEmpty();
            assertThat(mail.markers().keySet()).isEqualTo(mail.expected);
        } finally {
            greenMail.stop();
            Postgres.drop(database);
        }
    }
}
