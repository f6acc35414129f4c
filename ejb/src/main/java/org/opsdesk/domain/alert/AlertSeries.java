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

/**
 * Everything a source ever notified about one key, as far as the order of its notifications goes: the row they lock
 * one after the other (an {@link Alert} row exists only while a problem is open, so without this a problem and a
 * recovery of a key with no open alert passed each other), and the latest end of the problem the monitoring reported.
 * A problem notified before that end is stale: it had ended when it arrived.
 */
@Entity
@Table(name = "alert_series")
public class AlertSeries {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id", updatable = false)
    private AlertSource source;

    @Column(name = "alert_key", nullable = false, updatable = false, length = 500)
    private String alertKey;

    @Column(name = "last_recovery_at")
    private Instant lastRecoveryAt;

    protected AlertSeries() {
        // JPA
    }

    public AlertSeries(AlertSource source, AlertKey key) {
        if (source.id() == null) {
            throw new IllegalStateException("the source must be stored first");
        }
        this.source = source;
        this.alertKey = key.value();
    }

    /** The monitoring reported an end of the problem at {@code at} (null: it did not say when). */
    public void recoveryReported(Instant at) {
        if (at != null && (lastRecoveryAt == null || at.isAfter(lastRecoveryAt))) {
            lastRecoveryAt = at;
        }
    }

    /**
     * Whether a problem the monitoring notified at {@code at} had ended before it arrived (false when either time is
     * unknown: then the order of arrival decides).
     */
    public boolean isOver(Instant at) {
        return at != null && lastRecoveryAt != null && at.isBefore(lastRecoveryAt);
    }

    public Long id() {
        return id;
    }

    public AlertKey key() {
        return new AlertKey(alertKey);
    }

    public Instant lastRecoveryAt() {
        return lastRecoveryAt;
    }
}
