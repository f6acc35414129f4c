package org.opsdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.OneLine;
import org.opsdesk.domain.queue.Queue;

/**
 * A named set of changes an agent applies to a ticket in one go (Zammad's macros, Znuny's ticket templates): a
 * priority, a queue, an internal note, tags added and taken off, the caller taking or releasing the ticket, and a
 * status, applied in that order; what it leaves out stays as it is. Admins keep them; names are unique in any case.
 */
@Entity
@Table(name = "macro")
public class Macro {

    public static final int MAX_NAME = 100;
    public static final int MAX_NOTE = 10_000;
    /** What a macro does with the owner: the caller takes the ticket, or releases it. */
    public static final List<String> OWNER_ACTIONS = List.of("take", "release");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    /** The name lower-cased: unique, so that "Close as spam" and "close as SPAM" are one macro. */
    @Column(name = "name_key", nullable = false, length = MAX_NAME)
    private String nameKey;

    @Column(length = MAX_NOTE)
    private String note;

    @Column(length = 16)
    private String status;

    @Column(length = 16)
    private String priority;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "queue_id")
    private Queue queue;

    @Column(name = "owner_action", length = 16)
    private String ownerAction;

    /** Tags separated by spaces (a tag holds none). */
    @Column(name = "add_tags", length = 1400)
    private String addTags;

    @Column(name = "remove_tags", length = 1400)
    private String removeTags;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Macro() {
        // JPA
    }

    public Macro(String name, Instant now) {
        rename(name, now);
    }

    /** A macro's name as stored: on one line, 1-{@value #MAX_NAME} characters (400 {@code invalid_macro_name}). */
    public static String validName(String name) {
        return OneLine.name(name, MAX_NAME, "invalid_macro_name", "A macro");
    }

    /** The key names are unique by. */
    public static String key(String name) {
        return validName(name).toLowerCase(Locale.ROOT);
    }

    public void rename(String newName, Instant now) {
        this.name = validName(newName);
        this.nameKey = name.toLowerCase(Locale.ROOT);
        this.updatedAt = now;
    }

    /**
     * Sets what the macro does: each null or blank leaves that part of a ticket alone. Tags are checked as a ticket's
     * ({@link Ticket#validTag}), at most {@value Ticket#MAX_TAGS} each way, none both added and taken off; a macro that
     * changes nothing is refused (400 {@code empty_macro}).
     */
    public void define(String newNote, TicketStatus newStatus, Priority newPriority, Queue newQueue,
            String newOwnerAction, List<String> add, List<String> remove, Instant now) {
        String n = newNote == null || newNote.isBlank() ? null : newNote.strip();
        if (n != null && (n.length() > MAX_NOTE || n.indexOf('\0') >= 0)) {
            throw DomainException.invalid("invalid_macro_note", "A macro's note is text of at most " + MAX_NOTE
                    + " characters.");
        }
        String owner = newOwnerAction == null || newOwnerAction.isBlank() ? null
                : newOwnerAction.strip().toLowerCase(Locale.ROOT);
        if (owner != null && !OWNER_ACTIONS.contains(owner)) {
            throw DomainException.invalid("invalid_owner_action", "A macro's owner action is take or release, not '"
                    + newOwnerAction + "'.");
        }
        Set<String> adding = tags(add);
        Set<String> removing = tags(remove);
        for (String t : adding) {
            if (removing.contains(t)) {
                throw DomainException.invalid("invalid_tags", "A macro cannot add and take off '" + t + "' at once.");
            }
        }
        if (newStatus == TicketStatus.NEW) {
            throw DomainException.invalid("invalid_macro_status", "A macro cannot set a ticket new again: no status"
                    + " goes back to new.");
        }
        if (n == null && newStatus == null && newPriority == null && newQueue == null && owner == null
                && adding.isEmpty() && removing.isEmpty()) {
            throw DomainException.invalid("empty_macro", "A macro changes something: a note, tags, the priority, the"
                    + " queue, the owner or the status.");
        }
        this.note = n;
        this.status = newStatus == null ? null : newStatus.code();
        this.priority = newPriority == null ? null : newPriority.code();
        this.queue = newQueue;
        this.ownerAction = owner;
        this.addTags = Ticket.joinedTags(adding);
        this.removeTags = Ticket.joinedTags(removing);
        this.updatedAt = now;
    }

    private static Set<String> tags(List<String> tags) {
        return Ticket.validTags(tags, "A macro adds or takes off at most %d tags each.");
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The internal note it adds; null: none. */
    public String note() {
        return note;
    }

    public TicketStatus status() {
        return status == null ? null : TicketStatus.fromCode(status);
    }

    public Priority priority() {
        return priority == null ? null : Priority.fromCode(priority);
    }

    public Queue queue() {
        return queue;
    }

    /** {@code take}, {@code release}, or null. */
    public String ownerAction() {
        return ownerAction;
    }

    public List<String> addTags() {
        return Ticket.splitTags(addTags);
    }

    public List<String> removeTags() {
        return Ticket.splitTags(removeTags);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
