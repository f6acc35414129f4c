package org.opsdesk.domain.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One immutable change of a ticket: who, when, what, the old and the new value. Created only by
 * {@link Ticket}; no column is ever updated.
 */
@Entity
@Table(name = "ticket_history")
public class HistoryEntry {

    /** The actor recorded for changes nobody made by hand. */
    public static final String SYSTEM = org.opsdesk.domain.party.Person.SYSTEM;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_number", updatable = false)
    private Ticket ticket;

    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    @Column(name = "actor", nullable = false, updatable = false, length = 254)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 32)
    private HistoryKind kind;

    @Column(name = "old_value", updatable = false, length = 1000)
    private String oldValue;

    @Column(name = "new_value", updatable = false, length = 1000)
    private String newValue;

    @Column(name = "note", updatable = false, length = 4000)
    private String note;

    protected HistoryEntry() {
        // JPA
    }

    HistoryEntry(Ticket ticket, Instant at, String actor, HistoryKind kind, String oldValue, String newValue,
            String note) {
        this.ticket = ticket;
        this.at = at;
        this.actor = actor == null ? SYSTEM : actor;
        this.kind = kind;
        this.oldValue = clip(oldValue, 1000);
        this.newValue = clip(newValue, 1000);
        this.note = clip(note, 4000);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public HistoryKind kind() {
        return kind;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }

    public String note() {
        return note;
    }
}
