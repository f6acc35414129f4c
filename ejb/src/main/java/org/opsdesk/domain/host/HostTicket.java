package org.opsdesk.domain.host;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.opsdesk.domain.ticket.Ticket;

/**
 * A ticket is about a host: set automatically for the tickets alerts open ({@code alert}), later also
 * by agents ({@code manual}). Immutable; one row per host and ticket.
 */
@Entity
@Table(name = "host_ticket")
public class HostTicket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "host_id", updatable = false)
    private Host host;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_number", updatable = false)
    private Ticket ticket;

    @Column(name = "origin", nullable = false, updatable = false, length = 16)
    private String origin;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected HostTicket() {
        // JPA
    }

    /** {@code ticket} is about {@code host} because an alert said so. */
    public static HostTicket byAlert(Host host, Ticket ticket, Instant now) {
        HostTicket l = new HostTicket();
        l.host = host;
        l.ticket = ticket;
        l.origin = "alert";
        l.createdAt = now;
        return l;
    }

    /** An agent said {@code ticket} is about {@code host}. */
    public static HostTicket byAgent(Host host, Ticket ticket, Instant now) {
        HostTicket l = byAlert(host, ticket, now);
        l.origin = "manual";
        return l;
    }

    public Long id() {
        return id;
    }

    public Host host() {
        return host;
    }

    public Ticket ticket() {
        return ticket;
    }

    public String origin() {
        return origin;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
