package org.opsdesk.application;

import java.time.Instant;
import java.util.List;

/** Read models of tickets, built inside the transaction (nothing lazy escapes it). */
public final class TicketViews {

    private TicketViews() {
    }

    /**
     * A ticket with everything the ticket page shows; {@code messageToForward}: the message a forward naming none
     * sends (see {@code Ticket.messageToForward}), null without messages; {@code replyTo}: who a public reply is
     * mailed to (empty: nobody, it stays on the ticket); {@code pendingUntil}: when a pending ticket opens again.
     */
    public record TicketView(long number, long version, String subject, String queue, String status,
            List<String> allowedStatuses, String priority, String owner, List<String> requesters, List<String> cc,
            Instant createdAt, Instant updatedAt, Instant resolvedAt, Instant due, Instant pendingUntil,
            List<LinkView> links, List<MessageView> messages, List<Long> mergedNumbers, Long messageToForward,
            List<String> replyTo, int timeWorked, List<String> tags, List<String> watchers, ServiceLevelView sla,
            List<String> organizations) {
    }

    /**
     * A ticket's deadlines under its queue's service level (null: none applies); {@code escalated}: past one with the
     * clock running (see {@code Ticket.isEscalated}); {@code nearing}: not past one, but past its warning (see
     * {@code Ticket.isNearingDeadline}).
     */
    public record ServiceLevelView(Instant responseDue, Instant firstResponseAt, Instant resolutionDue,
            boolean escalated, boolean nearing) {
    }

    /** Time logged on a ticket: who, when, how many minutes, with which message (if any), and why. */
    public record TimeEntryView(long id, long ticket, String agent, int minutes, Instant at, Long message,
            String note) {
    }

    /** A canned response filled in for a ticket: the wiki page it comes from, its title and its text. */
    public record CannedResponse(String page, String title, String text) {
    }

    /**
     * A row of a ticket list; {@code overdue}: see {@code Ticket.isOverdue}; {@code escalated}: {@code isEscalated};
     * {@code nextDeadline}: {@code Ticket.nextDeadline}.
     */
    public record TicketSummary(long number, String subject, String queue, String status, String priority,
            String owner, List<String> requesters, Instant createdAt, Instant updatedAt, Instant due,
            boolean overdue, int timeWorked, boolean escalated, Instant nextDeadline) {
    }

    /** A message; {@code original} says whether the mail it was read from is kept for download, as it arrived. */
    public record MessageView(long id, String kind, String author, String from, Instant createdAt, String text,
            String html, List<AttachmentView> attachments, boolean original) {
    }

    /** A file of a message; {@code contentId} is set for an inline part its HTML shows ({@code cid:}). */
    public record AttachmentView(long id, String filename, String contentType, long size, String sha256,
            String contentId) {
    }

    /** A link as seen from this ticket: outgoing ({@code refers-to}) or incoming ({@code referred-to-by}). */
    public record LinkView(String type, long number, String subject, String status) {
    }

    public record HistoryView(long id, Instant at, String actor, String kind, String oldValue, String newValue,
            String note) {
    }

    /** An attachment's bytes for download. */
    public record AttachmentData(String filename, String contentType, byte[] bytes) {
    }
}
