package org.opsdesk.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.alert.Alert;
import org.opsdesk.domain.alert.AlertEvent;
import org.opsdesk.domain.alert.AlertKey;
import org.opsdesk.domain.alert.AlertSeries;
import org.opsdesk.domain.alert.AlertSource;
import org.opsdesk.domain.host.Host;
import org.opsdesk.domain.ticket.Ticket;

/** Finds and stores alert sources, alerts and the notification timeline. */
@ApplicationScoped
public class AlertRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    @jakarta.inject.Inject
    RowLocks rows;

    /**
     * Holds the source as the parent of rows about to name it (its first series and alerts, in a batch's pre-step:
     * while it has no alert, an admin may delete it; see {@link RowLocks#holdParent}); false when it is gone.
     */
    public boolean holdSource(long id) {
        return rows.holdParent("alert_source", id);
    }

    public Optional<AlertSource> source(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return em.createQuery("select s from AlertSource s where s.name = :n", AlertSource.class)
                .setParameter("n", name.strip().toLowerCase(java.util.Locale.ROOT)).getResultStream().findFirst();
    }

    public List<AlertSource> sources() {
        return em.createQuery("select s from AlertSource s order by s.name", AlertSource.class).getResultList();
    }

    public void add(AlertSource source) {
        em.persist(source);
    }

    public void remove(AlertSource source) {
        em.remove(source);
    }

    public boolean hasAlerts(AlertSource source) {
        return !em.createQuery("select a.id from Alert a where a.source = :s", Long.class).setParameter("s", source)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The open alert of this key, locked for the rest of the transaction (one writer per key at a time). */
    public Optional<Alert> openLocked(AlertSource source, AlertKey key) {
        return em.createQuery("select a from Alert a where a.openKey = :k", Alert.class)
                .setParameter("k", Alert.openKeyOf(source, key)).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public boolean anyOpen(AlertSource source, AlertKey key) {
        return !em.createQuery("select a.id from Alert a where a.openKey = :k", Long.class)
                .setParameter("k", Alert.openKeyOf(source, key)).getResultList().isEmpty();
    }

    /** The newest ticket an alert of this key opened, other than {@code except}. */
    public Optional<Ticket> lastTicket(AlertSource source, AlertKey key, Ticket except) {
        var q = em.createQuery("select a.ticket from Alert a where a.source = :s and a.alertKey = :k"
                + " and a.ticket is not null" + (except == null ? "" : " and a.ticket <> :t")
                + " order by a.ticket.number desc", Ticket.class)
                .setParameter("s", source).setParameter("k", key.value());
        if (except != null) {
            q.setParameter("t", except);
        }
        return q.setMaxResults(1).getResultStream().findFirst();
    }

    /** The series of {@code key}, locked until the transaction ends: its notifications are handled one at a time. */
    public Optional<AlertSeries> seriesLocked(AlertSource source, AlertKey key) {
        return seriesQuery(source, key).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** The series of {@code key} as committed, not locked. */
    public Optional<AlertSeries> series(AlertSource source, AlertKey key) {
        return seriesQuery(source, key).getResultStream().findFirst();
    }

    private jakarta.persistence.TypedQuery<AlertSeries> seriesQuery(AlertSource source, AlertKey key) {
        return em.createQuery("select s from AlertSeries s where s.source = :s and s.alertKey = :k", AlertSeries.class)
                .setParameter("s", source).setParameter("k", key.value());
    }

    public void add(AlertSeries series) {
        em.persist(series);
    }

    public void add(Alert alert) {
        em.persist(alert);
    }

    public void add(AlertEvent event) {
        em.persist(event);
    }

    /** Whether any alert or monitoring event names the host (its record stays then). */
    public boolean hasMonitoringOf(Host host) {
        return !em.createQuery("select a.id from Alert a where a.host = :h", Long.class).setParameter("h", host)
                .setMaxResults(1).getResultList().isEmpty()
                || !em.createQuery("select e.id from AlertEvent e where e.host = :h", Long.class).setParameter("h", host)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The host's alerts, the open ones first, then the newest. */
    public List<Alert> alertsOf(Host host, int limit) {
        // never counted: opened for a problem that proved stale (see AlertProcessor), or by a batch that failed
        return em.createQuery("select a from Alert a join fetch a.source where a.host = :h and a.count > 0"
                + " order by case when a.openKey is null then 1 else 0 end, a.id desc", Alert.class)
                .setParameter("h", host).setMaxResults(limit).getResultList();
    }

    /** How many alerts other than {@code except} are open on a ticket (a merge gathers several on one). */
    public long openOnTicketExcept(Ticket ticket, Alert except) {
        return em.createQuery("select count(a) from Alert a where a.ticket = :t and a.openKey is not null"
                + " and a.id <> :except", Long.class).setParameter("t", ticket).setParameter("except", except.id())
                .getSingleResult();
    }

    /** Moves the alerts of a ticket merged into another to that one (their repeats already count there). */
    public int moveToTicket(Ticket from, Ticket to) {
        return em.createQuery("update Alert a set a.ticket = :to where a.ticket = :from")
                .setParameter("to", to).setParameter("from", from).executeUpdate();
    }

    public List<Alert> alertsOfTicket(long ticketNumber, int limit) {
        return em.createQuery("select a from Alert a join fetch a.source where a.ticket.number = :n"
                + " order by a.lastSeen desc, a.id desc", Alert.class)
                .setParameter("n", ticketNumber).setMaxResults(limit).getResultList();
    }

    public List<AlertEvent> timelineOf(Host host, int limit) {
        return em.createQuery("select e from AlertEvent e where e.host = :h order by e.id desc", AlertEvent.class)
                .setParameter("h", host).setMaxResults(limit).getResultList();
    }

    public void flush() {
        em.flush();
    }

    /** Distinct service (alert) names that alerts were raised for, e.g. {@code KubePodCrashLooping}. */
    public List<String> alertNames() {
        return em.createQuery("select distinct a.service from Alert a where a.service is not null order by a.service",
                String.class).getResultList();
    }

    /** Alert names (service) of the alerts that opened or joined {@code ticketNumber}. */
    public List<String> alertNamesOf(long ticketNumber) {
        return em.createQuery("select distinct a.service from Alert a where a.ticket.number = :n"
                + " and a.service is not null", String.class).setParameter("n", ticketNumber).getResultList();
    }

    /** Names of the hosts the alerts of {@code ticketNumber} were about. */
    public List<String> hostNamesOf(long ticketNumber) {
        return em.createQuery("select distinct h.name from HostTicket ht join ht.host h"
                + " where ht.ticket.number = :n", String.class).setParameter("n", ticketNumber).getResultList();
    }

    /** Every distinct runbook URL that monitoring sent. */
    public List<String> runbookUrls() {
        return em.createQuery("select distinct a.runbookUrl from Alert a where a.runbookUrl is not null"
                + " order by a.runbookUrl", String.class).getResultList();
    }

    public List<String> runbookUrlsOf(long ticketNumber) {
        return em.createQuery("select distinct a.runbookUrl from Alert a where a.ticket.number = :n"
                + " and a.runbookUrl is not null", String.class).setParameter("n", ticketNumber).getResultList();
    }
}
