package org.opsdesk.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Monitoring intake and its read side. {@link #receive} handles notifications: a PROBLEM opens one
 * ticket per alert key (also under concurrent identical notifications), repeats count, a RECOVERY
 * comments and resolves (if the source says so), everything else is recorded on the ticket or the
 * host's timeline. Each call is one transaction: when it returns, the effect is committed.
 * Alert sources are managed by admins; their secrets authenticate tools that cannot send a header.
 */
public interface AlertService {

    /**
     * The most alerts one call takes, in one transaction per call. A request of more (an outage fires one alert on
     * thousands of targets, which Alertmanager sends in one notification) is split by its caller, each part retried
     * on its own after a lost race: refused whole (a 4xx, which Alertmanager never resends), every alert was lost.
     */
    int MAX_BATCH = 100;

    /** What became of one notification. {@code outcome}: created, repeated, recorded, resolved, recovered, stale. */
    record AlertOutcome(String key, String host, String type, String outcome, Long ticket) {
    }

    /** A source as admins see it (never the secret; {@code secret} is set only in the answer that made it). */
    record SourceView(long id, String name, String queue, boolean resolveOnRecovery, Map<String, String> priorities,
            boolean hasSecret, String requester, Instant createdAt, String secret, List<String> mailSenders) {
    }

    /**
     * What admins send; null leaves a field as it is. {@code secret}: a new secret to store (its SHA-256);
     * {@code generateSecret} makes one and answers it once; {@code removeSecret} drops it.
     */
    record SourceCommand(String name, String queue, Boolean resolveOnRecovery, Map<String, String> priorities,
            String secret, Boolean generateSecret, Boolean removeSecret, List<String> mailSenders) {
    }

    record HostSummary(long id, String name, String shortName, String address, List<String> aliases,
            List<String> tags, long openTickets, Instant updatedAt) {
    }

    record HostTicketView(long number, String subject, String status, String priority, Instant createdAt,
            Instant resolvedAt) {
    }

    record AlertView(long id, String source, String key, String service, String state, String severity,
            String summary, int count, Instant firstSeen, Instant lastSeen, Instant closedAt, Long ticket,
            boolean open) {
    }

    record AlertEventView(long id, Instant at, String source, String key, String service, String type, String state,
            String output, String author, String comment, Long ticket, Instant reportedAt) {
    }

    /**
     * A host with its tickets (open first), its alerts, its timeline (newest first), and its runbooks: pages naming
     * the host (or an alias) and pages covering the alerts raised on it. {@code monitored}: monitoring has reported on
     * it, and its record keeps it (it cannot be deleted: see {@link #deleteHost}).
     */
    record HostView(long id, String name, String shortName, String address, List<String> aliases, List<String> tags,
            String notes, Instant createdAt, Instant updatedAt, boolean monitored, List<HostTicketView> openTickets,
            List<HostTicketView> pastTickets, List<AlertView> alerts, List<AlertEventView> timeline,
            List<WikiService.PageSummary> runbooks) {
    }

    /** An agent's edit of a host; null leaves a field as it is. */
    record HostCommand(String address, List<String> aliases, List<String> tags, String notes) {
    }

    /** Handles notifications of {@code source} sent by an authenticated agent or token holder. */
    List<AlertOutcome> receive(String source, List<AlertNotification> notifications, Caller caller);

    /**
     * Handles notifications of {@code source} authenticated by the source's own secret; a wrong or
     * missing secret (or an unknown source) throws {@link AlertSecretRejectedException}.
     */
    List<AlertOutcome> receiveWithSecret(String source, String secret, List<AlertNotification> notifications);

    /**
     * Checks a source's secret before its request body is read, so that a caller without the secret learns
     * nothing from validation errors.
     *
     * @throws AlertSecretRejectedException for a wrong or missing secret or an unknown source
     */
    void checkSecret(String source, String secret);

    /**
     * The alert of a monitoring mail that OpsDesk itself received for {@code source} (a pipe or mailbox that an admin
     * marked as that source's intake), stored as mail {@code inboundId}: the alert and the mail's outcome commit
     * together, so that a copy of the mail, or the mail processed again after a crash, records no second alert (it
     * answers {@code duplicate}). Refused: an unknown source, and (403 {@code sender_not_allowed}) a sender that is
     * none of those the source names.
     */
    org.opsdesk.application.mail.MailOutcome receiveFromMail(String source, String mailFrom, AlertNotification alert,
            long inboundId);

    List<SourceView> sources(Caller caller);

    SourceView createSource(SourceCommand command, Caller caller);

    SourceView updateSource(String name, SourceCommand command, Caller caller);

    void deleteSource(String name, Caller caller);

    /**
     * The hosts whose name, alias, tag or address holds {@code query}, by name: {@link #HOSTS_PAGE} from
     * {@code offset}.
     */
    List<HostSummary> hosts(String query, int offset, Caller caller);

    /** The most hosts one call lists. */
    int HOSTS_PAGE = 500;

    HostView host(String name, Caller caller);

    HostView updateHost(String name, HostCommand command, Caller caller);

    /** A host an agent adds by hand: one no monitoring reports (yet), to link tickets and runbooks to. */
    record NewHost(String name, String address, List<String> aliases, List<String> tags, String notes) {
    }

    /**
     * Adds a host; 409 {@code host_exists} when its name already names one (by name, alias or short name), 409
     * {@code alias_taken} when an alias does.
     */
    HostView createHost(NewHost command, Caller caller);

    /**
     * Deletes a host no monitoring has reported on (one added by hand with a typo, say): its tickets are unlinked, in
     * their history; 409 {@code host_monitored} when alerts name it (their record needs it).
     */
    void deleteHost(String name, Caller caller);

    /** The hosts a ticket is about, and known hosts its subject or messages name that it is not linked to yet. */
    record TicketHosts(List<HostSummary> linked, List<HostSummary> suggested) {
    }

    TicketHosts ticketHosts(long number, Caller caller);

    /**
     * The alerts that opened or joined a ticket, the latest first: each with its state, how often monitoring has
     * repeated it ({@code count}) and when it was last seen.
     */
    List<AlertView> ticketAlerts(long number, Caller caller);

    /** An agent links the ticket to a host (by name, short name or alias); linking twice is harmless. */
    TicketHosts linkHost(long number, String host, Caller caller);

    TicketHosts unlinkHost(long number, String host, Caller caller);
}
