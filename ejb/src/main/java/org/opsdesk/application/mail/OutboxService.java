package org.opsdesk.application.mail;

import java.time.Instant;
import java.util.List;

import org.opsdesk.application.Caller;
import org.opsdesk.application.Page;
import org.opsdesk.application.TicketCommands.NewAttachment;

/** The outbox the sender drains: what is due, claim, sent or failed. */
public interface OutboxService {

    /**
     * One mail to send, with everything its MIME form needs; {@code claim} tells this sender's claim from a later
     * one (see {@link #sent} and {@link #failed}).
     */
    record OutgoingMail(long id, String kind, Long ticket, String messageId, String fromAddress, String fromName,
            String replyTo, List<String> to, List<String> cc, String subject, String text, String html,
            String inReplyTo, String references, String autoSubmitted, String loopHeader, String loopValue,
            List<NewAttachment> attachments, long claim) {
    }

    record OutboxEntry(long id, String kind, Long ticket, String messageId, List<String> to, List<String> cc,
            String subject, String state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
            Instant sentAt) {
    }

    /**
     * How to reach the SMTP relay beyond the server's mail session: its login ({@code OPSDESK_SMTP_USER}, {@code
     * OPSDESK_SMTP_PASSWORD}; none when blank) and the longest wait for it ({@code OPSDESK_SMTP_TIMEOUT_SECONDS}).
     */
    record SmtpRelay(String user, String password, java.time.Duration timeout) {

        @Override
        public String toString() {
            return "SmtpRelay[user=" + user + ", timeout=" + timeout + "]"; // never the password
        }
    }

    SmtpRelay relay();

    /** Ids of queued mail whose next attempt is due, oldest first. */
    List<Long> due(int limit);

    /** Takes one mail for sending (commits); empty when another sender took it or it is not due. */
    java.util.Optional<OutgoingMail> claim(long id);

    /** The mail went out; nothing happens when another sender claimed it since ({@code claim} no longer holds). */
    default void sent(long id, long claim) {
        sent(id, claim, List.of(), null);
    }

    /**
     * The mail went out to some of its recipients: the relay refused {@code refused} for good (their people are
     * marked as bounced, which pauses automatic mail to them), and {@code note} says who did not get it and why.
     */
    void sent(long id, long claim, List<String> refused, String note);

    /** The attempt failed: queued for a retry, unless another sender claimed the mail since. */
    void failed(long id, long claim, String error);

    /**
     * The relay refused every recipient for good (5xx): failed now, without retries, and the recipients' people
     * are marked as bounced.
     */
    void refused(long id, long claim, List<String> refused, String error);

    /**
     * The mail could not even be taken for sending (its row or its attachments failed to load): an attempt is
     * counted, so that it is retried later and given up in the end instead of blocking the mail queued after it.
     */
    void unclaimable(long id, String error);

    Page<OutboxEntry> list(String state, Long ticket, int offset, int limit, Caller caller);

    /** A ticket's mail that has not gone out after a try, or was given up (up to 20): what its page warns of. */
    List<OutboxEntry> unsent(long ticket, Caller caller);
}
