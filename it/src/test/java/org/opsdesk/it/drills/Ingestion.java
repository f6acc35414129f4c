package org.opsdesk.it.drills;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Corpus;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.support.Postgres;
import org.opsdesk.it.support.ServerProcess;

/**
 * Corpus mail fed to a drill server through both paths, each mail carrying a marker header ({@code X-Drill-Mail})
 * so that what the database holds afterwards can be matched one to one with what was sent.
 */
final class Ingestion {

    private static final String MARKED = "select m.state, substring(encode(r.raw, 'escape')"
            + " from 'X-Drill-Mail: ([a-z0-9-]+)') as marker from inbound_mail m"
            + " join inbound_mail_raw r on r.mail_id = m.id";

    final String run = Fixtures.unique("run").replaceAll("[^a-z0-9]", "");
    final Set<String> expected = new HashSet<>();
    final AtomicInteger piped = new AtomicInteger();
    final AtomicInteger tempFailures = new AtomicInteger();
    final List<Integer> refusals = new ArrayList<>();
    private final List<byte[]> pipe = new ArrayList<>();
    private final String database;
    private final GreenMail greenMail;
    private GreenMailUser user;

    /**
     * Marks {@code toPipe} corpus mails for the pipe and the next {@code toImap} ones for GreenMail, which gets them
     * in step with the pipe (see {@link #pipeInto}): delivered all at first, the polled half was taken in within
     * seconds, long before a fault the drill injects once the pipe is under way, which then met the pipe alone.
     */
    Ingestion(String database, GreenMail greenMail, int toPipe, int toImap) throws Exception {
        this.database = database;
        this.greenMail = greenMail;
        List<Path> corpus = Corpus.mails();
        for (int i = 0; i < toPipe; i++) {
            pipe.add(marked(Files.readAllBytes(corpus.get(i)), run + "-p" + i));
            expected.add(run + "-p" + i);
        }
        String box = "drill@support.example";
        user = greenMail.setUser(box, box, "drill-password-1");
        Session session = Session.getInstance(new Properties());
        for (int i = toPipe; imap.size() < toImap; i++) {
            try {
                imap.add(new MimeMessage(session, new ByteArrayInputStream(
                        marked(Files.readAllBytes(corpus.get(i)), run + "-i" + i))));
                expected.add(run + "-i" + i);
            } catch (Exception e) {
                // a few malformed mails cannot be a MimeMessage: the next one takes its place
            }
        }
    }

    /** The polled mails not delivered to GreenMail yet. */
    private final List<MimeMessage> imap = new ArrayList<>();
    private int imapDelivered;

    /** Delivers the next {@code count} polled mails to GreenMail now (fewer when fewer are left). */
    synchronized int deliverToMailbox(int count) {
        int done = 0;
        while (done < count && imapDelivered < imap.size()) {
            try {
                user.deliver(imap.get(imapDelivered));
            } catch (Exception e) {
                throw new IllegalStateException("GreenMail refused a drill mail", e);
            }
            imapDelivered++;
            done++;
        }
        return done;
    }

    /** How many polled mails GreenMail has not been given yet. */
    synchronized int undelivered() {
        return imap.size() - imapDelivered;
    }

    /** A drill's own server on {@code env}'s database, sending its mail to the drill's GreenMail. */
    static ServerProcess server(String name, Map<String, String> env) {
        return new ServerProcess(name, 200, env, List.of("-Dopsdesk.smtp.host=127.0.0.1",
                "-Dopsdesk.smtp.port=" + ServerSetupTest.SMTP.getPort()));
    }

    /** A new queue without autoreplies; answers its name. */
    static String queue(Api admin, String prefix) {
        String name = Fixtures.unique(prefix);
        admin.post("/api/queues", Json.createObjectBuilder().add("name", name).add("autoReply", false).build())
                .expect(201);
        return name;
    }

    /** Configures the server to poll the GreenMail mailbox every second into {@code queue}. */
    void pollInto(Api admin, String queue) {
        admin.post("/api/mail/mailboxes", Json.createObjectBuilder().add("name", "drill-imap").add("protocol", "IMAP")
                .add("host", "127.0.0.1").add("port", ServerSetupTest.IMAP.getPort()).add("security", "PLAIN")
                .add("username", user.getLogin()).add("password", "drill-password-1").add("queue", queue)
                .add("pollSeconds", 1).build()).expect(201);
    }

    /**
     * Runs the pipe client for every pipe mail in the background, as an MTA would (retrying on 75), and gives GreenMail
     * the polled mails in step: after the pipe's k-th mail, the first k/n of them; the rest at the end.
     */
    CompletableFuture<Void> pipeInto(String url, String queue, String token) {
        return CompletableFuture.runAsync(() -> {
            int total = imap.size();
            for (int k = 0; k < pipe.size(); k++) {
                int exit = Mta.deliver(pipe.get(k), tempFailures, "--queue", queue, "--url", url, "--token", token);
                if (exit != 0) {
                    synchronized (refusals) {
                        refusals.add(exit);
                    }
                }
                piped.incrementAndGet();
                long due = (long) total * (k + 1) / pipe.size();
                deliverToMailbox((int) Math.max(0, due - (total - undelivered())));
                // (total - undelivered(): how many GreenMail has had)
            }
            deliverToMailbox(Integer.MAX_VALUE);
        });
    }

    int inbox() throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    /** Whether every mail is stored and processed and the mailbox is empty. */
    boolean settled() throws Exception {
        Map<String, Integer> states = byState();
        return inbox() == 0 && states.values().stream().mapToInt(Integer::intValue).sum() >= expected.size()
                && states.getOrDefault("RECEIVED", 0) == 0;
    }

    /** Stored mails of this run by state. */
    Map<String, Integer> byState() throws Exception {
        return countBy("state");
    }

    /** How often each marker of this run is stored. */
    Map<String, Integer> markers() throws Exception {
        return countBy("marker");
    }

    /** Stored mails of this run counted by {@code column} of the marked rows ({@code state} or {@code marker}). */
    private Map<String, Integer> countBy(String column) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = Postgres.connect(database); PreparedStatement s = c.prepareStatement("select " + column
                + ", count(*) from (" + MARKED + ") x where marker like ? group by " + column)) {
            s.setString(1, run + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    /**
     * The Message-IDs of this run that became more than one message on tickets: a mail processed twice (a crash or a
     * retry racing the recovery at start-up), which the unique key of the stored mail alone cannot show.
     */
    Map<String, Integer> processedTwice() throws Exception {
        Map<String, Integer> twice = new HashMap<>();
        try (Connection c = Postgres.connect(database); PreparedStatement s = c.prepareStatement("select"
                + " rfc_message_id, count(*) from ticket_message where rfc_message_id like ? group by rfc_message_id"
                + " having count(*) > 1")) {
            s.setString(1, run + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    twice.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return twice;
    }

    /** Records stored, missing and duplicate counts as drill figures; answers the missing markers. */
    Set<String> report() throws Exception {
        Map<String, Integer> seen = markers();
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(seen.keySet());
        Map<String, Integer> states = byState();
        DrillReport.figure("mails", expected.size());
        DrillReport.figure("stored", seen.size());
        DrillReport.figure("missing", missing.size());
        DrillReport.figure("duplicates", seen.values().stream().filter(n -> n > 1).count());
        DrillReport.figure("processed_twice", processedTwice().size());
        DrillReport.figure("delivered", states.getOrDefault("DELIVERED", 0));
        DrillReport.figure("quarantined", states.getOrDefault("QUARANTINED", 0));
        DrillReport.figure("mta_retries", tempFailures.get());
        return missing;
    }

    /** The mail with the drill's marker header in front and its Message-ID made unique to this run. */
    static byte[] marked(byte[] raw, String marker) {
        String s = new String(raw, StandardCharsets.ISO_8859_1);
        int from = s.startsWith("From ") ? s.indexOf('\n') + 1 : 0;
        String head = s.substring(0, from) + "X-Drill-Mail: " + marker + "\n" + s.substring(from);
        head = head.replaceFirst("(?im)^(Message-ID:\\s*<)", "$1" + marker + ".");
        return head.getBytes(StandardCharsets.ISO_8859_1);
    }
}
