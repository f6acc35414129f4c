package org.opsdesk.domain.alert;

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

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.host.Host;
import org.opsdesk.domain.ticket.Ticket;

/**
 * One problem a source reports, from its first PROBLEM to its RECOVERY: key, host, service, current
 * state, how often and when it was notified, and the ticket it opened. While open it holds
 * {@code open_key} (source and key), which the database keeps unique: at most one open alert per key,
 * however many notifications arrive at once. Closing clears it, so the key may open a new alert later.
 */
@Entity
@Table(name = "alert")
public class Alert {

    public static final int MAX_SUMMARY = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id", updatable = false)
    private AlertSource source;

    @Column(name = "alert_key", nullable = false, updatable = false, length = 500)
    private String alertKey;

    @Column(name = "open_key", unique = true, length = 520)
    private String openKey;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "host_id")
    private Host host;

    @Column(name = "service", length = 255)
    private String service;

    @Column(name = "state", nullable = false, length = AlertState.MAX)
    private String state;

    @Column(name = "severity", length = 64)
    private String severity;

    @Column(name = "summary", length = MAX_SUMMARY)
    private String summary;

    @Column(name = "notifications", nullable = false)
    private int count;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "problem_at")
    private Instant problemAt;

    @Column(name = "recovered_at")
    private Instant recoveredAt;

    @Column(name = "runbook_url", length = 1000)
    private String runbookUrl;

    // eager: the ticket is compared and linked by the ticket aggregate, which reads other tickets' fields
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "ticket_number")
    private Ticket ticket;

    protected Alert() {
        // JPA
    }

    /**
     * A new open alert for {@code key}; no notification is counted yet: whoever processes the
     * notification calls {@link #notified}.
     */
    public Alert(AlertSource source, AlertKey key, Host host, String service, AlertState state, String severity,
            String summary, Instant now) {
        if (source.id() == null) {
            throw new IllegalStateException("the source must be stored first");
        }
        this.source = source;
        this.alertKey = key.value();
        this.openKey = openKeyOf(source, key);
        this.host = host;
        this.service = clip(service, 255);
        this.state = state.code();
        this.severity = clip(severity, 64);
        this.summary = clip(summary, MAX_SUMMARY);
        this.firstSeen = now;
        this.lastSeen = now;
    }

    /** The value that is unique among open alerts: the source's id and the key. */
    public static String openKeyOf(AlertSource source, AlertKey key) {
        return source.id() + ":" + key.value();
    }

    /**
     * A PROBLEM notification for this alert: one more, seen now, in {@code next} state, which the monitoring says
     * happened at {@code reported} (null: it does not say). Answers the previous state when it changed (a history
     * entry is due), else null. A notification older than the latest problem reported is counted but changes nothing:
     * a WARNING sent before the CRITICAL that arrived first is not the state now.
     */
    public AlertState notified(AlertState next, String newSeverity, String newSummary, Instant now, Instant reported) {
        requireOpen();
        count++;
        lastSeen = now;
        if (isLaterThan(reported)) {
            return null;
        }
        if (reported != null) {
            problemAt = reported;
        }
        if (newSeverity != null && !newSeverity.isBlank()) {
            severity = clip(newSeverity, 64);
        }
        if (newSummary != null && !newSummary.isBlank()) {
            summary = clip(newSummary, MAX_SUMMARY);
        }
        if (next.code().equals(state)) {
            return null;
        }
        AlertState old = state();
        state = next.code();
        return old;
    }

    /** The runbook the monitoring names for this alert (its latest {@code runbook_url}). */
    public void pointToRunbook(String url) {
        if (url != null && !url.isBlank()) {
            this.runbookUrl = clip(url.strip(), 1000);
        }
    }

    public String runbookUrl() {
        return runbookUrl;
    }

    /** Another notification (acknowledgement, downtime, flapping, custom) touched this alert. */
    public void touched(Instant now) {
        lastSeen = now;
    }

    /** The alert opened {@code t} (or goes on, after a human resolved its ticket, on the new {@code t}). */
    public void trackedBy(Ticket t, Instant now) {
        requireOpen();
        if (ticket != null && t != ticket) {
            count = 1;
            firstSeen = now;
        }
        ticket = t;
    }

    /**
     * Whether the latest problem the monitoring reported is later than {@code reported}: a notification of that time
     * is older news than this alert's state (false when either time is unknown: then arrival order decides).
     */
    public boolean isLaterThan(Instant reported) {
        return reported != null && problemAt != null && reported.isBefore(problemAt);
    }

    /**
     * The problem is over, the monitoring says at {@code reported} (null: it does not say): the key is free for a new
     * alert.
     */
    public void close(AlertState finalState, Instant now, Instant reported) {
        requireOpen();
        state = finalState.code();
        lastSeen = now;
        closedAt = now;
        recoveredAt = reported;
        openKey = null;
    }

    private void requireOpen() {
        if (openKey == null) {
            throw DomainException.conflict("alert_closed", "Alert " + alertKey + " is closed.");
        }
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public AlertSource source() {
        return source;
    }

    public AlertKey key() {
        return new AlertKey(alertKey);
    }

    public boolean isOpen() {
        return openKey != null;
    }

    public Host host() {
        return host;
    }

    public String service() {
        return service;
    }

    public AlertState state() {
        return new AlertState(state);
    }

    public String severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }

    public int count() {
        return count;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** When the monitoring says the latest problem happened, or null when it never said. */
    public Instant problemAt() {
        return problemAt;
    }

    /** When the monitoring says the problem ended, or null (open, or it did not say). */
    public Instant recoveredAt() {
        return recoveredAt;
    }

    public Ticket ticket() {
        return ticket;
    }
}
