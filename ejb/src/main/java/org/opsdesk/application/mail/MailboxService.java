package org.opsdesk.application.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.opsdesk.application.Caller;

/** Mailboxes OpsDesk polls: admins manage them; the poller claims and reports on them. */
public interface MailboxService {

    /**
     * What admins see (never the password). {@code defaultPort}: the port is the protocol's for its security, and
     * follows a change of either.
     */
    record MailboxView(long id, String name, String protocol, String host, int port, boolean defaultPort,
            String security,
            String username, String folder, String queue, String action, String alertSource, int pollSeconds,
            boolean enabled, Instant lastPollAt, String lastError) {
    }

    /** What admins send; null leaves a field as it is (password: write-only). */
    record MailboxCommand(String name, String protocol, String host, Integer port, String security, String username,
            String password, String folder, String queue, String action, String alertSource, Integer pollSeconds,
            Boolean enabled) {
    }

    /**
     * What the poller needs to connect; {@code maxMessageBytes}: the largest message it takes in (the server's
     * request limit, as for the pipe client).
     */
    record Connection(long id, String name, String protocol, String host, int port, String security,
            String username, String password, String folder, String queue, String action, String alertSource,
            long maxMessageBytes) {
    }

    List<MailboxView> list(Caller caller);

    MailboxView create(MailboxCommand command, Caller caller);

    MailboxView update(String name, MailboxCommand command, Caller caller);

    void delete(String name, Caller caller);

    /** Claims the next mailbox whose poll is due (one worker per mailbox), if any. */
    Optional<Connection> claimDue();

    void polled(long id, String error);

    /**
     * At start-up: releases the claims a stopped server left behind (killed mid-poll), so its mailboxes are polled
     * at once rather than when the lease runs out. One OpsDesk server works on a database.
     */
    int releaseClaims();
}
