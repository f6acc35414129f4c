package org.opsdesk.application;

import java.time.Instant;
import java.util.List;

/** What callers ask of tickets. Validation of values happens in the domain. */
public final class TicketCommands {

    private TicketCommands() {
    }

    /** A new ticket; {@code queue} null means the default queue. */
    public record CreateTicket(String queue, String subject, String body, String requester, List<String> cc,
            String priority, List<NewAttachment> attachments) {
    }

    /**
     * A reply or comment: text, optional HTML (sanitised on the way in), optional attachments; {@code timeWorked}: the
     * minutes the agent worked, logged with the message (null or 0: none).
     */
    public record AddMessage(String body, String html, List<NewAttachment> attachments, String status,
            Long expectedVersion, Integer timeWorked, Boolean signature) {

        public AddMessage(String body, String html, List<NewAttachment> attachments, String status,
                Long expectedVersion, Integer timeWorked) {
            this(body, html, attachments, status, expectedVersion, timeWorked, null);
        }

        public AddMessage(String body, String html, List<NewAttachment> attachments, String status,
                Long expectedVersion) {
            this(body, html, attachments, status, expectedVersion, null);
        }

        /** Whether a public reply gets its queue's signature (unless the caller says {@code false}). */
        public boolean signed() {
            return !Boolean.FALSE.equals(signature);
        }

        /** A message that changes no status, or changes it whatever changed since. */
        public AddMessage(String body, String html, List<NewAttachment> attachments, String status) {
            this(body, html, attachments, status, null);
        }
    }

    /**
     * A file to attach.
     *
     * @param contentId the Content-ID of a mail's inline part (without angle brackets), which its HTML shows as
     *                  {@code <img src="cid:...">}; null for other files
     */
    public record NewAttachment(String filename, String contentType, byte[] bytes, String contentId) {

        public NewAttachment(String filename, String contentType, byte[] bytes) {
            this(filename, contentType, bytes, null);
        }
    }

    /**
     * Fields to change; null leaves a field as it is ({@code clearDue} removes the due date). {@code requesters} and
     * {@code cc}: the whole new list of addresses (who is not on it any more is taken off).
     */
    public record ChangeTicket(String priority, String queue, String subject, Instant due, boolean clearDue,
            List<String> requesters, List<String> cc, List<String> tags, Long expectedVersion) {

        public ChangeTicket(String priority, String queue, String subject, Instant due, boolean clearDue,
                List<String> requesters, List<String> cc, Long expectedVersion) {
            this(priority, queue, subject, due, clearDue, requesters, cc, null, expectedVersion);
        }

        public ChangeTicket(String priority, String queue, String subject, Instant due, boolean clearDue,
                Long expectedVersion) {
            this(priority, queue, subject, due, clearDue, null, null, expectedVersion);
        }
    }

    /**
     * A message of the ticket sent on by mail; {@code message} null: the ticket's {@code messageToForward} (a
     * requester's latest); {@code note}: the agent's words above it.
     */
    public record ForwardMessage(Long message, List<String> to, List<String> cc, String note) {
    }

    /**
     * Filters, paging and sort of a ticket list. {@code owner} may be {@code me}; {@code overdue}: only tickets still
     * active (new, open, pending) whose due date has passed; {@code tag}: only tickets with that tag;
     * {@code escalated}: only tickets past a deadline of their service level (see {@code Ticket.isEscalated});
     * {@code organization}: only tickets with a requester of that organization (by name, any case).
     */
    public record TicketQuery(String queue, List<String> statuses, List<String> priorities, String owner,
            String requester, boolean unowned, boolean overdue, String text, int offset, int limit, String sort,
            String tag, String watcher, boolean escalated, String organization) {

        public TicketQuery(String queue, List<String> statuses, List<String> priorities, String owner,
                String requester, boolean unowned, boolean overdue, String text, int offset, int limit, String sort) {
            this(queue, statuses, priorities, owner, requester, unowned, overdue, text, offset, limit, sort, null,
                    null, false, null);
        }
    }
}
