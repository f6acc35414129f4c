package org.opsdesk.it.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Corpus;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;

/**
 * Benchmark (profile {@code bench}): the 2,353 corpus mails through {@code POST /api/mail/inbound}
 * with 1 and 2 client streams, and through IMAP polling (GreenMail), end to end: a message counts once
 * its outcome is committed. Each run gives every mail a fresh Message-ID and an extra header so that
 * nothing is a duplicate of an earlier run. Prints {@code bench mail-ingest ...} lines.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailIngestBench {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    /** Untimed passes of the corpus, at least: more until the server's JIT settled (see {@link ServerJit}). */
    private static final int MIN_WARMUP_PASSES = 3;
    /** Untimed passes of the corpus, at most. */
    private static final int MAX_WARMUP_PASSES = 12;

    private final Api admin = Api.admin();

    @Test
    void ingestThroughput() throws Exception {
        assumeTrue(Corpus.hasMail(), "../shared/corpus/mail not present: benchmark skipped");
        List<byte[]> corpus = new ArrayList<>();
        for (Path p : Corpus.mails()) {
            corpus.add(Files.readAllBytes(p));
        }
        String db = BenchReport.db();
        // untimed passes first: on 2 cores the JIT compiles the server's mail path for minutes (one pass of the
        // corpus left it at half its later rate, three at 75-90%)
        ServerJit.warmUp("mail-ingest", MIN_WARMUP_PASSES, MAX_WARMUP_PASSES, () -> {
            pipe(corpus, 2, "warmup", false);
            return null;
        });
        imap(corpus, db, false); // the poller's path compiled too, not inside its timed pass
        Fixtures.awaitSearchIndexed(Duration.ofMinutes(5)); // the warm-up's indexing is not part of the figures
        analyzeIfPostgres();
        for (int streams : new int[] {1, 2}) {
            pipe(corpus, streams, db, true);
            Fixtures.awaitSearchIndexed(Duration.ofMinutes(5)); // one run's indexing backlog is not the next one's
        }
        imap(corpus, db, true);
    }

    /**
     * Fresh planner statistics for the tables the untimed passes filled, as autovacuum would have gathered them by
     * then in production; this machine's PostgreSQL runs without autovacuum, and on statistics of empty tables the
     * planner scans whole tables for lookups by key.
     */
    private static void analyzeIfPostgres() throws java.sql.SQLException {
        if (!BenchDatabase.isPostgres()) {
            return;
        }
        try (java.sql.Connection db = BenchDatabase.connect(); java.sql.Statement analyze = db.createStatement()) {
            analyze.execute("ANALYZE");
        }
    }

    private void pipe(List<byte[]> corpus, int streams, String db, boolean report) throws Exception {
        String queue = queue();
        String run = Fixtures.unique("run");
        List<byte[]> mails = new ArrayList<>(); // made before the clock starts
        for (int i = 0; i < corpus.size(); i++) {
            mails.add(fresh(corpus.get(i), run, i));
        }
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        java.util.Map<String, AtomicInteger> dispositions = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime();
        Concurrently.run(streams, stream -> {
            for (int i = stream; i < corpus.size(); i += streams) {
                long t0 = System.nanoTime();
                Api.Reply r = admin.mail(queue, mails.get(i));
                latencies.add(System.nanoTime() - t0);
                if (r.status() == 200) {
                    ok.incrementAndGet();
                    dispositions.computeIfAbsent(r.json().getString("disposition"), d -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(ok.get()).isEqualTo(corpus.size());
        if (report) {
            System.out.printf("bench mail-ingest pipe db=%s streams=%d mails=%d seconds=%.1f msg/s=%.0f %s%n", db,
                    streams, corpus.size(), seconds, corpus.size() / seconds, new java.util.TreeMap<>(dispositions));
            BenchReport.value("mail-ingest", "corpus through POST /api/mail/inbound, " + streams + " stream(s)",
                    corpus.size() / seconds, "msg/s");
            BenchReport.latency("mail-ingest", "one mail through POST /api/mail/inbound, " + streams
                    + " stream(s)", latencies);
        }
    }

    private void imap(List<byte[]> corpus, String db, boolean report) throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP_POP3_IMAP);
        greenMail.start();
        String mailbox = Fixtures.unique("bench");
        try {
            String box = Fixtures.unique("bench") + "@support.example";
            GreenMailUser user = greenMail.setUser(box, box, "bench-password-1");
            String run = Fixtures.unique("imap");
            Session session = Session.getInstance(new Properties());
            int delivered = 0;
            for (int i = 0; i < corpus.size(); i++) {
                try {
                    user.deliver(new MimeMessage(session, new ByteArrayInputStream(fresh(corpus.get(i), run, i))));
                    delivered++;
                } catch (Exception e) {
                    // GreenMail's own parser refuses a few malformed mails; they are not part of the IMAP figure
                }
            }
            long before = inboundTotal();
            String queue = queue();
            long start = System.nanoTime();
            admin.post("/api/mail/mailboxes", Json.createObjectBuilder().add("name", mailbox)
                    .add("protocol", "IMAP").add("host", "127.0.0.1").add("port", ServerSetupTest.IMAP.getPort())
                    .add("security", "PLAIN").add("username", box).add("password", "bench-password-1")
                    .add("queue", queue).add("pollSeconds", 1).build()).expect(201);
            // every mail taken: the mailbox empty (the poller deletes a mail once stored, a duplicate of one stored
            // before too, which adds nothing to the stored count) and none left to process
            var inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> inbox.getMessageCount() == 0 && inboundTotal() > before
                            && !stats().containsKey("received"));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!report) {
                return;
            }
            System.out.printf("bench mail-ingest imap db=%s mails=%d seconds=%.1f msg/s=%.0f%n", db, delivered,
                    seconds, delivered / seconds);
            BenchReport.value("mail-ingest", "corpus through IMAP polling (GreenMail)", delivered / seconds, "msg/s");
        } finally {
            // not left polling a stopped server (or the next run's, with a login it does not know)
            admin.delete("/api/mail/mailboxes/" + mailbox);
            greenMail.stop();
        }
    }

    private String queue() {
        String name = Fixtures.unique("bench");
        admin.post("/api/queues", Json.createObjectBuilder().add("name", name).add("autoReply", false).build())
                .expect(201);
        return name;
    }

    private JsonObject stats() {
        return admin.get("/api/mail/stats").expect(200).json();
    }

    private long inboundTotal() {
        return stats().values().stream().mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum();
    }

    /**
     * The mail with a run-specific header in front and every id of its Message-ID, In-Reply-To and References made
     * this run's, alike: replies still thread to the mails they answer, as the corpus' do (a prefix per mail made
     * every reply a new ticket, and left the append path out of the figures), and the corpus' own duplicates stay
     * duplicates.
     */
    static byte[] fresh(byte[] raw, String run, int i) {
        String s = new String(raw, StandardCharsets.ISO_8859_1);
        int from = s.startsWith("From ") ? s.indexOf('\n') + 1 : 0;
        int end = s.indexOf("\n\n", from);
        int endCrLf = s.indexOf("\r\n\r\n", from);
        int headerEnd = end < 0 ? (endCrLf < 0 ? s.length() : endCrLf) : endCrLf < 0 ? end : Math.min(end, endCrLf);
        StringBuilder head = new StringBuilder(s.substring(0, from)).append("X-Bench-Run: ").append(run).append('-')
                .append(i).append('\n');
        boolean threading = false;
        for (String line : s.substring(from, headerEnd).split("(?<=\n)")) {
            boolean folded = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (!folded) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                threading = lower.startsWith("message-id:") || lower.startsWith("in-reply-to:")
                        || lower.startsWith("references:");
            }
            head.append(threading ? line.replace("<", "<" + run + ".") : line);
        }
        return head.append(s.substring(headerEnd)).toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
