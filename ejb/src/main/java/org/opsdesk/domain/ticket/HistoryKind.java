package org.opsdesk.domain.ticket;

/** What a history entry records. Persisted by name. */
public enum HistoryKind {
    CREATED, STATUS, OWNER, PRIORITY, QUEUE, SUBJECT, DUE, REQUESTER_ADDED, CC_ADDED,
    REPLY_ADDED, COMMENT_ADDED, INBOUND_ADDED, LINK_ADDED, LINK_REMOVED, MERGED_INTO, MERGED_FROM,
    /** The monitoring reported on the ticket's alert (state change, acknowledgement, downtime, flapping). */
    ALERT, HOST_LINKED, HOST_UNLINKED, REQUESTER_REMOVED, CC_REMOVED,
    /** A message sent on by mail to someone outside the ticket (a vendor, another team). */
    FORWARDED,
    /** The time a pending ticket waits until, set or moved (any status change ends the wait). */
    PENDING_UNTIL,
    /** Time worked logged: the ticket's total before and after (minutes), the agent's note. */
    TIME_WORKED,
    /** A tag given to the ticket, or taken off it. */
    TAG_ADDED, TAG_REMOVED,
    /** An agent watching the ticket from now on (told of each new message), or no longer. */
    WATCHER_ADDED, WATCHER_REMOVED,
    /** A message of another ticket copied here to start this one (a new problem in an old thread), or split off. */
    SPLIT_FROM, SPLIT_OFF,
    /**
     * A deadline of the queue's service level passed: the old value the deadline, the new one {@code first response}
     * or {@code resolution}.
     */
    ESCALATED,
    /**
     * A deadline of the queue's service level nears (the share of its time the service level warns after passed):
     * the old value the deadline, the new one {@code first response} or {@code resolution}.
     */
    SLA_WARNING;

    /** Lower-case external code, e.g. {@code reply_added}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
