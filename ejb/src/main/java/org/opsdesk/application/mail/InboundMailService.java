package org.opsdesk.application.mail;

import java.time.Instant;
import java.util.List;

import org.opsdesk.application.Caller;
import org.opsdesk.application.Page;

/** Raw inbound mail: stored first, delivered or quarantined after, listed and re-processed by agents. */
public interface InboundMailService {

    /** The answer of {@link #store}: the stored row, or the one stored earlier with the same key. */
    record Stored(long id, boolean duplicate, MailOutcome earlier) {
    }

    /** A stored message and what it was received for. */
    record RawMail(long id, byte[] raw, String source, String queue, String action, String alertSource,
            String state, String disposition) {

        /** Kept without being delivered to a ticket: quarantined, or ignored (what admins may look at raw). */
        public boolean keptAside() {
            return "QUARANTINED".equals(state) || "IGNORED".equals(disposition);
        }
    }

    record StoredMail(long id, Instant receivedAt, String source, String queue, String messageId, long size,
            String reason, int attempts, String sha256) {
    }

    /** Stores the raw bytes in a transaction of its own; a second copy of the same mail is not stored. */
    Stored store(byte[] raw, String messageId, String source, String queue, String action, String alertSource);

    RawMail raw(long id);

    /** Mail stored longer ago than {@code olderThan} but never processed (the server stopped in between). */
    List<Long> stuck(java.time.Duration olderThan, int limit);

    /** Carries out the gateway's decision inside the caller's transaction and marks the mail delivered. */
    MailOutcome deliver(long id, String queue, String action, MailDelivery delivery);

    /** Marks the mail quarantined with the reason, in a transaction of its own. */
    MailOutcome quarantine(long id, String reason);

    Page<StoredMail> quarantined(int offset, int limit, Caller caller);

    /**
     * Mail the gateway kept and ignored, newest first: from blocked senders, loops of automatic mail, auto-replies and
     * delivery reports to no ticket, monitoring mail about an alert whose ticket is gone; each with why. Never lost,
     * only not on a ticket.
     */
    Page<StoredMail> ignored(int offset, int limit, Caller caller);

    /** An ignored mail's raw bytes, for admins (404 {@code mail_not_found} for any other mail). */
    byte[] ignoredRaw(long id, Caller caller);

    /** Checks that the caller may re-process the message and that it is quarantined (or stuck). */
    void checkReprocessable(long id, Caller caller);

    void delete(long id, Caller caller);

    /** How many stored mails are in each state/disposition, e.g. {@code delivered/created: 12}. */
    java.util.Map<String, Long> stats(Caller caller);
}
