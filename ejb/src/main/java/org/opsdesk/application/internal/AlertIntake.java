package org.opsdesk.application.internal;

import java.time.Clock;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.application.AlertNotification;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.alert.Alert;
import org.opsdesk.domain.alert.AlertKey;
import org.opsdesk.domain.alert.AlertSeries;
import org.opsdesk.domain.alert.AlertSource;
import org.opsdesk.domain.alert.AlertState;
import org.opsdesk.domain.host.Host;
import org.opsdesk.domain.host.HostName;
import org.opsdesk.infrastructure.persistence.AlertRepository;
import org.opsdesk.infrastructure.persistence.ConstraintViolations;
import org.opsdesk.infrastructure.persistence.HostRepository;
import org.opsdesk.infrastructure.search.SearchOutboxWriter;

/**
 * The rows that many notifications may race to create: a host and an open alert. Each is created in a
 * transaction of its own. Hosts are created one at a time under the lock on host names (one host may be named
 * by its short and its qualified name); for an open alert the database's unique constraint (open key) lets one
 * win and the loser finds the winner's row and goes on as a repeat.
 */
@Stateless
public class AlertIntake {

    @Inject
    HostRepository hosts;

    @Inject
    AlertRepository alerts;

    @Inject
    Clock clock;

    @EJB
    AlertIntake self;

    @Inject
    SearchOutboxWriter searchOutbox;

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    /**
     * The host {@code name} names: by its name or an alias; else, on first sight of the name, the host it stands for
     * by a short name, with the name bound to it as an alias (committed), or a new host (committed).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Host hostFor(HostName name, String address) {
        return hosts.resolveDirectly(name).orElseGet(() -> em.find(Host.class, self.bindOrCreateHost(name, address)));
    }

    /**
     * The id of the host {@code name} names once no one else creates hosts or binds names: the one a concurrent alert
     * created or bound meanwhile, else the host it stands for by a short name (the name is bound to it from now on:
     * see {@link Host#bind}), else a new one.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long bindOrCreateHost(HostName name, String address) {
        hosts.lockNames();
        Optional<Host> direct = hosts.resolveDirectly(name);
        if (direct.isPresent()) {
            return direct.get().id();
        }
        Optional<Host> indirect = hosts.resolveIndirectly(name);
        if (indirect.isPresent()) {
            indirect.get().bind(name);
            indirect.get().monitoredNow();
            hosts.flush();
            searchOutbox.hostNamesChanged(indirect.get(), clock.instant());
            return indirect.get().id();
        }
        Host h = new Host(name, address, clock.instant());
        h.monitoredNow(); // made for an alert
        hosts.add(h);
        hosts.flush();
        return h.id();
    }

    /**
     * Marks a host added by hand as monitored (committed apart): see {@link Host#monitoredNow}. A host gone meanwhile
     * (an agent deleted it) is a lost race, made again on the fresh state (the host is then made anew); another
     * request marking it at the same moment is just as good.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void markMonitored(long hostId) {
        try {
            self.markMonitoredNow(hostId);
        } catch (RuntimeException e) {
            Host again = em.find(Host.class, hostId);
            if (!org.opsdesk.application.LostRaces.isLostRace(e) || again == null || !again.isMonitored()) {
                throw e;
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markMonitoredNow(long hostId) {
        Host h = em.find(Host.class, hostId);
        if (h == null) {
            throw hostGone(hostId);
        }
        h.monitoredNow();
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw new org.opsdesk.application.ConcurrentChangeException(e);
        }
    }

    /**
     * The key of a notification's alert: with the host as OpsDesk knows it (a problem about web01.example.com and its
     * recovery about web01 are one alert), unless an alert is open under the name as the notification wrote it and
     * none under the known one: such an alert was opened before keys named the host as known, and this notification
     * goes on with it rather than beside it.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AlertKey keyFor(AlertSource source, AlertNotification n, HostName named, Host host) {
        AlertKey known = n.keyNaming(host != null ? HostName.of(host.name()) : named);
        if (host == null || named == null || named.value().equals(host.name())) {
            return known;
        }
        AlertKey written = n.keyNaming(named);
        return !written.equals(known) && !alerts.anyOpen(source, known) && alerts.anyOpen(source, written)
                ? written : known;
    }

    /**
     * Makes sure the series of this key exists (committed), and, for a problem, an open alert of it, unless the
     * problem was notified ({@code at}; null: the sender gives no time) before the last end of it reported: such a
     * problem is stale (see {@link AlertSeries#isOver}). A unique violation means another notification created the row
     * at the same moment, which is just as good. {@code holdParents}: called by a batch's pre-step, in no transaction
     * of the caller's (see {@link #createOpen}).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void prepare(AlertSource source, AlertKey key, boolean problem, Long hostId, String service,
            AlertState state, String severity, String summary, java.time.Instant at, boolean holdParents) {
        Optional<AlertSeries> series = alerts.series(source, key);
        boolean open = problem && alerts.anyOpen(source, key);
        try {
            if (problem && !open && series.map(s -> !s.isOver(at)).orElse(true)) {
                self.createOpen(source.id(), key, hostId, service, state, severity, summary, holdParents);
            } else if (series.isEmpty()) {
                self.createSeries(source.id(), key, holdParents);
            }
        } catch (RuntimeException e) {
            // lost the race: the winner's rows are there now, and this notification goes on with them
            if (!ConstraintViolations.isViolation(e) || alerts.series(source, key).isEmpty()) {
                throw e;
            }
        }
    }

    /**
     * Makes sure the series of this key exists (committed apart: made in the caller's transaction, it would hold the
     * key's unique index against the transaction that opens an alert apart, which the caller may wait for).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void ensureSeries(AlertSource source, AlertKey key) {
        try {
            self.createSeries(source.id(), key, false);
        } catch (RuntimeException e) {
            // made at the same moment by another notification, which is just as good
            if (!ConstraintViolations.isViolation(e) || alerts.series(source, key).isEmpty()) {
                throw e;
            }
        }
    }

    /**
     * A batch's source read again in a transaction of the batch: 400 {@code unknown_source} when it was deleted since
     * the batch read it (an admin's delete as its first alerts, or recoveries, arrived).
     */
    static AlertSource sourceStill(EntityManager em, long sourceId) {
        AlertSource source = em.find(AlertSource.class, sourceId);
        if (source == null) {
            throw DomainException.invalid("unknown_source", "The alert source was deleted as these alerts arrived.");
        }
        return source;
    }

    /** Makes the series of the key (committed apart); {@code holdParents} as for {@link #createOpen}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createSeries(long sourceId, AlertKey key, boolean holdParents) {
        AlertSource source = sourceStill(em, sourceId);
        holdSourceWhileUnused(source, holdParents);
        ConstraintViolations.insertUnique(() -> {
            addSeriesIfNone(source, key);
            alerts.flush();
        });
    }

    /**
     * Holds the source's row while it has no alert (the first ones wait for one another, no later one does): an
     * admin's delete then comes before (400 {@code unknown_source}) or after (refused, its alerts keep it).
     */
    private void holdSourceWhileUnused(AlertSource source, boolean holdParents) {
        if (holdParents && !alerts.hasAlerts(source) && !alerts.holdSource(source.id())) {
            throw DomainException.invalid("unknown_source", "The alert source was deleted as these alerts arrived.");
        }
    }

    private static org.opsdesk.application.ConcurrentChangeException hostGone(long hostId) {
        return new org.opsdesk.application.ConcurrentChangeException("host " + hostId
                + " was deleted as its first alert arrived", null);
    }

    private void addSeriesIfNone(AlertSource source, AlertKey key) {
        if (alerts.series(source, key).isEmpty()) {
            alerts.add(new AlertSeries(source, key));
        }
    }

    /**
     * Opens an alert of the key (committed apart). The first alert of a source may be stored as an admin deletes it
     * (a source with alerts is not deleted): with {@code holdParents} its row is held first while it has none ({@link
     * org.opsdesk.infrastructure.persistence.RowLocks#holdParent}), and a source gone meanwhile is refused. Only in a
     * batch's pre-step, which has marked the host as monitored already ({@link #markMonitored}). A host gone meanwhile
     * is a lost race, made again (the host is then made anew).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createOpen(long sourceId, AlertKey key, Long hostId, String service, AlertState state,
            String severity, String summary, boolean holdParents) {
        AlertSource source = sourceStill(em, sourceId);
        holdSourceWhileUnused(source, holdParents);
        if (alerts.anyOpen(source, key)) {
            return;
        }
        Host host = hostId == null ? null : em.find(Host.class, hostId);
        if (hostId != null && host == null) {
            throw hostGone(hostId);
        }
        ConstraintViolations.insertUnique(() -> {
            addSeriesIfNone(source, key);
            alerts.add(new Alert(source, key, host, service, state, severity, summary, clock.instant()));
            alerts.flush();
        });
    }
}
