package org.opsdesk.domain.ticket;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.opsdesk.domain.DomainException;

/**
 * The life cycle of a ticket. The enum owns the only allowed moves:
 * <pre>
 * new      → open | resolved | rejected
 * open     → pending | resolved | rejected
 * pending  → open | resolved
 * resolved → open | closed
 * closed   → open (admins only)
 * rejected → open
 * </pre>
 * Persisted by its stable {@link #code()}, never by ordinal.
 */
public enum TicketStatus {
    NEW("new"),
    OPEN("open"),
    PENDING("pending"),
    RESOLVED("resolved"),
    CLOSED("closed"),
    REJECTED("rejected");

    private final String code;
    private Set<TicketStatus> next;

    static {
        NEW.next = EnumSet.of(OPEN, RESOLVED, REJECTED);
        OPEN.next = EnumSet.of(PENDING, RESOLVED, REJECTED);
        PENDING.next = EnumSet.of(OPEN, RESOLVED);
        RESOLVED.next = EnumSet.of(OPEN, CLOSED);
        CLOSED.next = EnumSet.of(OPEN);
        REJECTED.next = EnumSet.of(OPEN);
        for (TicketStatus s : values()) {
            s.next = Collections.unmodifiableSet(s.next);
        }
    }

    TicketStatus(String code) {
        this.code = code;
    }

    /** The stable external code ({@code "open"}), used in the API and the database. */
    public String code() {
        return code;
    }

    /** The statuses this one may move to. */
    public Set<TicketStatus> allowedNext() {
        return next;
    }

    public boolean canTransitionTo(TicketStatus target) {
        return next.contains(target);
    }

    /** Whether moving from this status to {@code target} needs an admin ({@code closed → open}). */
    public boolean requiresAdminFor(TicketStatus target) {
        return this == CLOSED && target == OPEN;
    }

    /** The codes of the statuses that are {@link #isInactive} or not, in the order of a ticket's life. */
    public static java.util.List<String> codes(boolean inactive) {
        return java.util.Arrays.stream(values()).filter(s -> s.isInactive() == inactive).map(TicketStatus::code)
                .toList();
    }

    /** Work on the ticket is finished (resolved, closed or rejected). */
    public boolean isInactive() {
        return this == RESOLVED || this == CLOSED || this == REJECTED;
    }

    /** Final for everyone but an admin. */
    public boolean isClosed() {
        return this == CLOSED;
    }

    /** Throws a conflict naming the allowed moves unless {@code target} is one of them. */
    public void checkTransitionTo(TicketStatus target) {
        if (!canTransitionTo(target)) {
            String allowed = next.stream().map(TicketStatus::code).collect(Collectors.joining(", "));
            throw DomainException.conflict("illegal_transition",
                    "A " + code + " ticket cannot become " + target.code + "; allowed: " + allowed + ".");
        }
    }

    public static TicketStatus fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (TicketStatus s : values()) {
                if (s.code.equals(c)) {
                    return s;
                }
            }
        }
        throw DomainException.invalid("unknown_status", "Unknown status '" + code + "'; use one of: "
                + Arrays.stream(values()).map(TicketStatus::code).collect(Collectors.joining(", ")) + ".");
    }
}
