package org.opsdesk.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.opsdesk.application.AlertNotification;
import org.opsdesk.application.AlertSecretRejectedException;
import org.opsdesk.application.AlertService;
import org.opsdesk.application.Caller;
import org.opsdesk.application.ConcurrentChangeException;
import org.opsdesk.application.LostRaces;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.Page;
import org.opsdesk.application.WikiService;
import org.opsdesk.application.mail.MailOutcome;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.alert.Alert;
import org.opsdesk.domain.alert.AlertKey;
import org.opsdesk.domain.alert.AlertSource;
import org.opsdesk.domain.alert.AlertState;
import org.opsdesk.domain.host.Host;
import org.opsdesk.domain.host.HostName;
import org.opsdesk.domain.host.HostTicket;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.domain.ticket.TicketChanged;
import org.opsdesk.infrastructure.persistence.AlertRepository;
import org.opsdesk.infrastructure.persistence.HostRepository;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.QueueRepository;
import org.opsdesk.infrastructure.persistence.TicketRepository;
import org.opsdesk.infrastructure.search.SearchOutboxWriter;
import org.opsdesk.infrastructure.security.Secrets;

/**
 * The alert use cases. Intake runs outside a transaction: it first creates (each committed on its
 * own, so racing requests agree) the source's requester, the hosts and the open alerts a batch
 * needs, then hands the batch to {@link AlertProcessor}, whose one transaction has committed when
 * {@code receive} returns. Sources (admins) and hosts (agents) are managed here too.
 */
@Stateless
public class AlertServiceBean implements AlertService {

    private static final Logger LOG = Logger.getLogger(AlertServiceBean.class.getName());
    static final int MIN_SECRET = 16;
    /** The most alerts a ticket lists (a ticket that monitoring reopens keeps joining alerts). */
    static final int MAX_TICKET_ALERTS = 200;
    /**
     * What a host's page lists: every open ticket (up to a storm's worth), the newest past tickets, its alerts (the
     * open ones first) and the newest notifications of its timeline.
     */
    static final int MAX_OPEN_LISTED = 1_000;
    static final int MAX_PAST_LISTED = 500;
    static final int MAX_ALERTS_LISTED = 200;
    static final int MAX_TIMELINE_LISTED = 500;

    @Inject
    AlertRepository alerts;

    @Inject
    HostRepository hosts;

    @Inject
    QueueRepository queues;

    @Inject
    PersonRepository people;

    @Inject
    TicketRepository tickets;

    @EJB
    CustomerDirectory customers;

    @EJB
    AlertIntake intake;

    @EJB
    AlertProcessor processor;

    @Inject
    org.opsdesk.infrastructure.persistence.MailRepository mail;

    @EJB
    WikiService wiki;

    @Inject
    Clock clock;

    @Inject
    SearchOutboxWriter searchOutbox;

    @Inject
    jakarta.enterprise.event.Event<TicketChanged> events;

    // ------------------------------------------------------------------ intake

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<AlertOutcome> receive(String source, List<AlertNotification> notifications, Caller caller) {
        Agents.require(people, caller);
        AlertSource s = alerts.source(source).orElseThrow(() -> DomainException.invalid("unknown_source",
                "There is no alert source '" + printable(source) + "'; an admin creates it (POST /api/alerts/sources)."));
        return handle(s, notifications);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<AlertOutcome> receiveWithSecret(String source, String secret, List<AlertNotification> notifications) {
        return handle(withSecret(source, secret), notifications);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void checkSecret(String source, String secret) {
        withSecret(source, secret);
    }

    private AlertSource withSecret(String source, String secret) {
        String hash = secret == null || secret.isEmpty() ? null : Secrets.sha256Hex(secret);
        return alerts.source(source).filter(x -> x.acceptsSecret(hash))
                .orElseThrow(() -> new AlertSecretRejectedException(printable(source)));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MailOutcome receiveFromMail(String source, String mailFrom, AlertNotification alert, long inboundId) {
        AlertSource s = alerts.source(source).orElseThrow(() -> DomainException.invalid("unknown_alert_source",
                "There is no alert source '" + printable(source) + "' for this mail intake."));
        if (!s.acceptsMailFrom(mailFrom)) {
            // webhooks prove themselves with the source's secret; mail by its sender, when the source names them
            throw DomainException.forbidden("sender_not_allowed", "Monitoring mail from " + printable(mailFrom)
                    + " is not an alert of source '" + s.name() + "', which takes mail from "
                    + String.join(", ", s.mailSenders()) + " only.");
        }
        // a copy of a mail delivered before does not get as far as the steps that commit on their own (a late copy
        // would otherwise open an alert again after its recovery); one at the same moment is found under the lock
        java.util.Optional<MailOutcome> duplicate = mail.inbound(inboundId).flatMap(MailOutcome::duplicateIfDelivered);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        return parentsKept(() -> {
            Prepared p = prepare(s, List.of(alert));
            return processor.processMail(s.id(), p.requester().id(), p.ordered().get(0), inboundId);
        });
    }

    /**
     * Runs intake work whose source or host an admin may delete meanwhile: the broken foreign key that the delete
     * leaves this transaction is a lost race, and made again the request meets the deletion (400 unknown_source, a new
     * host). Only here: elsewhere a broken key is a bug, not a race.
     */
    private static <T> T parentsKept(java.util.function.Supplier<T> intake) {
        try {
            return intake.get();
        } catch (RuntimeException e) {
            if (LostRaces.isParentDeleted(e)) {
                throw new ConcurrentChangeException("an alert source or host was deleted as its alerts arrived", e);
            }
            throw e;
        }
    }

    private List<AlertOutcome> handle(AlertSource s, List<AlertNotification> notifications) {
        Prepared p = parentsKept(() -> prepare(s, notifications));
        List<AlertOutcome> handled = parentsKept(() -> processor.process(s.id(), p.requester().id(), p.ordered()));
        // answered in the order asked, so that a sender may match its alerts to the outcomes by position
        AlertOutcome[] answer = new AlertOutcome[handled.size()];
        for (int i = 0; i < p.positions().length; i++) {
            answer[p.positions()[i]] = handled.get(i);
        }
        return List.of(answer);
    }

    /** Notifications checked and made ready, in lock order; {@code positions}: where each came in the request. */
    private record Prepared(Person requester, List<AlertNotification> ordered, int[] positions) {
    }

    /**
     * Checks the notifications and commits, each on its own, what their transaction would otherwise race to create:
     * the source's requester, hosts, alert series.
     */
    private Prepared prepare(AlertSource s, List<AlertNotification> notifications) {
        if (notifications == null || notifications.isEmpty()) {
            throw DomainException.invalid("no_alerts", "The request carries no alert.");
        }
        if (notifications.size() > MAX_BATCH) {
            throw DomainException.invalid("too_many_alerts", "At most " + MAX_BATCH + " alerts per call.");
        }
        // outside any transaction: the rows many requests race to create, each committed on its own
        Person requester = people.byEmail(s.requesterAddress())
                .orElseGet(() -> customers.personFor(s.requesterAddress()));
        notifications.forEach(AlertNotification::check); // every one checked before any is taken, or a host made
        List<Host> hostsNamed = new ArrayList<>();
        List<AlertKey> keys = new ArrayList<>();
        for (AlertNotification n : notifications) {
            HostName hostName = AlertProcessor.hostNameOf(n.host());
            Host host = hostName == null ? null : intake.hostFor(hostName, n.address());
            if (host != null && !host.isMonitored()) {
                // a host added by hand, named by monitoring for the first time: marked in a short transaction of its
                // own, not in the batch's, which would hold its row to the end (see Host#monitoredNow)
                intake.markMonitored(host.id());
            }
            hostsNamed.add(host);
            keys.add(intake.keyFor(s, n, hostName, host));
        }
        // one lock order for every request, by the keys whose rows are locked: two batches never wait on each other
        // in a circle (a stable sort: one key's notifications keep the order they came in)
        int[] positions = java.util.stream.IntStream.range(0, notifications.size()).boxed()
                .sorted(java.util.Comparator.comparing(i -> keys.get(i).value())).mapToInt(Integer::intValue)
                .toArray();
        List<AlertNotification> ordered = new ArrayList<>();
        for (int i : positions) {
            AlertNotification n = notifications.get(i);
            Host host = hostsNamed.get(i);
            intake.prepare(s, keys.get(i), n.type() == AlertNotification.Type.PROBLEM, host == null ? null : host.id(),
                    n.service(), AlertState.of(n.state()), n.severity(), n.summary(),
                    AlertProcessor.plausible(n.at(), clock.instant()), true);
            ordered.add(n);
        }
        return new Prepared(requester, ordered, positions);
    }

    static String printable(String s) {
        if (s == null) {
            return "";
        }
        String p = s.replaceAll("[^\\x20-\\x7e]", "?");
        return p.length() > 64 ? p.substring(0, 64) + "…" : p;
    }

    // ------------------------------------------------------------------ sources

    @Override
    public List<SourceView> sources(Caller caller) {
        admin(caller);
        return alerts.sources().stream().map(s -> view(s, null)).toList();
    }

    @Override
    public SourceView createSource(SourceCommand c, Caller caller) {
        admin(caller);
        String name = AlertSource.validName(c.name());
        if (alerts.source(name).isPresent()) {
            throw DomainException.conflict("source_exists", "An alert source '" + name + "' exists already.");
        }
        AlertSource s = new AlertSource(name, queue(c.queue()), clock.instant());
        String secret = configure(s, c);
        alerts.add(s);
        alerts.flush();
        customers.personFor(s.requesterAddress()); // the requester of its tickets exists before the first alert
        LOG.info(() -> "Alert source '" + name + "' created by " + caller.login());
        return view(s, secret);
    }

    @Override
    public SourceView updateSource(String name, SourceCommand c, Caller caller) {
        admin(caller);
        AlertSource s = source(name);
        if (c.name() != null && !AlertSource.validName(c.name()).equals(s.name())) {
            throw DomainException.invalid("rename_unsupported", "A source keeps its name (it is its requester address).");
        }
        if (c.queue() != null) {
            s.routeTo(queue(c.queue()));
        }
        String secret = configure(s, c);
        alerts.flush();
        return view(s, secret);
    }

    @Override
    public void deleteSource(String name, Caller caller) {
        admin(caller);
        AlertSource s = source(name);
        if (alerts.hasAlerts(s)) {
            throw DomainException.conflict("source_in_use", "Alert source '" + s.name()
                    + "' has alerts on record; remove its secret or route it elsewhere instead.");
        }
        alerts.remove(s);
        LostRaces.flush(alerts::flush, () -> DomainException.conflict("source_in_use", "Alerts of source '" + s.name()
                + "' arrived as it was being deleted; remove its secret or route it elsewhere instead."));
    }

    private String configure(AlertSource s, SourceCommand c) {
        if (c.resolveOnRecovery() != null) {
            s.resolveOnRecovery(c.resolveOnRecovery());
        }
        if (c.priorities() != null) {
            s.mapPriorities(c.priorities());
        }
        if (c.mailSenders() != null) {
            s.allowMailFrom(c.mailSenders());
        }
        String secret = null;
        if (Boolean.TRUE.equals(c.removeSecret())) {
            s.protectWith(null);
        }
        if (c.secret() != null) {
            if (c.secret().length() < MIN_SECRET || c.secret().chars().anyMatch(ch -> ch <= 0x20 || ch >= 0x7f)) {
                throw DomainException.invalid("weak_secret", "A source secret has at least " + MIN_SECRET
                        + " printable ASCII characters without spaces (or use \"generateSecret\": true).");
            }
            s.protectWith(Secrets.sha256Hex(c.secret()));
        } else if (Boolean.TRUE.equals(c.generateSecret())) {
            secret = "ods_" + Secrets.random(32);
            s.protectWith(Secrets.sha256Hex(secret));
        }
        return secret;
    }

    private Queue queue(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("queue_required", "\"queue\" names the queue the source's tickets go to.");
        }
        return queues.byName(name).orElseThrow(() -> DomainException.invalid("unknown_queue",
                "There is no queue '" + name + "'."));
    }

    private AlertSource source(String name) {
        return alerts.source(name).orElseThrow(() -> new NotFoundException("source_not_found",
                "There is no alert source '" + printable(name) + "'."));
    }

    private static SourceView view(AlertSource s, String secret) {
        return new SourceView(s.id(), s.name(), s.queue().name(), s.resolvesOnRecovery(), s.priorities(),
                s.hasSecret(), s.requesterAddress().value(), s.createdAt(), secret, s.mailSenders());
    }

    // ------------------------------------------------------------------ hosts

    @Override
    public List<HostSummary> hosts(String query, int offset, Caller caller) {
        Agents.require(people, caller);
        // the open-ticket counts in one query, not one per host (a page of 500 hosts made 500 of them)
        List<Host> found = hosts.search(query, Page.offset(offset), HOSTS_PAGE);
        java.util.Map<Long, Long> open = hosts.openTicketCounts(found);
        return found.stream().map(h -> summary(h, open.getOrDefault(h.id(), 0L))).toList();
    }

    @Override
    public HostView host(String name, Caller caller) {
        Agents.require(people, caller);
        return view(host(name));
    }

    @Override
    public HostView updateHost(String name, HostCommand c, Caller caller) {
        Agents.require(people, caller);
        if (c.aliases() != null) {
            // the names first, then this host's row: the order in which an alert binding a name to a host locks
            // (AlertIntake.bindOrCreateHost); the other way round, the two could wait for each other
            hosts.lockNames();
        }
        Host h = host(name);
        edit(h, c, clock.instant());
        return view(h);
    }

    private void edit(Host h, HostCommand c, Instant now) {
        java.util.Set<String> aliasesBefore = java.util.Set.copyOf(h.aliases());
        h.edit(c.address(), c.aliases(), c.tags(), c.notes(), now);
        hosts.flush();
        if (!aliasesBefore.equals(java.util.Set.copyOf(h.aliases()))) {
            searchOutbox.hostNamesChanged(h, now);
        }
        if (c.aliases() != null && !h.aliases().isEmpty()) {
            for (Host other : hosts.othersNamed(h, h.aliases())) {
                String taken = h.aliases().stream().filter(other::answersToExactly).findFirst().orElseThrow();
                throw DomainException.conflict("alias_taken", "'" + taken + "' already names the host '"
                        + other.name() + "'; a name or alias belongs to one host. Remove it there first.");
            }
            // a short alias that is another host's short name would take that host's short name over: its alerts
            // as "db01" would land here
            for (String alias : h.aliases()) {
                if (alias.indexOf('.') < 0 && !aliasesBefore.contains(alias)) {
                    hosts.othersWithShortName(h, alias).stream().findFirst().ifPresent(other -> {
                        throw DomainException.conflict("alias_taken", "'" + alias + "' is the short name of the host '"
                                + other.name() + "'; a name belongs to one host.");
                    });
                }
            }
        }
    }

    @Override
    public HostView createHost(NewHost c, Caller caller) {
        Agents.require(people, caller);
        if (c.name() == null || c.name().isBlank()) {
            throw DomainException.invalid("name_required", "Give the host's name (db01.example.com).");
        }
        HostName name = HostName.of(c.name());
        hosts.lockNames(); // as monitoring's first alert about a host does: one host per name
        Optional<Host> known = hosts.resolveDirectly(name).or(() -> hosts.resolveIndirectly(name));
        if (known.isPresent()) {
            throw DomainException.conflict("host_exists", "'" + name.value() + "' already names the host '"
                    + known.get().name() + "'.");
        }
        Instant now = clock.instant();
        Host h = new Host(name, null, now);
        hosts.add(h);
        hosts.flush();
        edit(h, new HostCommand(c.address(), c.aliases(), c.tags(), c.notes()), now);
        LOG.info(() -> "Host '" + h.name() + "' added by " + caller.login());
        return view(h);
    }

    @Override
    public void deleteHost(String name, Caller caller) {
        Person agent = Agents.require(people, caller);
        hosts.lockNames(); // as creating one does: no alert binds a name to it meanwhile
        Host h = host(name);
        if (monitored(h)) {
            throw DomainException.conflict("host_monitored", "Monitoring has reported on '" + h.name() + "': its"
                    + " alerts and timeline keep it. Edit its aliases or notes instead.");
        }
        Instant now = clock.instant();
        // every link goes, a merged ticket's too (its number stands for the ticket it went into, which is told once);
        // each ticket told is indexed again through its change event
        java.util.Set<Ticket> told = new java.util.LinkedHashSet<>();
        for (Long number : hosts.ticketNumbersOf(h)) {
            tickets.resolve(number).ifPresent(told::add);
        }
        hosts.unlinkAll(h);
        for (Ticket t : told) {
            t.hostLinked(agent, h.name(), false, now);
            events.fire(new TicketChanged(t.number(), "host_unlinked", agent.login(), now));
        }
        hosts.remove(h);
        try {
            LostRaces.flush(hosts::flush, () -> DomainException.conflict("host_in_use", "Host '" + h.name()
                    + "' was linked to a ticket or an alert as it was being deleted; look again."));
        } catch (jakarta.persistence.OptimisticLockException e) {
            // its row changed since it was read: monitoring's first alert about it marked it, or an agent edited it
            throw DomainException.conflict("host_changed", "Host '" + h.name() + "' changed as it was being deleted"
                    + " (monitoring reported on it, or someone edited it); look at it again.");
        }
        LOG.info(() -> "Host '" + h.name() + "' deleted by " + caller.login());
    }

    @Override
    public TicketHosts ticketHosts(long number, Caller caller) {
        Agents.require(people, caller);
        return ticketHosts(ticket(number));
    }

    @Override
    public List<AlertView> ticketAlerts(long number, Caller caller) {
        Agents.require(people, caller);
        return alerts.alertsOfTicket(ticket(number).number(), MAX_TICKET_ALERTS).stream()
                .map(AlertServiceBean::view).toList();
    }

    @Override
    public TicketHosts linkHost(long number, String name, Caller caller) {
        Person agent = Agents.require(people, caller);
        // as deleting one does: a host deleted meanwhile is not found (404) rather than a link to nothing (a broken key)
        hosts.lockNames();
        Ticket t = ticket(number);
        Host h = host(name);
        if (!hosts.linked(h, t)) {
            hosts.add(HostTicket.byAgent(h, t, clock.instant()));
            t.hostLinked(agent, h.name(), true, clock.instant());
            events.fire(new TicketChanged(t.number(), "host_linked", agent.login(), clock.instant()));
        }
        return ticketHosts(t);
    }

    @Override
    public TicketHosts unlinkHost(long number, String name, Caller caller) {
        Person agent = Agents.require(people, caller);
        Ticket t = ticket(number);
        Host h = host(name);
        if (hosts.linked(h, t)) {
            hosts.unlink(h, t);
            t.hostLinked(agent, h.name(), false, clock.instant());
            events.fire(new TicketChanged(t.number(), "host_unlinked", agent.login(), clock.instant()));
        }
        return ticketHosts(t);
    }

    private Ticket ticket(long number) {
        return tickets.resolve(number).orElseThrow(() -> NotFoundException.ticket(number));
    }

    private TicketHosts ticketHosts(Ticket t) {
        List<Host> linked = hosts.hostsOf(t);
        java.util.Set<Long> ids = new java.util.HashSet<>();
        linked.forEach(h -> ids.add(h.id()));
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        hostLike(t.subject(), words);
        for (org.opsdesk.domain.ticket.Message m : t.messages()) {
            if (words.size() > 2000) {
                break;
            }
            hostLike(m.text(), words);
        }
        List<HostSummary> suggested = hosts.named(words).stream().filter(h -> !ids.contains(h.id()))
                .map(this::summary).toList();
        return new TicketHosts(linked.stream().map(this::summary).toList(), suggested);
    }

    /** Words of {@code text} that could be host names: {@code db01}, {@code web-1.prod.example.com}. */
    private static void hostLike(String text, java.util.Set<String> into) {
        if (text == null) {
            return;
        }
        java.util.regex.Matcher m = HOST_LIKE.matcher(text.length() > 20_000 ? text.substring(0, 20_000) : text);
        while (m.find() && into.size() <= 2000) {
            into.add(m.group().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static final java.util.regex.Pattern HOST_LIKE =
            java.util.regex.Pattern.compile("(?<![\\w.-])[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*(?![\\w-])");

    private HostSummary summary(Host h) {
        return summary(h, hosts.openTicketCount(h));
    }

    private static HostSummary summary(Host h, long openTickets) {
        return new HostSummary(h.id(), h.name(), h.shortName(), h.address(), h.aliases(), h.tags(), openTickets,
                h.updatedAt());
    }

    private Host host(String name) {
        HostName n;
        try {
            n = HostName.of(name);
        } catch (DomainException e) {
            throw new NotFoundException("host_not_found", "There is no host '" + printable(name) + "'.");
        }
        return hosts.resolve(n).orElseThrow(() -> new NotFoundException("host_not_found",
                "There is no host '" + n.value() + "'."));
    }

    /** Whether monitoring has reported on {@code h}: its alerts and timeline keep it (the one rule of a delete). */
    private boolean monitored(Host h) {
        return h.isMonitored() || alerts.hasMonitoringOf(h);
    }

    private HostView view(Host h) {
        // the open ones apart from the past: a host with hundreds of resolved tickets hid the one still open
        List<HostTicketView> open = hosts.ticketsOf(h, true, MAX_OPEN_LISTED).stream().map(AlertServiceBean::view)
                .toList();
        List<HostTicketView> past = hosts.ticketsOf(h, false, MAX_PAST_LISTED).stream().map(AlertServiceBean::view)
                .toList();
        List<AlertView> alertViews = alerts.alertsOf(h, MAX_ALERTS_LISTED).stream().map(AlertServiceBean::view)
                .toList();
        List<AlertEventView> timeline = alerts.timelineOf(h, MAX_TIMELINE_LISTED).stream()
                .map(e -> new AlertEventView(e.id(), e.at(), e.sourceName(), e.alertKey(), e.service(), e.type().name(),
                        e.state().code(), e.output(), e.author(), e.comment(), e.ticketNumber(), e.reportedAt()))
                .toList();
        List<String> names = new ArrayList<>(h.aliases());
        names.add(h.name());
        names.add(h.shortName());
        List<WikiService.PageSummary> runbooks =
                wiki.runbooksFor(alertViews.stream().map(AlertView::service).toList(), names, null);
        return new HostView(h.id(), h.name(), h.shortName(), h.address(), h.aliases(), h.tags(), h.notes(),
                h.createdAt(), h.updatedAt(), monitored(h), open, past, alertViews, timeline, runbooks);
    }

    private static HostTicketView view(Ticket t) {
        return new HostTicketView(t.number(), t.subject(), t.status().code(), t.priority().code(), t.createdAt(),
                t.resolvedAt());
    }

    private static AlertView view(Alert a) {
        return new AlertView(a.id(), a.source().name(), a.key().value(), a.service(), a.state().code(), a.severity(),
                a.summary(), a.count(), a.firstSeen(), a.lastSeen(), a.closedAt(),
                a.ticket() == null ? null : a.ticket().number(), a.isOpen());
    }

    // ------------------------------------------------------------------ callers

    private void admin(Caller caller) {
        if (!Agents.require(people, caller).isAdmin()) {
            throw DomainException.forbidden("admin_required", "Only an admin can manage alert sources.");
        }
    }
}
