package org.opsdesk.mail.inbound.poll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.opsdesk.application.mail.InboundMailService;
import org.opsdesk.application.mail.MailGateway;
import org.opsdesk.application.mail.MailboxService;
import org.opsdesk.application.mail.MailboxService.Connection;
import org.opsdesk.application.Ticks;

/**
 * Polls the mailboxes admins configured (IMAP or POP3; plain, STARTTLS or TLS). Each due mailbox is
 * claimed in the database first, so one worker polls it at a time. A message is deleted on the server
 * only after the gateway has committed its raw bytes; if storing fails the message stays there and the
 * next poll tries again. Also finishes mail that was stored but never processed (a crash in between).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class.getName());
    private static final long TICK_MILLIS = 1000;
    private static final String TICK_NAME = "opsdesk-mail-poll";
    /** Messages taken from one mailbox per poll; the rest wait for the next one. */
    static final int BATCH = 200;
    /** Bytes taken from one mailbox per poll (at least one message). */
    static final long BATCH_BYTES = 64L << 20;
    /** Messages fetched whole in one IMAP command. */
    static final int PREFETCH = 50;
    /** Bytes fetched in one IMAP command (at least one message). */
    static final long PREFETCH_BYTES = 8L << 20;
    /**
     * How long one claim goes on polling a mailbox that has more mail waiting (about a thousand messages): longer
     * would keep the other mailboxes waiting, which this worker polls in turn.
     */
    private static final Duration DRAIN_FOR = Duration.ofSeconds(20);
    private static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    @EJB
    MailboxService mailboxes;

    @EJB
    MailGateway gateway;

    @EJB
    InboundMailService inbound;

    @Resource
    TimerService timers;

    /** Mail stored before this instance started cannot be in progress here: it is finished without waiting. */
    private final Instant bootedAt = Instant.now();
    private volatile boolean claimsReleased;
    /** Mailboxes this worker claimed whose claim could not be released yet (the database was away), with the error. */
    private final Map<Long, String> unreleased = new ConcurrentHashMap<>();
    private volatile Instant nextStuckCheck = bootedAt.plus(Duration.ofSeconds(5));

    @PostConstruct
    void schedule() {
        Ticks.next(timers, TICK_MILLIS, TICK_NAME);
    }

    private void releaseUnreleased() {
        for (Map.Entry<Long, String> e : Map.copyOf(unreleased).entrySet()) {
            mailboxes.polled(e.getKey(), e.getValue().isEmpty() ? null : e.getValue());
            unreleased.remove(e.getKey());
        }
    }

    /**
     * Processes mail that was stored but never processed: stored before this server started (it crashed in
     * between), or longer ago than {@link #STUCK_AFTER}.
     */
    private void finishStuck() {
        Duration sinceBoot = Duration.between(bootedAt, Instant.now());
        Duration olderThan = sinceBoot.compareTo(STUCK_AFTER) < 0 ? sinceBoot : STUCK_AFTER;
        List<Long> stuck;
        int rounds = 0;
        while (!(stuck = inbound.stuck(olderThan, 100)).isEmpty() && rounds++ < 50) {
            int n = stuck.size();
            LOG.info(() -> "Finishing " + n + " mails stored but never processed");
            for (long id : stuck) {
                gateway.reprocess(id);
            }
        }
    }

    @Timeout
    void onTimer() {
        Ticks.run(this::tick, timers, TICK_MILLIS, TICK_NAME);
    }

    /** One round; never two at once: the next is armed only when this one has ended (see {@link Ticks}). */
    void tick() {
        try {
            if (!claimsReleased) {
                // on the first tick, not at construction: the schema may still be migrating then
                int released = mailboxes.releaseClaims();
                claimsReleased = true;
                if (released > 0) {
                    LOG.info(() -> "Released " + released + " mailbox claims left by a server that stopped mid-poll");
                }
            }
            releaseUnreleased();
            var next = mailboxes.claimDue();
            while (next.isPresent()) {
                Connection c = next.get();
                String error = null;
                try {
                    Drained drained = drain(c);
                    if (drained.taken() > 0) {
                        LOG.info(() -> "Mailbox " + c.name() + ": " + drained.taken() + " messages taken in");
                    }
                    error = drained.left();
                    if (error != null) {
                        String why = error;
                        LOG.warning(() -> "Mailbox " + c.name() + ": " + why);
                    }
                } catch (Exception | Error e) {
                    // an Error too (a huge message's OutOfMemoryError): the claim is still released and the
                    // failure shown to admins, not left to the lease with nothing said
                    error = PollErrors.describe(c.host(), c.port(), e);
                    String why = error;
                    LOG.warning(() -> "Mailbox " + c.name() + " poll failed (will retry): " + why);
                }
                // this worker is the only one here: until the claim is released in the database (it may be
                // down), it is remembered and released on a later tick rather than left to its lease
                unreleased.put(c.id(), error == null ? "" : error);
                mailboxes.polled(c.id(), error);
                unreleased.remove(c.id());
                next = mailboxes.claimDue();
            }
            if (Instant.now().isAfter(nextStuckCheck)) {
                nextStuckCheck = Instant.now().plus(Duration.ofMinutes(1));
                finishStuck();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail poll round failed; the next tick goes on", e);
        }
    }

    /**
     * Takes in what waits in a mailbox: one poll after another on the same claim while the last one left messages
     * behind (each poll takes at most {@link #BATCH} messages or {@link #BATCH_BYTES} bytes), for at most {@link
     * #DRAIN_FOR}; answers how many messages it took.
     */
    Drained drain(Connection c) throws MessagingException, IOException {
        Instant until = Instant.now().plus(DRAIN_FOR);
        int taken = 0;
        Polled polled;
        do {
            polled = poll(c);
            taken += polled.taken();
        } while (polled.more() && polled.taken() > 0 && Instant.now().isBefore(until));
        return new Drained(taken, polled.left());
    }

    /** What a drain did: how many messages it took, and what it left on the server and why (null: nothing). */
    record Drained(int taken, String left) {}

    /**
     * What one poll did: how many messages it took, whether more were left on the server, and the messages it left
     * there and why (null: none).
     */
    record Polled(int taken, boolean more, String left) {}

    /** Messages that failed one after another before a poll gives up (the database is away, most likely). */
    static final int FAILURES_IN_A_ROW = 3;
    private static final int MAX_REMEMBERED_FAILURES = 10_000;

    /** Per mailbox, the server's ids of the messages that could not be stored (they are tried last). */
    private final Map<Long, Set<String>> failedBefore = new ConcurrentHashMap<>();

    /** The server's lasting id of a message (IMAP UID, POP3 UIDL), or its number where the server has none. */
    private static String uid(Folder folder, Message m) {
        try {
            if (folder instanceof UIDFolder imap) {
                return "uid:" + imap.getUID(m);
            }
            if (folder instanceof POP3Folder pop3) {
                String uidl = pop3.getUID(m);
                if (uidl != null) {
                    return "uidl:" + uidl;
                }
            }
        } catch (MessagingException e) {
            // the number then
        }
        return "n:" + m.getMessageNumber();
    }

    /** Takes in up to {@link #BATCH} messages. */
    Polled poll(Connection c) throws MessagingException, IOException {
        boolean imap = "IMAP".equals(c.protocol());
        boolean tls = "TLS".equals(c.security());
        String protocol = (imap ? "imap" : "pop3") + (tls ? "s" : "");
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "connectiontimeout", "15000");
        p.setProperty(prefix + "timeout", "60000");
        p.setProperty(prefix + "writetimeout", "60000");
        if ("STARTTLS".equals(c.security())) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (tls || "STARTTLS".equals(c.security())) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(p);
        try (Store store = session.getStore(protocol)) {
            store.connect(c.host(), c.port(), c.username(), c.password());
            Folder folder = store.getFolder(imap ? c.folder() : "INBOX");
            folder.open(Folder.READ_WRITE);
            List<Message> done = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int failuresInARow = 0;
            List<String> markedSinceSuccess = new ArrayList<>();
            boolean more = false;
            try {
                Message[] messages = folder.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.FLAGS);
                profile.add(FetchProfile.Item.SIZE);
                profile.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(messages, profile);
                Set<String> failed = failedBefore.computeIfAbsent(c.id(), id -> ConcurrentHashMap.newKeySet());
                List<Message> waiting = new ArrayList<>();
                for (Message m : messages) {
                    if (m.isExpunged() || m.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    if (m.getSize() > c.maxMessageBytes()) {
                        // never fetched: larger than anything the pipe takes; it stays on the server, and says so
                        problems.add("message " + m.getMessageNumber() + " (" + m.getSize() + " bytes) is over the"
                                + " limit of " + c.maxMessageBytes() + " bytes (OPSDESK_MAX_REQUEST_BYTES)");
                        continue;
                    }
                    waiting.add(m);
                }
                // messages that could not be stored before go last: they stay at the front of the mailbox, and three
                // of them failing again would otherwise end every poll before the messages behind them
                waiting.sort(java.util.Comparator.comparing(m -> failed.contains(uid(folder, m))));
                List<List<Message>> polls = runs(waiting, BATCH, BATCH_BYTES);
                List<Message> batch = polls.isEmpty() ? List.of() : polls.get(0);
                more = polls.size() > 1;
                for (List<Message> chunk : runs(batch, PREFETCH, PREFETCH_BYTES)) {
                    prefetch(folder, chunk);
                    for (Message m : chunk) {
                        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(1024, m.getSize()));
                        try {
                            m.writeTo(raw);
                        } catch (MessageRemovedException e) {
                            continue; // another client expunged it meanwhile: it is theirs
                        }
                        // stores (commits) first; if it cannot, the message stays on the server for the next poll
                        try {
                            gateway.ingest(raw.toByteArray(), (imap ? "imap:" : "pop3:") + c.name(), c.queue(),
                                    c.action(), c.alertSource());
                        } catch (RuntimeException e) {
                            // one message that cannot be stored holds up none behind it; several in a row are the
                            // database, and the poll ends
                            String id = uid(folder, m);
                            if (failed.size() < MAX_REMEMBERED_FAILURES && failed.add(id)) {
                                markedSinceSuccess.add(id);
                            }
                            if (++failuresInARow >= FAILURES_IN_A_ROW) {
                                // the database, not these messages: unmarked, they keep their place (oldest first,
                                // so that a reply is not stored before the mail it answers)
                                failed.removeAll(markedSinceSuccess);
                                throw e;
                            }
                            problems.add("message " + m.getMessageNumber() + " could not be stored: "
                                    + e.getClass().getSimpleName() + ": " + e.getMessage());
                            continue;
                        }
                        failuresInARow = 0;
                        markedSinceSuccess.clear();
                        failed.remove(uid(folder, m));
                        done.add(m);
                        if (m instanceof IMAPMessage fetched) {
                            fetched.invalidateHeaders(); // drops the prefetched message: one run is in memory at a time
                        }
                    }
                }
            } finally {
                // only messages whose raw bytes are committed; one command for the whole batch
                if (!done.isEmpty() && folder.isOpen()) {
                    folder.setFlags(done.toArray(new Message[0]), new Flags(Flags.Flag.DELETED), true);
                }
                if (folder.isOpen()) {
                    folder.close(true);
                }
            }
            String left = problems.isEmpty() ? null : "left on the server: " + String.join("; ", problems);
            return new Polled(done.size(), more, left);
        }
    }

    /**
     * The messages in runs, in order, of at most {@code count} messages and {@code bytes} bytes (a larger message is a
     * run of its own): a poll takes the first run of {@link #BATCH} / {@link #BATCH_BYTES}, and fetches it in runs of
     * {@link #PREFETCH} / {@link #PREFETCH_BYTES}.
     */
    static List<List<Message>> runs(List<Message> messages, int count, long bytes) throws MessagingException {
        List<List<Message>> runs = new ArrayList<>();
        List<Message> run = new ArrayList<>();
        long size = 0;
        for (Message m : messages) {
            long next = Math.max(0, m.getSize());
            if (!run.isEmpty() && (run.size() >= count || size + next > bytes)) {
                runs.add(run);
                run = new ArrayList<>();
                size = 0;
            }
            run.add(m);
            size += next;
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /**
     * Over IMAP, fetches the whole messages of a run in one command: fetched one by one, in pieces (Angus' default
     * partial fetch), every message costs round trips, and against a server that writes its answers line by line
     * each round trip can wait out a delayed ACK (GreenMail: 60 ms a message, 1.3 ms prefetched). POP3 has no such
     * command; each message is one RETR.
     */
    private static void prefetch(Folder folder, List<Message> chunk) throws MessagingException {
        if (folder instanceof IMAPFolder) {
            FetchProfile whole = new FetchProfile();
            whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
            folder.fetch(chunk.toArray(new Message[0]), whole);
        }
    }
}
