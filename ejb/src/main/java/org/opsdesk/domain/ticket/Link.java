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

/** A typed link from one ticket (its owner in the aggregate) to another. */
@Entity
@Table(name = "ticket_link")
public class Link {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_number")
    private Ticket source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private LinkType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_number")
    private Ticket target;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Link() {
        // JPA
    }

    Link(Ticket source, LinkType type, Ticket target, Instant createdAt) {
        this.source = source;
        this.type = type;
        this.target = target;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Ticket source() {
        return source;
    }

    public LinkType type() {
        return type;
    }

    public Ticket target() {
        return target;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Whether this link is of type {@code t} to {@code other}, or to the ticket {@code other} was merged into. */
    boolean is(LinkType t, Ticket other) {
        return type == t && target.current().number().equals(other.current().number());
    }
}
