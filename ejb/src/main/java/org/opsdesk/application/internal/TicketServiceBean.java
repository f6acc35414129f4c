package org.opsdesk.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.QuotedText;
import org.opsdesk.application.Page;
import org.opsdesk.application.TicketCommands.AddMessage;
import org.opsdesk.application.TicketCommands.ChangeTicket;
import org.opsdesk.application.TicketCommands.ForwardMessage;
import org.opsdesk.application.TicketCommands.CreateTicket;
import org.opsdesk.application.TicketCommands.NewAttachment;
import org.opsdesk.application.TicketCommands.TicketQuery;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.TicketViews.AttachmentData;
import org.opsdesk.application.TicketViews.HistoryView;
import org.opsdesk.application.TicketViews.TicketSummary;
import org.opsdesk.application.TicketViews;
import org.opsdesk.application.TicketViews.TicketView;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.host.Host;
import org.opsdesk.domain.host.HostTicket;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.queue.Signature;
import org.opsdesk.domain.ticket.Attachment;
import org.opsdesk.domain.ticket.LinkType;
import org.opsdesk.domain.ticket.Message;
import org.opsdesk.domain.ticket.MessageBody;
import org.opsdesk.domain.ticket.MessageOrigin;
import org.opsdesk.domain.ticket.Priority;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.domain.ticket.TicketChanged;
import org.opsdesk.domain.ticket.TicketStatus;
import org.opsdesk.infrastructure.persistence.AlertRepository;
import org.opsdesk.infrastructure.persistence.HostRepository;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.QueueRepository;
import org.opsdesk.infrastructure.persistence.TicketRepository;

/** The ticket use cases: load, call the aggregate, store, publish (observers run after commit). */
@Stateless
public class TicketServiceBean implements TicketService {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(TicketServiceBean.class.getName());

    /** The most requesters, or Cc addresses, a change may list. */
    static final int MAX_PEOPLE = 50;

    @Inject
    TicketRepository tickets;

    @Inject
    QueueRepository queues;

    @Inject
    AlertRepository alerts;

    @Inject
    HostRepository hosts;

    @Inject
    PersonRepository people;

    @Inject
    org.opsdesk.infrastructure.persistence.TimeRepository time;

    @EJB
    CustomerDirectory customers;

    @EJB
    org.opsdesk.application.WikiService wiki;

    @Inject
    MessageBodies bodies;

    @Inject
    org.opsdesk.application.internal.mail.OutboxWriter outbox;

    @Inject
    TicketTriggers ticketTriggers;

    @Inject
    org.opsdesk.infrastructure.persistence.MailRepository mail;

    @Inject
    Clock clock;

    @Inject
    Event<TicketChanged> events;

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    @Override
    public TicketView create(CreateTicket c, Caller caller) {
        Person actor = Agents.require(people, caller);
        Queue queue = c.queue() == null || c.queue().isBlank()
                ? queues.defaultQueue().orElseThrow(() -> DomainException.invalid("queue_required",
                        "Name a queue: there is no default queue."))
                : queueNamed(c.queue());
        Person requester = c.requester() == null || c.requester().isBlank() ? actor
                : customers.personFor(EmailAddress.of(c.requester()));
        Set<EmailAddress> cc = new LinkedHashSet<>();
        if (c.cc() != null) {
            c.cc().forEach(a -> cc.add(EmailAddress.of(a)));
        }
        Priority priority = c.priority() == null ? Priority.NORMAL : Priority.fromCode(c.priority());
        Instant now = clock.instant();
        Ticket ticket = new Ticket(queue, c.subject(), requester, cc, priority, actor, now);
        tickets.add(ticket);
        Message first = null;
        if ((c.body() != null && !c.body().isBlank()) || (c.attachments() != null && !c.attachments().isEmpty())) {
            MessageBody body = body(c.body(), null, c.attachments(), requester);
            first = requester.isAgent() ? ticket.comment(actor, body, now)
                    : ticket.receive(requester, body, MessageOrigin.PERSON, now);
        }
        boolean ownerTold = ticketTriggers.run(ticket, org.opsdesk.domain.ticket.Trigger.Channel.API, actor, now);
        em.flush();
        if (first != null) {
            // the agent who writes the ticket mentions colleagues as in any message they write: they watch it, and
            // hear of it (an owner a trigger assigned heard of it by the assignment)
            if (Agents.mentionIn(people, ticket, QuotedText.authorsOwn(first.text()), actor, now)) {
                em.flush();
                outbox.notifyWatchers(ticket, first, ownerTold);
            }
        }
        publish(ticket, "created", caller, now);
        return view(ticket);
    }

    @Override
    public TicketView get(long number, Caller caller) {
        Agents.require(people, caller);
        return view(load(number));
    }

    @Override
    public Page<TicketSummary> list(TicketQuery q, Caller caller) {
        Agents.require(people, caller);
        return page(q, caller, Page.limit(q.limit()));
    }

    @Override
    public Page<TicketSummary> export(TicketQuery q, Caller caller) {
        Agents.require(people, caller);
        if (q.limit() < 0 || q.limit() > MAX_EXPORT) {
            throw DomainException.invalid("invalid_limit", "An export's limit is 1-" + MAX_EXPORT + " (" + q.limit()
                    + " asked); page with offset for more.");
        }
        return page(q, caller, q.limit() == 0 ? MAX_EXPORT : q.limit());
    }

    /** A page of {@code limit} tickets of the listing from its offset, with how many it matches in all. */
    private Page<TicketSummary> page(TicketQuery q, Caller caller, int limit) {
        Page.offset(q.offset());
        Instant now = clock.instant();
        TicketRepository.ListResult r = tickets.list(listQuery(q, caller, q.offset(), limit, q.sort(), now));
        return new Page<>(r.tickets().stream().map(t -> Views.summary(t, now)).toList(), r.total(), q.offset(), limit);
    }

    @Override
    public Optional<TicketSummary> latestUpdated(TicketQuery q, Caller caller) {
        Agents.require(people, caller);
        Instant now = clock.instant();
        return tickets.first(listQuery(q, caller, 0, 1, "-updated", now)).map(t -> Views.summary(t, now));
    }

    /** An agent named in a listing's filter: {@code me} is the caller; null when none. */
    private static String login(String name, Caller caller) {
        return name == null || name.isBlank() ? null
                : "me".equalsIgnoreCase(name.strip()) ? caller.login() : name.strip().toLowerCase(Locale.ROOT);
    }

    /** A listing's filter as the repository takes it: statuses expanded, owner and requester normalised. */
    private static TicketRepository.ListQuery listQuery(TicketQuery q, Caller caller, int offset, int limit,
            String sort, Instant now) {
        List<String> statuses = new ArrayList<>();
        if (q.statuses() != null) {
            for (String s : q.statuses()) {
                if ("active".equalsIgnoreCase(s.strip())) {
                    statuses.addAll(TicketStatus.codes(false));
                } else if ("inactive".equalsIgnoreCase(s.strip())) {
                    statuses.addAll(TicketStatus.codes(true));
                } else {
                    statuses.add(TicketStatus.fromCode(s).code());
                }
            }
        }
        String owner = login(q.owner(), caller);
        String requester = q.requester() == null || q.requester().isBlank() ? null
                : EmailAddress.of(q.requester()).value();
        List<Priority> priorities = q.priorities() == null ? List.of()
                : q.priorities().stream().map(Priority::fromCode).toList();
        String tag = q.tag() == null || q.tag().isBlank() ? null : Ticket.validTag(q.tag());
        return new TicketRepository.ListQuery(q.queue(), statuses, priorities, owner, requester, q.unowned(),
                q.overdue() ? now : null, q.text(), offset, limit, sort, tag, login(q.watcher(), caller),
                q.escalated() ? now : null, q.organization() == null || q.organization().isBlank() ? null
                        : org.opsdesk.domain.party.Organization.key(q.organization()));
    }

    @Override
    public TicketView reply(long number, AddMessage m, Caller caller) {
        return addMessage(number, m, caller, true);
    }

    @Override
    public TicketView comment(long number, AddMessage m, Caller caller) {
        return addMessage(number, m, caller, false);
    }

    @Override
    public String response(long number, String page, Caller caller) {
        Person agent = Agents.require(people, caller);
        return filled(wiki.responseText(page), responseValues(load(number), agent));
    }

    @Override
    public List<TicketSummary> requesterTickets(long number, int limit, Caller caller) {
        Agents.require(people, caller);
        Ticket t = load(number);
        List<String> emails = t.requesters().stream().filter(p -> p.email() != null).map(p -> p.email().value())
                .limit(10).toList();
        Instant now = clock.instant();
        return tickets.latestOfRequesters(emails, t.number(), Math.max(1, Math.min(limit, 50))).stream()
                .map(o -> Views.summary(o, now)).toList();
    }

    /** Canned responses filled in per ticket page at most: the page's script inserts the one chosen. */
    static final int MAX_RESPONSES = 100;

    @Override
    public List<TicketViews.CannedResponse> responses(long number, Caller caller) {
        Person agent = Agents.require(people, caller);
        java.util.Map<String, String> values = responseValues(load(number), agent);
        return wiki.responseTexts().stream().limit(MAX_RESPONSES)
                .map(r -> new TicketViews.CannedResponse(r.path(), r.title(), filled(r.text(), values))).toList();
    }

    /** The values of a canned response's placeholders: the autoreply's, and the agent writing. */
    private java.util.Map<String, String> responseValues(Ticket t, Person agent) {
        Person requester = t.requesters().stream().filter(p -> !p.isAgent() && p.email() != null).findFirst()
                .orElse(null);
        java.util.Map<String, String> values = new java.util.HashMap<>(outbox.placeholders(t, requester));
        values.put("agent.name", agent.name());
        return values;
    }

    /** The queue's signature filled in for {@code agent}'s reply on {@code t}; null when the queue has none. */
    private String signature(Ticket t, Person agent) {
        String s = t.queue().signature();
        if (s == null) {
            return null;
        }
        // a canned response's values (more than a signature may name), and the agent's address
        java.util.Map<String, String> values = responseValues(t, agent);
        values.put("agent.email", agent.email() == null ? "" : agent.email().value());
        return Signature.render(s, values);
    }

    /** Any other name in braces is left as written, for the agent to see before sending. */
    private static String filled(String text, java.util.Map<String, String> values) {
        return org.opsdesk.domain.Placeholders.fill(text, values, unknown -> unknown);
    }

    /** The ticket page's view of {@code t}, with who a public reply would be mailed to. */
    private TicketView view(Ticket t) {
        return Views.of(t, tickets, outbox.replyRecipients(t).all(), organizationsOf(t), clock.instant());
    }

    @Inject
    org.opsdesk.infrastructure.persistence.OrganizationRepository organizations;

    /** The organizations of the ticket's requesters (customers at their domains), by name. */
    private List<String> organizationsOf(Ticket t) {
        List<String> domains = t.requesters().stream().filter(p -> !p.isAgent() && p.emailDomain() != null)
                .map(Person::emailDomain).distinct().toList();
        return organizations.namesAt(domains, null).values().stream().distinct().sorted().toList();
    }

    private TicketView addMessage(long number, AddMessage m, Caller caller, boolean reply) {
        Person actor = Agents.require(people, caller);
        // the version is checked only when the message changes the status too: a status chosen on a stale page
        // would overwrite another agent's change; a message alone overwrites nothing
        boolean changesStatus = m.status() != null && !m.status().isBlank();
        Ticket ticket = load(number, changesStatus ? m.expectedVersion() : null);
        Instant now = clock.instant();
        MessageBody body = body(m.body(), m.html(), m.attachments(), actor);
        String written = body.text(); // what the agent wrote: its mentions, not a signature's
        // below what the agent wrote (its HTML sanitised and its text made from it first), stored with it: the
        // ticket shows the reply as the customer got it. Not under files sent alone
        String signature = reply && m.signed() && !body.text().isBlank() ? signature(ticket, actor) : null;
        if (signature != null) {
            body = new MessageBody(Signature.below(body.text(), signature),
                    body.sanitizedHtml() == null ? null : Signature.belowHtml(body.sanitizedHtml(), signature),
                    body.attachments(), body.fromAddress(), body.rfcMessageId(), body.notes());
        }
        Message added;
        if (reply) {
            added = ticket.reply(actor, body, now);
            em.flush();
            outbox.reply(ticket, added, actor);
        } else {
            added = ticket.comment(actor, body, now);
        }
        // an agent mentioned as @login watches the ticket from now on, and so hears of this message too
        Agents.mentionIn(people, ticket, written, actor, now);
        outbox.notifyWatchers(ticket, added, false);
        if (m.timeWorked() != null && m.timeWorked() != 0) {
            ticket.logTime(actor, m.timeWorked(), null, added, now);
        }
        if (m.status() != null && !m.status().isBlank()) {
            TicketStatus next = TicketStatus.fromCode(m.status());
            if (next != ticket.status()) {
                ticket.changeStatus(next, actor, null, now);
            }
        }
        em.flush();
        publish(ticket, reply ? "reply_added" : "comment_added", caller, now);
        return view(ticket);
    }

    @Override
    public TicketView logTime(long number, int minutes, String note, Caller caller) {
        Person actor = Agents.require(people, caller);
        Ticket ticket = load(number);
        Instant now = clock.instant();
        ticket.logTime(actor, minutes, note, null, now);
        em.flush();
        publish(ticket, "time_worked", caller, now);
        return view(ticket);
    }

    @Override
    public List<TicketViews.TimeEntryView> timeEntries(long number, Caller caller) {
        Agents.require(people, caller);
        Ticket t = load(number);
        java.util.Set<Long> numbers = new java.util.LinkedHashSet<>(List.of(t.number()));
        numbers.addAll(tickets.mergedIntoEver(t));
        return time.ofTickets(numbers).stream().map(Views::timeEntry).toList();
    }

    @Override
    public TicketView changeStatus(long number, String status, String note, Instant pendingUntil, Long expectedVersion,
            Caller caller) {
        Person actor = Agents.require(people, caller);
        TicketStatus next = TicketStatus.fromCode(status);
        if (pendingUntil != null && next != TicketStatus.PENDING) {
            throw DomainException.invalid("pending_until_without_pending", "\"pendingUntil\" goes with status"
                    + " pending only.");
        }
        Ticket ticket = load(number, expectedVersion);
        Instant now = clock.instant();
        if (pendingUntil != null) {
            ticket.pendUntil(pendingUntil, actor, note, now);
        } else {
            ticket.changeStatus(next, actor, note, now);
        }
        em.flush();
        publish(ticket, "status", caller, now);
        return view(ticket);
    }

    @Override
    public TicketView changeOwner(long number, String action, String agentLogin, Long expectedVersion,
            Caller caller) {
        Person actor = Agents.require(people, caller);
        Ticket ticket = load(number, expectedVersion);
        Instant now = clock.instant();
        switch (action == null ? "" : action.strip().toLowerCase(Locale.ROOT)) {
            case "take" -> ticket.take(actor, now);
            case "steal" -> ticket.steal(actor, now);
            case "release" -> ticket.release(actor, now);
            case "assign" -> {
                if (agentLogin == null || agentLogin.isBlank()) {
                    throw DomainException.invalid("agent_required", "assign needs \"agent\": the login to assign to.");
                }
                Person agent = people.agent(agentLogin).orElseThrow(() -> DomainException.invalid("unknown_agent",
                        "There is no agent '" + agentLogin + "'."));
                ticket.assign(agent, actor, now);
                outbox.notifyAssigned(ticket, agent, actor);
            }
            default -> throw DomainException.invalid("unknown_owner_action",
                    "\"action\" is one of: take, steal, assign, release.");
        }
        em.flush();
        publish(ticket, "owner", caller, now);
        return view(ticket);
    }

    @Override
    public TicketView change(long number, ChangeTicket c, Caller caller) {
        Person actor = Agents.require(people, caller);
        Ticket ticket = load(number, c.expectedVersion());
        Instant now = clock.instant();
        if (c.priority() != null || c.queue() != null) {
            ticket.reclassify(c.priority() == null ? null : Priority.fromCode(c.priority()),
                    c.queue() == null ? null : queueNamed(c.queue()), actor, now);
        }
        if (c.subject() != null) {
            ticket.retitle(c.subject(), actor, now);
        }
        if (c.clearDue()) {
            ticket.dueBy(null, actor, now);
        } else if (c.due() != null) {
            ticket.dueBy(c.due(), actor, now);
        }
        if (c.requesters() != null) {
            changeRequesters(ticket, c.requesters(), actor, now);
        }
        if (c.cc() != null) {
            changeCc(ticket, c.cc(), actor, now);
        }
        if (c.tags() != null) {
            ticket.retag(c.tags(), actor, now);
        }
        em.flush();
        publish(ticket, "changed", caller, now);
        return view(ticket);
    }

    /** The longest note an agent writes above a forwarded message. */
    static final int MAX_FORWARD_NOTE = 100_000;

    @Override
    public TicketView forward(long number, ForwardMessage f, Caller caller) {
        Person actor = Agents.require(people, caller);
        Ticket ticket = load(number);
        List<String> to = recipients(f.to(), "to");
        List<String> cc = recipients(f.cc(), "cc").stream().filter(a -> !to.contains(a)).toList();
        if (to.isEmpty()) {
            throw DomainException.invalid("recipient_required", "\"to\" names at least one address to forward to.");
        }
        if (f.note() != null && f.note().length() > MAX_FORWARD_NOTE) {
            throw DomainException.invalid("note_too_long", "The note takes at most " + MAX_FORWARD_NOTE
                    + " characters.");
        }
        Message message = f.message() != null
                ? ticket.messages().stream().filter(m -> f.message().equals(m.id())).findFirst()
                        .orElseThrow(() -> DomainException.invalid("unknown_message", "Ticket #" + ticket.number()
                                + " has no message " + f.message() + "."))
                : Optional.ofNullable(ticket.messageToForward()).orElseThrow(() -> DomainException.invalid(
                        "nothing_to_forward", "Ticket #" + ticket.number() + " has no message."));
        Instant now = clock.instant();
        List<String> all = new ArrayList<>(to);
        all.addAll(cc);
        ticket.forwarded(actor, message, all, now);
        // on the timeline, as RT and Zammad keep a forward: to whom (all of them: the history line is clipped) and
        // the agent's words, which otherwise went out with the mail only
        StringBuilder record = new StringBuilder("Forwarded message #").append(message.id()).append(" to ")
                .append(String.join(", ", to));
        if (!cc.isEmpty()) {
            record.append(" (Cc: ").append(String.join(", ", cc)).append(')');
        }
        if (f.note() != null && !f.note().isBlank()) {
            record.append(":\n\n").append(f.note().strip());
        }
        ticket.comment(actor, body(record.toString(), null, List.of(), actor), now);
        em.flush();
        outbox.forward(ticket, message, to, cc, actor, f.note());
        LOG.info(() -> "Ticket #" + ticket.number() + ": message " + message.id() + " forwarded by " + actor.handle()
                + " to " + all.size() + " address" + (all.size() == 1 ? "" : "es"));
        publish(ticket, "forwarded", caller, now);
        return view(ticket);
    }

    /** The recipients of a forward: addresses an agent typed, each one mail can go to. */
    private List<String> recipients(List<String> values, String field) {
        List<String> list = new ArrayList<>();
        for (EmailAddress a : addresses(values == null ? List.of() : values, field)) {
            if (!a.isDeliverable()) {
                throw DomainException.invalid("undeliverable_address", a.value() + " is an address no mail reaches"
                        + " (.invalid); give the real address of whoever should get this.");
            }
            list.add(a.value());
        }
        return list;
    }

    /**
     * The requesters become {@code addresses}: the new ones are added first, so the ticket never has none. A
     * requester without an address (an agent who typed the ticket in) is listed, as in the ticket's view, by login.
     */
    private void changeRequesters(Ticket ticket, List<String> addresses, Person actor, Instant now) {
        checkSize(addresses, "requesters");
        List<Person> next = new ArrayList<>();
        for (String a : addresses) {
            if (a == null || a.isBlank()) {
                continue;
            }
            Person p = ticket.requesters().stream().filter(r -> r.email() == null && a.strip().equals(r.login()))
                    .findFirst().orElseGet(() -> customers.personFor(addresses(List.of(a), "requesters")
                            .iterator().next()));
            if (!next.contains(p)) {
                next.add(p);
            }
        }
        if (next.isEmpty()) {
            throw DomainException.invalid("requester_required", "A ticket keeps at least one requester.");
        }
        next.forEach(p -> ticket.addRequester(p, actor, now));
        // a requester gets every reply: not a Cc too
        next.stream().filter(p -> p.email() != null).forEach(p -> ticket.removeCc(p.email(), actor, now));
        List.copyOf(ticket.requesters()).stream().filter(p -> !next.contains(p))
                .forEach(p -> ticket.removeRequester(p, actor, now));
    }

    /** The Cc list becomes {@code addresses}, less the ticket's requesters (they get every reply anyway). */
    private void changeCc(Ticket ticket, List<String> addresses, Person actor, Instant now) {
        Set<EmailAddress> wanted = addresses(addresses, "cc");
        ticket.requesters().forEach(p -> wanted.remove(p.email()));
        wanted.forEach(a -> ticket.addCc(a, actor, now));
        List.copyOf(ticket.cc()).stream().map(EmailAddress::new).filter(a -> !wanted.contains(a))
                .forEach(a -> ticket.removeCc(a, actor, now));
    }

    private static void checkSize(List<String> values, String field) {
        if (values.size() > MAX_PEOPLE) {
            throw DomainException.invalid("too_many_" + field, "\"" + field + "\" lists at most " + MAX_PEOPLE
                    + " addresses.");
        }
    }

    /**
     * Addresses an agent typed: valid, each once, none of OpsDesk's own (mail sent there would come back as a
     * ticket; as a requester or Cc it would never get a reply).
     */
    private Set<EmailAddress> addresses(List<String> values, String field) {
        checkSize(values, field);
        Set<EmailAddress> set = new LinkedHashSet<>();
        Set<String> own = null;
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                EmailAddress a = EmailAddress.of(v);
                own = own != null ? own : outbox.ownAddressesNow();
                if (own.contains(a.value())) {
                    throw DomainException.invalid("own_address", a.value() + " is one of OpsDesk's own addresses:"
                            + " mail sent there would come back as a ticket.");
                }
                set.add(a);
            }
        }
        return set;
    }

    @Override
    public List<HistoryView> history(long number, Caller caller) {
        Agents.require(people, caller);
        Ticket ticket = tickets.byNumber(number).orElseThrow(() -> NotFoundException.ticket(number));
        return ticket.history().stream().map(Views::history).toList();
    }

    @Override
    public TicketView tag(long number, List<String> add, List<String> remove, Caller caller) {
        Person actor = Agents.require(people, caller);
        Ticket ticket = load(number);
        java.util.Set<String> before = new java.util.TreeSet<>(ticket.tags());
        java.util.Set<String> tags = new java.util.TreeSet<>(before);
        (add == null ? List.<String>of() : add).forEach(t -> tags.add(Ticket.validTag(t)));
        (remove == null ? List.<String>of() : remove).forEach(t -> tags.remove(Ticket.validTag(t)));
        Instant now = clock.instant();
        if (!tags.equals(before)) {
            ticket.retag(tags, actor, now);
            em.flush(); // a concurrent change of its tags: a lost race here (the version), made again on the fresh list
            publish(ticket, "changed", caller, now);
        }
        return view(ticket);
    }

    @Override
    public TicketView split(long number, long messageId, String subject, String queueName, Caller caller) {
        Person actor = Agents.require(people, caller);
        Ticket source = load(number);
        // the old ticket's row first: two clicks at once wait for each other, and the second finds the split made
        em.lock(source, LockModeType.PESSIMISTIC_WRITE);
        Message original = source.messages().stream().filter(m -> m.id() == messageId).findFirst()
                .orElseThrow(() -> new NotFoundException("message_not_found", "Ticket #" + source.number()
                        + " has no message " + messageId + "."));
        // its history may be a ticket's merged into this one, which kept it when the message moved here
        String done = source.splitOffTo(original);
        for (java.util.Iterator<Long> merged = tickets.mergedIntoEver(source).iterator(); done == null
                && merged.hasNext();) {
            done = tickets.byNumber(merged.next()).map(t -> t.splitOffTo(original)).orElse(null);
        }
        if (done != null) {
            throw DomainException.conflict("already_split", "Message " + messageId + " of #" + source.number()
                    + " was split off to " + done + " already.");
        }
        Queue queue = queueName == null || queueName.isBlank() ? source.queue()
                : queueNamed(queueName);
        Person requester = original.author() != null && !original.author().isAgent() ? original.author()
                : source.requesters().stream().filter(p -> !p.isAgent()).findFirst()
                        .orElse(source.requesters().iterator().next());
        Instant now = clock.instant();
        Ticket split = new Ticket(queue, subject == null || subject.isBlank() ? source.subject() : subject,
                requester, Set.of(), source.priority(), actor, now);
        tickets.add(split);
        split.splitFrom(source, original, actor, now);
        em.flush(); // its number, for the history and the link
        source.splitOff(split, original, actor, now);
        split.link(LinkType.REFERS_TO, source, actor, now);
        em.flush();
        publish(split, "created", caller, now);
        publish(source, "split_off", caller, now);
        return view(split);
    }

    @Override
    public TicketView watch(long number, String agent, Caller caller) {
        return changeWatchers(number, agent, caller, true);
    }

    @Override
    public TicketView unwatch(long number, String agent, Caller caller) {
        return changeWatchers(number, agent, caller, false);
    }

    private TicketView changeWatchers(long number, String login, Caller caller, boolean watch) {
        Person actor = Agents.require(people, caller);
        Ticket ticket = load(number);
        String named = login(login, caller); // the listings' rule for "me"
        Person agent = named == null || named.equals(caller.login()) ? actor
                : people.agent(named).orElseThrow(() -> DomainException.invalid("unknown_agent",
                        "There is no agent '" + login.strip() + "'."));
        Instant now = clock.instant();
        // the version checked at commit, though watching leaves it alone: a merge meanwhile copied the watchers
        // already, and a watch committed after it on the merged ticket was never heard of again. Now it is a lost
        // race, made again on the ticket the number resolves to
        em.lock(ticket, LockModeType.OPTIMISTIC);
        if (watch ? ticket.watch(agent, actor, now) : ticket.unwatch(agent, actor, now)) {
            em.flush();
            publish(ticket, watch ? "watcher_added" : "watcher_removed", caller, now);
        }
        return view(ticket);
    }

    @Override
    public TicketView link(long number, String type, long target, Caller caller) {
        Person actor = Agents.require(people, caller);
        Ticket ticket = load(number);
        Instant now = clock.instant();
        Ticket other = loadTarget(target);
        // both tickets' rows, in number order, before either changes, and the other's version moves too: the link's
        // rules read both tickets' links (no cycle, no second link between them), and two links requested at once in
        // opposite directions, or a link to a ticket being merged, each wrote only their own ticket and both went
        // through. Now the second waits for the first and is refused as a lost race (locked at the commit instead,
        // the two waited for each other until PostgreSQL's deadlock check ended one)
        lockBoth(ticket, other, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        ticket.link(LinkType.fromCode(type), other, actor, now);
        em.flush();
        publish(ticket, "link_added", caller, now);
        return view(ticket);
    }

    /**
     * Locks both tickets' rows, in number order (so that a link and a merge, or two links, of the same two tickets
     * never hold one each and wait for the other's): {@code one} to write, {@code two} as {@code twoMode}.
     */
    private void lockBoth(Ticket one, Ticket two, LockModeType twoMode) {
        boolean twoFirst = two.number() < one.number();
        em.lock(twoFirst ? two : one, twoFirst ? twoMode : LockModeType.PESSIMISTIC_WRITE);
        em.lock(twoFirst ? one : two, twoFirst ? LockModeType.PESSIMISTIC_WRITE : twoMode);
    }

    @Override
    public TicketView unlink(long number, String type, long target, Caller caller) {
        Person actor = Agents.require(people, caller);
        Ticket ticket = load(number);
        Instant now = clock.instant();
        ticket.unlink(LinkType.fromCode(type), loadTarget(target), actor, now);
        em.flush();
        publish(ticket, "link_removed", caller, now);
        return view(ticket);
    }

    @Override
    public TicketView merge(long number, long into, Long expectedVersion, Caller caller) {
        Person actor = Agents.require(people, caller);
        Ticket source = load(number);
        if (source.number() != number) {
            // its number stands for the ticket it went into: merging that one instead (a page loaded before the
            // first merge) would move a whole other conversation for good
            throw DomainException.conflict("already_merged", "#" + number + " was merged into #" + source.number()
                    + " already; to merge #" + source.number() + " too, merge that number.");
        }
        load(number, expectedVersion);
        Ticket target = loadTarget(into);
        if (source.number().equals(target.number())) {
            throw DomainException.invalid("self_merge", "#" + number + " and #" + into + " are the same ticket.");
        }
        // the host names first, as linking or deleting a host takes them before a ticket's row: the source's host
        // links are copied to the target, and a host deleted meanwhile is then seen gone (on H2, whose foreign key
        // check reads the host as last committed, both committed: a link naming no host). Only for a source linked to
        // a host: the lock is every host's, held while the merge waits for the tickets' rows
        if (!hosts.hostsOf(source).isEmpty()) {
            hosts.lockNames();
        }
        // both rows first, as a link takes them: a link and a merge of the same two tickets each held one row and
        // waited for the other's until PostgreSQL's deadlock check ended one
        lockBoth(source, target, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        source.mergeInto(target, tickets.incomingLinks(source), actor, now);
        em.flush();
        alerts.moveToTicket(source, target); // the target's page lists them, with their runbooks
        for (Host host : hosts.hostsOf(source)) {
            if (!hosts.linked(host, target)) {
                hosts.add(HostTicket.byAgent(host, target, now)); // and the hosts it was about
            }
        }
        publish(source, "merged_into", caller, now);
        publish(target, "merged_from", caller, now);
        return view(target);
    }

    @Override
    public AttachmentData attachment(long number, long attachmentId, Caller caller) {
        Agents.require(people, caller);
        Ticket ticket = load(number);
        Attachment a = tickets.attachment(attachmentId)
                .filter(x -> x.message().ticket().number().equals(ticket.number()))
                .orElseThrow(() -> new NotFoundException("attachment_not_found",
                        "Ticket #" + number + " has no attachment " + attachmentId + "."));
        return new AttachmentData(a.filename(), a.contentType(), a.content().bytes());
    }

    @Override
    public AttachmentData originalMail(long number, long messageId, Caller caller) {
        Agents.require(people, caller);
        Ticket ticket = load(number);
        Message m = java.util.Optional.ofNullable(em.find(Message.class, messageId))
                .filter(x -> x.ticket().number().equals(ticket.number()))
                .orElseThrow(() -> new NotFoundException("message_not_found",
                        "Ticket #" + ticket.number() + " has no message " + messageId + "."));
        byte[] raw = m.originalMail() == null ? new byte[0] : mail.content(m.originalMail());
        if (raw.length == 0) {
            throw new NotFoundException("no_original", "Message " + messageId + " of ticket #" + ticket.number()
                    + " was not read from a mail (or came before OpsDesk kept each message's original).");
        }
        return new AttachmentData("ticket-" + ticket.number() + "-message-" + messageId + ".eml", "message/rfc822",
                raw);
    }

    // ------------------------------------------------------------------ helpers

    private Ticket load(long number) {
        return tickets.resolve(number).orElseThrow(() -> NotFoundException.ticket(number));
    }

    private Ticket load(long number, Long expectedVersion) {
        Ticket t = load(number);
        if (expectedVersion != null && t.number() != number) {
            // the version is of the ticket the caller loaded under this number, and it stands for another one now:
            // versions are small numbers, and one equal by chance applied the change to a ticket never seen
            throw DomainException.conflict("ticket_merged", "Ticket #" + number + " was merged into #" + t.number()
                    + "; load #" + t.number() + " and send the change there with its version.");
        }
        if (expectedVersion != null && expectedVersion != t.version()) {
            throw DomainException.conflict("stale_ticket", "Ticket #" + t.number() + " changed since you loaded it"
                    + " (your version " + expectedVersion + ", now " + t.version() + "); reload and try again.");
        }
        return t;
    }

    /** The queue a request names; 400 {@code unknown_queue} when there is none of that name. */
    private Queue queueNamed(String name) {
        return queues.byName(name).orElseThrow(() -> DomainException.invalid("unknown_queue",
                "There is no queue '" + name + "'."));
    }

    private Ticket loadTarget(long number) {
        return tickets.resolve(number).orElseThrow(() -> DomainException.invalid("unknown_ticket",
                "There is no ticket #" + number + " to link or merge with."));
    }

    private MessageBody body(String text, String html, List<NewAttachment> files, Person from) {
        String fromAddress = from.email() == null ? null : from.email().value();
        return bodies.build(text, html, files, fromAddress, null, null, MessageBodies.Origin.API);
    }

    private void publish(Ticket ticket, String change, Caller caller, Instant now) {
        events.fire(new TicketChanged(ticket.number(), change, caller.login(), now));
    }
}
