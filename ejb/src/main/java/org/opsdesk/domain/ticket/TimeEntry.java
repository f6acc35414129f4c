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
 * Time an agent worked on a ticket (RT's Time Worked, Zammad's time accounting): who, when, how many minutes (a
 * negative entry corrects an earlier one), and the message it was logged with, if any. Created only by
 * {@link Ticket#logTime}; never changed. An entry stays with the ticket it was logged on when that ticket is merged
 * (the ticket it went into counts its total).
 */
@Entity
@Table(name = "time_entry")
public class TimeEntry {

    public static final int MAX_NOTE = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_number", updatable = false)
    private Ticket ticket;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agent_id", updatable = false)
    private Person agent;

    @Column(name = "minutes", nullable = false, updatable = false)
    private int minutes;

    @Column(name = "worked_at", nullable = false, updatable = false)
    private Instant workedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "message_id", updatable = false)
    private Message message;

    @Column(name = "note", updatable = false, length = MAX_NOTE)
    private String note;

    protected TimeEntry() {
        // JPA
    }

    TimeEntry(Ticket ticket, Person agent, int minutes, Instant workedAt, Message message, String note) {
        this.ticket = ticket;
        this.agent = agent;
        this.minutes = minutes;
        this.workedAt = workedAt;
        this.message = message;
        this.note = note;
    }

    public Long id() {
        return id;
    }

    public Ticket ticket() {
        return ticket;
    }

    public Person agent() {
        return agent;
    }

    public int minutes() {
        return minutes;
    }

    public Instant workedAt() {
        return workedAt;
    }

    public Message message() {
        return message;
    }

    public String note() {
        return note;
    }
}
