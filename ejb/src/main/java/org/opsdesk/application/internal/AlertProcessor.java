package org.opsdesk.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.application.AlertNotification;
import org.opsdesk.application.AlertService.AlertOutcome;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.mail.MailOutcome;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.alert.Alert;
import org.opsdesk.domain.alert.AlertEvent;
import org.opsdesk.domain.alert.AlertEventType;
import org.opsdesk.domain.alert.AlertKey;
import org.opsdesk.domain.alert.AlertSeries;
import org.opsdesk.domain.alert.AlertSource;
import org.opsdesk.domain.alert.AlertState;
import org.opsdesk.domain.host.Host;
import org.opsdesk.domain.host.HostName;
import org.opsdesk.domain.host.HostTicket;
import org.opsdesk.domain.mail.InboundMail;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.ticket.MessageBody;
import org.opsdesk.domain.ticket.MessageOrigin;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.domain.ticket.TicketChanged;
import org.opsdesk.infrastructure.persistence.AlertRepository;
import org.opsdesk.infrastructure.persistence.HostRepository;
import org.opsdesk.infrastructure.persistence.MailRepository;
import org.opsdesk.infrastructure.persistence.TicketRepository;

/**
 * Handles a batch of notifications of one source in one transaction (the caller's answer follows its
 * commit): each finds its host and open alert, then opens, counts, notes or resolves the alert's
 * ticket as its type says, and always lands on the timeline. The open alert row is locked while a
 * notification works on it, so notifications of one key are handled one after the other; ticket
 * events are published after commit. Hosts and open alerts were created beforehand by
 * {@link AlertIntake}, so this transaction needs no second connection.
 * <p>
 * Where the monitoring says when an event happened, that time, not the order of arrival, decides: a problem older than
 * the last recovery reported of its key is stale (a retried or slow delivery) and opens nothing, and a recovery older
 * than the open alert's latest problem ended an earlier episode and closes nothing. Both are kept on the timeline.
 * Between notifications of which one gives no time, the order of arrival decides.
 */
@Stateless
public class AlertProcessor {

    private static final Logger LOG = Logger.getLogger(AlertProcessor.class.getName());

    @Inject
    AlertRepository alerts;

    @Inject
    MailRepository mail;

    @Inject
    HostRepository hosts;

    @Inject
    TicketRepository tickets;

    @EJB
    AlertIntake intake;

    @Inject
    TicketTriggers triggers;

    @Inject
    Clock clock;

    @Inject
    Event<TicketChanged> events;

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    /**
     * Handles {@code notifications} (in lock order: by key, see {@link AlertServiceBean}) of source {@code sourceId},
     * sent as {@code requesterId}.
     */
    public List<AlertOutcome> process(long sourceId, long requesterId, List<AlertNotification> notifications) {
        AlertSource s = AlertIntake.sourceStill(em, sourceId);
        Person requester = em.find(Person.class, requesterId);
        List<AlertOutcome> outcomes = new ArrayList<>();
        Set<AlertKey> openedHere = new HashSet<>();
        for (AlertNotification n : notifications) {
            outcomes.add(handle(s, requester, n, openedHere));
        }
        return outcomes;
    }

    /**
     * The alert of monitoring mail {@code inboundId}, and the mail's outcome, in one transaction. The mail is locked
     * first: a copy of it processed at the same time waits, then finds it delivered and answers a duplicate.
     */
    public MailOutcome processMail(long sourceId, long requesterId, AlertNotification n, long inboundId) {
        InboundMail m = mail.lockInbound(inboundId).orElseThrow(() -> new NotFoundException("mail_not_found",
                "There is no stored mail " + inboundId + "."));
        java.util.Optional<MailOutcome> duplicate = MailOutcome.duplicateIfDelivered(m);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        AlertOutcome o = process(sourceId, requesterId, List.of(n)).get(0);
        InboundMail.Disposition d = "created".equals(o.outcome()) ? InboundMail.Disposition.CREATED
                : o.ticket() == null ? InboundMail.Disposition.IGNORED : InboundMail.Disposition.APPENDED;
        m.delivered(d, o.ticket(), "alert " + o.type().toLowerCase(Locale.ROOT) + " of " + o.key() + " ("
                + AlertIntake.sourceStill(em, sourceId).name() + "): " + o.outcome(), clock.instant());
        return MailOutcome.of(m);
    }

    private AlertOutcome handle(AlertSource s, Person requester, AlertNotification n, Set<AlertKey> openedHere) {
        Instant now = clock.instant();
        AlertEventType type = AlertEventType.valueOf(n.requiredType().name());
        HostName hostName = hostNameOf(n.host());
        // resolved here without binding (the batch's pre-step bound any new name already): a bind inside this
        // transaction, in one of its own, would wait for a host row this one may hold
        Host host = hostName == null ? null
                : hosts.resolve(hostName).orElseGet(() -> intake.hostFor(hostName, n.address()));
        if (host != null) {
            // the first alert naming a host added by hand marks it (and holds its row): see Host#monitoredNow
            host.monitoredNow();
            host.seenAt(n.address(), now);
        }
        // the key names the host as found, not as written: a problem about web01.example.com and its recovery about
        // web01 are one alert (keyed as written, the recovery found no open alert and the ticket stayed open)
        AlertKey key = intake.keyFor(s, n, hostName, host);
        AlertState state = AlertState.of(n.state() == null || n.state().isBlank()
                ? (type.recovers() ? "OK" : null) : n.state());
        // one notification of a key at a time, whether or not an alert of it is open (the pre-step made the series;
        // made here should the key have changed since)
        AlertSeries series = alerts.seriesLocked(s, key).orElseGet(() -> {
            intake.ensureSeries(s, key);
            return alerts.seriesLocked(s, key).orElseThrow();
        });
        Work w = new Work(s, requester, n, type, host, key, state, now, openedHere, series, plausible(n.at(), now),
                plausible(n.since(), now));
        return switch (type) {
            case PROBLEM -> problem(w);
            case RECOVERY -> recovery(w);
            // the end of flapping or of a downtime in a recovered state is the last word on it: Nagios sends no
            // RECOVERY for a problem that recovered while flapping or in a downtime (kept on the timeline as it came)
            case FLAPPINGSTOP, DOWNTIMEEND -> state != null && state.isRecovered() ? recovery(w) : informational(w);
            default -> informational(w);
        };
    }

    /**
     * Everything one notification's handling needs; {@code at} and {@code since} are the notification's times where
     * plausible.
     */
    private record Work(AlertSource source, Person requester, AlertNotification n, AlertEventType type, Host host,
            AlertKey key, AlertState state, Instant now, Set<AlertKey> openedHere, AlertSeries series, Instant at,
            Instant since) {

        /**
         * When the monitoring says the problem it notifies held: when it began, else when it was notified. A problem
         * that began before the last recovery reported and fires again (Alertmanager resolved it for want of news from
         * Prometheus, which then sent it with its old startsAt) held after that recovery: a copy of the recovery
         * arriving late must not end it.
         */
        Instant problemAt() {
            if (since == null) {
                return at;
            }
            Instant recovered = series.lastRecoveryAt();
            return recovered != null && !since.isAfter(recovered) ? recovered.plusMillis(1) : since;
        }
    }

    /** The earliest time a notification may name; before it, a clock or a sender is wrong. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * {@code t}, or null (no time: the order of arrival decides) when it is before 2000 or more than a day ahead: a
     * recovery dated in the future made every later problem of its key stale, a problem dated so every recovery.
     */
    static Instant plausible(Instant t, Instant now) {
        return t == null || t.isBefore(EARLIEST) || t.isAfter(now.plus(java.time.Duration.ofDays(1))) ? null : t;
    }

    /** The host a notification names, or null when it names none or something that is no host name. */
    static HostName hostNameOf(String raw) {
        try {
            return HostName.ofNullable(raw);
        } catch (DomainException e) {
            LOG.fine(() -> "not a host name: " + AlertServiceBean.printable(raw));
            return null;
        }
    }

    private AlertOutcome problem(Work w) {
        AlertNotification n = w.n();
        if (w.series().isOver(w.at())) {
            // the problem had ended when this arrived. An alert the batch's first step opened for it, before a recovery
            // committed meanwhile showed it stale, has nothing counted on it: it closes again
            alerts.openLocked(w.source(), w.key()).filter(a -> a.count() == 0 && a.ticket() == null)
                    .ifPresent(a -> a.close(w.state(), w.now(), null));
            event(w, null, null);
            return outcome(w, "stale", null);
        }
        if (!w.openedHere().contains(w.key())) {
            // opened (and committed) apart, so that identical problems arriving at once meet at the unique key there
            // rather than roll back each other's batches; never after this batch opened the key itself: the opening
            // transaction would wait on this one's uncommitted row, which waits on it in turn
            intake.prepare(w.source(), w.key(), true, w.host() == null ? null : w.host().id(), n.service(),
                    w.state(), n.severity(), n.summary(), w.at(), false);
        }
        Alert alert = alerts.openLocked(w.source(), w.key()).orElse(null);
        if (alert == null) {
            // closed meanwhile: by a recovery earlier in this batch (not committed yet, so the opening transaction
            // still saw it open) or by a concurrent one (a flapping service). The problem opens it anew here, as it
            // would have a moment later; should a concurrent problem open it too, the unique key makes this a lost
            // race, and the request is made again
            alert = new Alert(w.source(), w.key(), w.host(), n.service(), w.state(), n.severity(), n.summary(),
                    w.now());
            alerts.add(alert);
            alerts.flush();
            w.openedHere().add(w.key());
        }
        AlertState old = alert.notified(w.state(), n.severity(), n.summary(), w.now(), w.problemAt());
        alert.pointToRunbook(n.runbookUrl());
        Ticket current = live(alert.ticket());
        String outcome;
        Ticket ticket;
        if (current != null && !current.status().isInactive()) {
            ticket = current;
            outcome = "repeated";
            if (old != null) {
                ticket.recordAlert(w.requester(), old.code(), w.state().code(), clip(n.summary(), 1000), w.now());
                publish(ticket, "alert", w);
            }
        } else {
            Ticket previous = current != null ? current
                    : alerts.lastTicket(w.source(), w.key(), null).map(this::live).orElse(null);
            if (current == null && previous != null && !previous.status().isInactive()) {
                // the last alert of this key recovered but its ticket was left open for a human: go on there
                ticket = previous;
                ticket.recordAlert(w.requester(), null, w.state().code(), "the problem is back", w.now());
                outcome = "repeated";
                publish(ticket, "alert", w);
            } else {
                ticket = openTicket(w);
                if (previous != null) {
                    ticket.referTo(previous, "alert " + w.key() + " fired again", w.now());
                }
                outcome = "created";
            }
            alert.trackedBy(ticket, w.now());
        }
        linkHost(w.host(), ticket, w.now());
        event(w, alert, ticket);
        return outcome(w, outcome, ticket);
    }

    private Ticket openTicket(Work w) {
        AlertNotification n = w.n();
        Queue queue = w.source().queue();
        Ticket t = new Ticket(queue, subject(n, w.host(), w.state()), w.requester(), null,
                w.source().priorityFor(n.severity(), w.state().code()), w.requester(), w.now());
        tickets.add(t);
        t.receive(w.requester(), body(w.requester(), details(n, w.host(), w.state())), MessageOrigin.MONITORING,
                w.now());
        triggers.run(t, org.opsdesk.domain.ticket.Trigger.Channel.MONITORING, w.requester(), w.now());
        publish(t, "created", w);
        return t;
    }

    private AlertOutcome recovery(Work w) {
        AlertNotification n = w.n();
        // known from now on even if it closes nothing: should its problem arrive after it, it is known to be over
        w.series().recoveryReported(w.at());
        Alert alert = alerts.openLocked(w.source(), w.key()).orElse(null);
        if (alert == null) {
            event(w, null, null);
            return outcome(w, "recorded", null);
        }
        if (alert.isLaterThan(w.at())) {
            // the end of an earlier episode, arriving after the problem fired again
            event(w, alert, null);
            return outcome(w, "stale", null);
        }
        alert.close(w.state(), w.now(), w.at());
        Ticket ticket = live(alert.ticket());
        // an alert opened by a problem's first step and not counted yet (the problem will prove stale) closes quietly
        String outcome = alert.count() == 0 ? "recorded" : "recovered";
        if (ticket != null && !ticket.status().isInactive()) {
            if (w.type() != AlertEventType.RECOVERY) { // the end of flapping or of a downtime, on record as itself
                ticket.recordAlert(w.requester(), null, w.type().name(), w.type().name().toLowerCase(Locale.ROOT)
                        + " (" + w.state().code() + ")", w.now());
            }
            StringBuilder text = new StringBuilder("Recovered: ").append(w.state().code());
            if (n.details() != null && !n.details().isBlank()) {
                text.append("\n\n").append(n.details().strip());
            } else if (n.summary() != null && !n.summary().isBlank()) {
                text.append("\n\n").append(n.summary().strip());
            }
            // a ticket that merged several alerts' tickets is resolved by the last of them to recover, not the first
            long stillOpen = alerts.openOnTicketExcept(ticket, alert);
            if (stillOpen > 0) {
                text.append("\n\n").append(stillOpen).append(stillOpen == 1 ? " other alert is" : " other alerts are")
                        .append(" still open on this ticket.");
            }
            ticket.noteFromMonitoring(w.requester(), body(w.requester(), text.toString()), w.now());
            if (w.source().resolvesOnRecovery() && stillOpen == 0
                    && ticket.resolveOnRecovery(w.requester(), "recovered (" + w.state().code() + ")", w.now())) {
                outcome = "resolved";
            }
            publish(ticket, "resolved".equals(outcome) ? "status" : "comment_added", w);
        }
        event(w, alert, ticket);
        return outcome(w, outcome, ticket);
    }

    private AlertOutcome informational(Work w) {
        AlertNotification n = w.n();
        Alert alert = alerts.openLocked(w.source(), w.key()).orElse(null);
        Ticket ticket = alert == null ? null : live(alert.ticket());
        if (ticket != null && ticket.status().isInactive()) {
            ticket = null;
        }
        if (alert != null) {
            alert.touched(w.now());
        }
        if (ticket != null) {
            StringBuilder note = new StringBuilder();
            if (w.type() == AlertEventType.ACKNOWLEDGEMENT) {
                note.append("acknowledged");
            } else {
                note.append(w.type().name().toLowerCase(Locale.ROOT)).append(" (").append(w.state().code())
                        .append(")");
            }
            if (n.author() != null && !n.author().isBlank()) {
                note.append(" by ").append(n.author().strip());
            }
            if (n.comment() != null && !n.comment().isBlank()) {
                note.append(": ").append(n.comment().strip());
            }
            ticket.recordAlert(w.requester(), null, w.type().name(), note.toString(), w.now());
            publish(ticket, "alert", w);
        }
        event(w, alert, ticket);
        return outcome(w, "recorded", ticket);
    }

    private void event(Work w, Alert alert, Ticket ticket) {
        AlertNotification n = w.n();
        String output = n.details() != null && !n.details().isBlank() ? n.details() : n.summary();
        alerts.add(new AlertEvent(w.source(), w.key(), alert, w.host(), ticket == null ? null : ticket.number(),
                n.service(), w.type(), w.state(), output, n.author(), n.comment(), w.now(),
                w.at() != null ? w.at() : w.since()));
    }

    private void linkHost(Host host, Ticket ticket, Instant now) {
        if (host != null && !hosts.linked(host, ticket)) {
            hosts.add(HostTicket.byAlert(host, ticket, now));
        }
    }

    /** The ticket as it lives now (a merged ticket is followed to where it was merged). */
    private Ticket live(Ticket t) {
        return t == null ? null : tickets.resolve(t.number()).orElse(t);
    }

    private void publish(Ticket t, String change, Work w) {
        events.fire(new TicketChanged(t.number(), change, w.requester().handle(), w.now()));
    }

    private static AlertOutcome outcome(Work w, String outcome, Ticket t) {
        return new AlertOutcome(w.key().value(), w.host() == null ? null : w.host().name(), w.type().name(), outcome,
                t == null ? null : t.number());
    }

    /**
     * {@code web01: Disk /var is CRITICAL}: the summary when the sender gave one (prefixed with the
     * host unless it names it), else built from host, service and state.
     */
    static String subject(AlertNotification n, Host host, AlertState state) {
        String h = host != null ? host.name() : n.host();
        String summary = n.summary() == null ? null : n.summary().replaceAll("\\s+", " ").strip();
        String s;
        if (summary != null && !summary.isEmpty()) {
            boolean named = h == null || summary.toLowerCase(Locale.ROOT).contains(h.toLowerCase(Locale.ROOT))
                    || (host != null && summary.toLowerCase(Locale.ROOT).contains(host.shortName()));
            s = named ? summary : h + ": " + summary;
        } else if (n.service() != null && !n.service().isBlank()) {
            s = (h == null ? "" : h + ": ") + n.service().strip() + " is " + state.code();
        } else if (h != null) {
            s = h + " is " + state.code();
        } else {
            s = "Alert " + (n.key() == null ? "" : n.key()) + " is " + state.code();
        }
        return s.length() > Ticket.MAX_SUBJECT ? s.substring(0, Ticket.MAX_SUBJECT - 1) + "…" : s;
    }

    static String details(AlertNotification n, Host host, AlertState state) {
        StringBuilder b = new StringBuilder();
        if (n.details() != null && !n.details().isBlank()) {
            b.append(n.details().strip()).append("\n\n");
        } else if (n.summary() != null && !n.summary().isBlank()) {
            b.append(n.summary().strip()).append("\n\n");
        }
        line(b, "Host", host == null ? n.host() : host.name()
                + (n.address() != null && !n.address().isBlank() && !n.address().equalsIgnoreCase(host.name())
                        ? " (" + n.address().strip() + ")" : ""));
        line(b, "Service", n.service());
        line(b, "State", state.code());
        line(b, "Severity", n.severity());
        line(b, "Runbook", n.runbookUrl());
        if (!n.labels().isEmpty()) {
            StringBuilder l = new StringBuilder();
            new TreeMap<>(n.labels()).forEach((k, v) -> l.append(l.length() == 0 ? "" : ", ").append(k).append('=')
                    .append(v));
            line(b, "Labels", l.toString());
        }
        return b.toString().strip();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append(label).append(": ").append(value.strip()).append('\n');
        }
    }

    private static MessageBody body(Person from, String text) {
        return new MessageBody(text, null, List.of(), from.email() == null ? null : from.email().value(), null, null);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
