package org.opsdesk.domain.ticket;

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

import org.opsdesk.domain.party.Person;

/**
 * An agent watching a ticket (RT's AdminCc, Zammad's subscriber): told by mail of each new message on it. Created and
 * ended only by {@link Ticket#watch} and {@link Ticket#unwatch}. A row of its own, not a join table that the ticket
 * owns: watching changes nothing another agent's open page would overwrite, so it leaves the ticket's version alone.
 */
@Entity
@Table(name = "ticket_watcher")
public class Watcher {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_number", updatable = false)
    private Ticket ticket;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", updatable = false)
    private Person agent;

    @Column(name = "since", nullable = false, updatable = false)
    private Instant since;

    protected Watcher() {
        // JPA
    }

    Watcher(Ticket ticket, Person agent, Instant since) {
        this.ticket = ticket;
        this.agent = agent;
        this.since = since;
    }

    public Person agent() {
        return agent;
    }

    public Instant since() {
        return since;
    }
}
