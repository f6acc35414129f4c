package org.opsdesk.domain.alert;

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

import org.opsdesk.domain.host.Host;

/**
 * One notification as it arrived, kept forever: when, what type, which state, the output, who acknowledged with which
 * comment, when the monitoring says it happened; attached to its alert when there is one and to its host, so a
 * recovery or a downtime without an open alert is on the host's timeline rather than dropped. Immutable.
 */
@Entity
@Table(name = "alert_event")
public class AlertEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "alert_id", updatable = false)
    private Alert alert;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "host_id", updatable = false)
    private Host host;

    @Column(name = "ticket_number", updatable = false)
    private Long ticketNumber;

    @Column(name = "source_name", nullable = false, updatable = false, length = 64)
    private String sourceName;

    @Column(name = "alert_key", nullable = false, updatable = false, length = 500)
    private String alertKey;

    @Column(name = "service", updatable = false, length = 255)
    private String service;

    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false, length = 16)
    private AlertEventType type;

    @Column(name = "state", nullable = false, updatable = false, length = AlertState.MAX)
    private String state;

    @Column(name = "output", updatable = false, length = 4000)
    private String output;

    @Column(name = "author", updatable = false, length = 254)
    private String author;

    @Column(name = "comment_text", updatable = false, length = 4000)
    private String comment;

    @Column(name = "reported_at", updatable = false)
    private Instant reportedAt;

    protected AlertEvent() {
        // JPA
    }

    /**
     * A notification about {@code key} of {@code source} that arrived {@code at}; {@code alert}, {@code host}, ticket
     * may be null, and so may {@code reportedAt}, when the monitoring says it happened.
     */
    public AlertEvent(AlertSource source, AlertKey key, Alert alert, Host host, Long ticketNumber, String service,
            AlertEventType type, AlertState state, String output, String author, String comment, Instant at,
            Instant reportedAt) {
        this.sourceName = source.name();
        this.alertKey = key.value();
        this.alert = alert;
        this.host = host;
        this.ticketNumber = ticketNumber;
        this.service = clip(service, 255);
        this.type = type;
        this.state = state.code();
        this.output = clip(output, 4000);
        this.author = clip(author, 254);
        this.comment = clip(comment, 4000);
        this.at = at;
        this.reportedAt = reportedAt;
    }

    private static String clip(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public Alert alert() {
        return alert;
    }

    public Host host() {
        return host;
    }

    public Long ticketNumber() {
        return ticketNumber;
    }

    public String sourceName() {
        return sourceName;
    }

    public String alertKey() {
        return alertKey;
    }

    public String service() {
        return service;
    }

    public Instant at() {
        return at;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public AlertEventType type() {
        return type;
    }

    public AlertState state() {
        return new AlertState(state);
    }

    public String output() {
        return output;
    }

    public String author() {
        return author;
    }

    public String comment() {
        return comment;
    }
}
