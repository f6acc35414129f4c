package org.opsdesk.mail.outbound;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import org.opsdesk.application.mail.OutboxQueued;
import org.opsdesk.application.mail.OutboxService;
import org.opsdesk.application.mail.OutboxService.OutgoingMail;
import org.opsdesk.application.Ticks;

/**
 * Drains the outbox through the server's mail session (SMTP from OPSDESK_SMTP_*): at once after a
 * commit that queued mail, and every two seconds for retries. One drain at a time; a mail is claimed
 * (committed, its version checked, with a lease) before it is sent and marked sent after, so a failure leaves it
 * queued for a retry with back-off and no two senders send it at once; a sender that dies mid-send leaves it to be
 * sent again once its lease is over.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final long TICK_MILLIS = 2000;
    private static final String TICK_NAME = "opsdesk-outbox";
    /** Tries to record a sent mail: about 6 seconds in all. */
    private static final int RECORD_ATTEMPTS = 6;

    @Resource(lookup = "java:jboss/mail/OpsDesk")
    Session session;

    @EJB
    OutboxService outbox;

    @Resource
    TimerService timers;

    @EJB
    OutboxSender self;

    /** The server's session with the relay's login and time limits (see {@link SmtpSession}). */
    private volatile Session sending;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        OutboxService.SmtpRelay relay = outbox.relay();
        sending = SmtpSession.of(session, relay.user(), relay.password(), relay.timeout());
        Ticks.next(timers, TICK_MILLIS, TICK_NAME);
    }

    @Timeout
    void tick() {
        Ticks.run(this::drain, timers, TICK_MILLIS, TICK_NAME);
    }

    /** After a commit that queued mail: send without waiting for the next tick. */
    public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxQueued event) {
        self.kick();
    }

    @Asynchronous
    public void kick() {
        drain();
    }

    /** Sends every due mail; a drain asked for while one runs makes that one go round again. */
    public void drain() {
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                for (long id : outbox.due(100)) {
                    sendOne(id);
                }
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox drain stopped; the next tick goes on", e);
        } finally {
            draining.set(false);
        }
    }

    /** One mail: a mail that cannot even be claimed must not stop the drain before the mail queued after it. */
    private void sendOne(long id) {
        java.util.Optional<OutgoingMail> claimed;
        try {
            claimed = outbox.claim(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbound mail " + id + " could not be taken for sending", e);
            try {
                outbox.unclaimable(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (RuntimeException alsoFailed) {
                LOG.log(Level.WARNING, "Outbound mail " + id + ": its failed attempt could not be counted either",
                        alsoFailed);
            }
            return;
        }
        claimed.ifPresent(this::send);
    }

    private void send(OutgoingMail m) {
        RelayAnswer answer;
        List<String> unaddressable = MimeComposer.unaddressable(m);
        if (unaddressable.size() == m.to().size() + m.cc().size()) {
            // no recipient has an address a mail can go to: that stays so, however often it is tried
            outbox.refused(m.id(), m.claim(), List.of(), "No recipient has an address a mail can go to: "
                    + String.join(", ", unaddressable));
            return;
        }
        try {
            Transport.send(MimeComposer.compose(sending, m));
            answer = new RelayAnswer(RelayAnswer.Outcome.SENT, List.of(), null);
        } catch (SendFailedException e) {
            answer = RelayAnswer.of(e);
        } catch (MessagingException | RuntimeException e) {
            answer = new RelayAnswer(RelayAnswer.Outcome.RETRY, List.of(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (!unaddressable.isEmpty()) {
            String skipped = "not sent to " + String.join(", ", unaddressable) + ": not an address a mail can go to";
            answer = new RelayAnswer(answer.outcome(), answer.refused(),
                    answer.note() == null ? skipped : skipped + "; " + answer.note());
        }
        switch (answer.outcome()) {
            case SENT -> recordSent(m, answer);
            case REFUSED -> outbox.refused(m.id(), m.claim(), answer.refused(), answer.note());
            case RETRY -> outbox.failed(m.id(), m.claim(), answer.note());
        }
    }

    /**
     * The relay has the mail: that is recorded, however long the database takes to answer. Counted as a failure
     * (the old way), a brief database error sent the mail again half a minute later; if the record keeps failing,
     * the mail stays claimed and goes out once more only after its lease, the least a crash at this point costs.
     */
    private void recordSent(OutgoingMail m, RelayAnswer answer) {
        for (int attempt = 1; ; attempt++) {
            try {
                outbox.sent(m.id(), m.claim(), answer.refused(), answer.note());
                return;
            } catch (RuntimeException e) {
                if (attempt == RECORD_ATTEMPTS) {
                    LOG.log(Level.SEVERE, "Outbound mail " + m.id() + " went out but could not be marked sent; it is"
                            + " sent again once its claim runs out", e);
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100L << attempt));
            }
        }
    }
}
