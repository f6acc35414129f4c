package org.opsdesk.application.internal.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.opsdesk.application.mail.OutboxQueued;
import org.opsdesk.domain.mail.OutboundMail;
import org.opsdesk.domain.mail.OutboundMail.Envelope;
import org.opsdesk.domain.mail.OutboundMail.Kind;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.queue.AutoreplyTemplate;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.ticket.Message;
import org.opsdesk.domain.ticket.MessageKind;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.infrastructure.persistence.MailRepository;
import org.opsdesk.infrastructure.persistence.QueueRepository;

/**
 * Puts mail into the outbox in the caller's transaction: agents' replies, autoreplies to new tickets
 * and notifications to owners, all threaded (signed Message-ID, In-Reply-To, References, subject tag).
 * The one place that decides who may get automatic mail.
 */
@ApplicationScoped
public class OutboxWriter {

    /** Addresses that never get automatic mail. */
    private static final Pattern MACHINE_LOCAL_PART = Pattern.compile(
            "^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|donotreply|bounces?|listserv|majordomo)([+.-].*)?$");

    @EJB
    MailIdentity identity;

    @Inject
    MailSettings settings;

    @Inject
    MailRepository mail;

    @Inject
    QueueRepository queues;

    @Inject
    Clock clock;

    @Inject
    Event<OutboxQueued> queued;

    /**
     * Who an agent's public reply goes to: the requesters that are not agents, and the Cc (in Cc; in To when there is
     * no such requester), never our own addresses nor undeliverable ones ({@link EmailAddress#isDeliverable}: an
     * alert ticket's made-up requester). Empty: the reply stays on the ticket.
     */
    public Recipients replyRecipients(Ticket ticket) {
        List<String> to = new ArrayList<>();
        for (Person p : ticket.requesters()) {
            if (!p.isAgent() && p.email() != null && mayReceive(p.email().value())) {
                to.add(p.email().value());
            }
        }
        List<String> cc = ticket.cc().stream().filter(a -> mayReceive(a) && !to.contains(a)).toList();
        return to.isEmpty() ? new Recipients(cc, List.of()) : new Recipients(to, cc);
    }

    /** The To and Cc of a mail. */
    public record Recipients(List<String> to, List<String> cc) {

        /** Everyone, To first. */
        public List<String> all() {
            List<String> all = new ArrayList<>(to);
            all.addAll(cc);
            return all;
        }
    }

    /** An agent's public reply, to the requesters and Cc ({@link #replyRecipients}). */
    public void reply(Ticket ticket, Message message, Person agent) {
        Recipients r = replyRecipients(ticket);
        if (r.to().isEmpty()) {
            return;
        }
        add(ticket, message.id(), Kind.REPLY, r.to(), r.cc(), agent.displayName(), ticket.subject(), message.text(),
                message.html(), null);
    }

    private boolean mayReceive(String address) {
        return !isOurs(address) && EmailAddress.of(address).isDeliverable();
    }

    /** The acknowledgement of a new ticket from mail, unless the rules say no. */
    public void autoreply(Ticket ticket, Person requester) {
        if (!ticket.queue().autoReplies() || !mayAutoMail(requester, ticket.number())) {
            return;
        }
        String text = AutoreplyTemplate.render(ticket.queue().autoreplyTemplate(), placeholders(ticket, requester));
        add(ticket, null, Kind.AUTOREPLY, List.of(requester.email().value()), List.of(), ticket.queue().name(),
                ticket.subject(), text, null, "auto-replied");
    }

    /**
     * The values of the placeholders of an autoreply ({@link AutoreplyTemplate#PLACEHOLDERS}) or a canned response
     * about {@code ticket} to {@code requester} (null: none with an address; its values are empty).
     */
    public Map<String, String> placeholders(Ticket ticket, Person requester) {
        String email = requester == null || requester.email() == null ? "" : requester.email().value();
        String name = requester == null ? null : requester.displayName();
        return Map.of(
                "ticket.number", String.valueOf(ticket.number()),
                "ticket.subject", ticket.subject(),
                "ticket.tag", "[" + settings.subjectTag() + " #" + ticket.number() + "]",
                "queue.name", ticket.queue().name(),
                "requester.name", name == null || name.isBlank() ? email : name,
                "requester.email", email);
    }

    /** Tells the owner that a customer wrote (not for their own actions, not in answer to machine mail). */
    public void notifyOwner(Ticket ticket, Message message) {
        Person owner = ticket.owner();
        if (owner == null || owner.email() == null || !owner.isActive()
                || (message.author() != null && message.author().equals(owner))
                || !mayAutoMail(owner, ticket.number())) {
            return;
        }
        String text = "New message on ticket #" + ticket.number() + " (" + ticket.subject() + ") from "
                + message.fromAddress() + ":\n\n" + message.text();
        add(ticket, null, Kind.NOTIFICATION, List.of(owner.email().value()), List.of(), "OpsDesk",
                ticket.subject(), text, null, "auto-generated");
    }

    /** The most mails an hour telling one ticket's watchers of its messages (a flood guard, apart from the others). */
    static final int WATCHER_MAILS_PER_TICKET_PER_HOUR = 60;

    /**
     * Tells the ticket's watchers of a new message (RT's AdminCc): one mail to all of them, an internal comment
     * marked as such (answered by mail, to the queue's comment address); never to its author, to a disabled agent,
     * nor to whoever gets the message itself (a watcher on Cc of a reply). {@code ownerTold}: the owner was told
     * already ({@link #notifyOwner}), so is left out here. At most {@value #WATCHER_MAILS_PER_TICKET_PER_HOUR} an hour
     * about one ticket, counted apart from its other automatic mail.
     */
    public void notifyWatchers(Ticket ticket, Message message, boolean ownerTold) {
        if (ticket.watchers().isEmpty()) {
            return;
        }
        Set<String> getsTheMessage = message.kind() == MessageKind.REPLY
                ? Set.copyOf(replyRecipients(ticket).all().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList())
                : Set.of();
        List<String> to = ticket.watchers().stream()
                .filter(p -> p.isActive() && p.email() != null && !p.equals(message.author()))
                .filter(p -> !(ownerTold && p.equals(ticket.owner())))
                .filter(p -> !getsTheMessage.contains(p.email().value().toLowerCase(Locale.ROOT)))
                .filter(this::reachable)
                .map(p -> p.email().value()).distinct().toList();
        if (to.isEmpty() || mail.watcherMailsAbout(ticket.number(), clock.instant().minus(1, ChronoUnit.HOURS))
                >= WATCHER_MAILS_PER_TICKET_PER_HOUR) {
            return;
        }
        boolean comment = message.kind() == MessageKind.COMMENT;
        String what = comment ? "New internal comment (not sent to the customer)"
                : message.kind() == MessageKind.REPLY ? "New reply" : "New message";
        Person author = message.author();
        String by = author != null && author.isAgent() ? author.name() : message.fromAddress();
        String text = what + " on ticket #" + ticket.number() + " (" + ticket.subject() + ")"
                + (by == null || by.isBlank() ? "" : " from " + by) + ":\n\n"
                + (message.text() == null ? "" : excerpt(message))
                + "\n\nYou get this because you watch the ticket.";
        String replyTo = comment && ticket.queue().commentAddress() != null
                ? ticket.queue().commentAddress().value() : null;
        add(ticket, null, Kind.WATCHER, to, List.of(), "OpsDesk", ticket.subject(), text, null, "auto-generated",
                replyTo);
    }

    /**
     * Tells an agent that {@code actor} assigned them the ticket (RT's "notify owner on owner change"): not when they
     * took it themselves, not to an inactive agent or one without an address, within the limits of automatic mail.
     */
    public void notifyAssigned(Ticket ticket, Person owner, Person actor) {
        if (!owner.equals(actor)) {
            notifyAssigned(ticket, owner, actor.name());
        }
    }

    /** Tells an agent that {@code byWhom} (an agent's name, a trigger) assigned them the ticket. */
    public void notifyAssigned(Ticket ticket, Person owner, String byWhom) {
        if (owner.email() == null || !owner.isActive() || !mayAutoMail(owner, ticket.number())) {
            return;
        }
        Message last = ticket.messages().isEmpty() ? null : ticket.messages().get(ticket.messages().size() - 1);
        StringBuilder text = new StringBuilder()
                .append(byWhom).append(" assigned you ticket #").append(ticket.number()).append(" (")
                .append(ticket.subject()).append(").\n\nQueue: ").append(ticket.queue().name())
                .append("\nPriority: ").append(ticket.priority().code())
                .append("\nStatus: ").append(ticket.status().code());
        if (last != null && last.text() != null && !last.text().isBlank()) {
            text.append("\n\nLast message").append(last.fromAddress() != null ? " from " + last.fromAddress() : "")
                    .append(":\n\n").append(excerpt(last));
        }
        add(ticket, null, Kind.NOTIFICATION, List.of(owner.email().value()), List.of(), "OpsDesk",
                ticket.subject(), text.toString(), null, "auto-generated");
    }

    /**
     * Tells whoever the queue names ({@code Queue.notifyAddresses}) of a new ticket, with its first message (an
     * internal comment too: the list is the team's): one mail, to all of them, never to our own or undeliverable
     * addresses, at most {@code OPSDESK_MAIL_QUEUE_NOTIFY_PER_HOUR} an hour.
     */
    public void notifyQueue(Ticket ticket) {
        List<String> to = queueList(ticket);
        if (to.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("New ticket #").append(ticket.number()).append(" in queue ")
                .append(ticket.queue().name()).append(": ").append(ticket.subject())
                .append("\nRequesters: ").append(String.join(", ", ticket.requesters().stream()
                        .map(p -> p.email() != null ? p.email().value() : p.handle()).toList()))
                .append("\nPriority: ").append(ticket.priority().code());
        Message first = ticket.messages().isEmpty() ? null : ticket.messages().get(0);
        if (first != null && first.text() != null && !first.text().isBlank()) {
            text.append("\n\n").append(excerpt(first));
        }
        add(ticket, null, Kind.NOTIFICATION, to, List.of(), "OpsDesk", ticket.subject(), text.toString(), null,
                "auto-generated");
    }

    /**
     * The addresses the ticket's queue names to hear of its new tickets, that may receive automatic mail; none past
     * their hourly limit ({@code OPSDESK_MAIL_QUEUE_NOTIFY_PER_HOUR}).
     */
    private List<String> queueList(Ticket ticket) {
        return queueList(ticket, settings.queueNotificationsPerHour());
    }

    /** As above, within {@code perHour} mails an hour to these addresses. */
    private List<String> queueList(Ticket ticket, int perHour) {
        List<String> to = ticket.queue().notifyAddresses().stream().map(EmailAddress::value).filter(this::mayReceive)
                .toList();
        // an alert storm opens a ticket a second: past the hourly limit a team's list hears of no more of them (the
        // queue lists them). Counted as the mails to these very recipients (To is stored joined), without a lock:
        // senders at the same moment may go a mail or two past it
        if (to.isEmpty() || mail.autoMailsTo(String.join(",", to), clock.instant().minus(1, ChronoUnit.HOURS))
                >= perHour) {
            return List.of();
        }
        return to;
    }

    /** A message's text as a notification quotes it: the first 2,000 characters. */
    private static String excerpt(Message m) {
        String body = m.text().strip();
        return body.length() > 2000 ? body.substring(0, 2000) + "\n[…]" : body;
    }

    /**
     * Tells of a deadline of the queue's service level passed ({@code breached}: {@code first response},
     * {@code resolution}): the owner, within the limits of automatic mail; an unowned ticket (or one whose owner
     * cannot be told) the addresses the queue names for new tickets, within their hourly limit.
     */
    public void notifyEscalation(Ticket ticket, List<String> breached) {
        notifyServiceLevel(ticket, "has passed its " + String.join(" and ", breached) + " deadline", false);
    }

    /**
     * Tells of deadlines of the queue's service level nearing ({@code nearing}: {@code first response},
     * {@code resolution}): whom {@link #notifyEscalation} would tell of their breach, under the subject "SLA warning:
     * …"; to the queue's list within half its hourly limit, so that warnings never leave the breaches untold.
     */
    public void notifySlaWarning(Ticket ticket, List<String> nearing) {
        notifyServiceLevel(ticket, "nears its " + String.join(" and ", nearing) + " deadline", true);
    }

    /** {@code what}: what the ticket did, "has passed its first response deadline". */
    private void notifyServiceLevel(Ticket ticket, String what, boolean warning) {
        StringBuilder text = new StringBuilder("Ticket #").append(ticket.number()).append(" (")
                .append(ticket.subject()).append(") ").append(what)
                .append(" under queue ").append(ticket.queue().name()).append("'s service level.\n")
                .append("\nQueue: ").append(ticket.queue().name())
                .append("\nPriority: ").append(ticket.priority().code())
                .append("\nStatus: ").append(ticket.status().code())
                .append("\nOwner: ").append(ticket.owner() == null ? "nobody" : ticket.owner().name());
        if (ticket.responseDue() != null) {
            text.append("\nFirst response due: ").append(ticket.responseDue())
                    .append(ticket.firstResponseAt() == null ? " (none yet)" : " (given " + ticket.firstResponseAt() + ")");
        }
        if (ticket.resolutionDue() != null) {
            text.append("\nResolution due: ").append(ticket.resolutionDue());
        }
        String subject = warning ? "SLA warning: " + ticket.subject() : ticket.subject();
        Person owner = ticket.owner();
        if (owner != null && owner.email() != null && owner.isActive() && reachable(owner)) {
            if (mayAutoMail(owner, ticket.number())) {
                add(ticket, null, Kind.NOTIFICATION, List.of(owner.email().value()), List.of(), "OpsDesk",
                        subject, text.toString(), null, "auto-generated");
            }
            return;
        }
        List<String> to = queueList(ticket, warning ? settings.queueNotificationsPerHour() / 2
                : settings.queueNotificationsPerHour());
        if (!to.isEmpty()) {
            add(ticket, null, Kind.NOTIFICATION, to, List.of(), "OpsDesk", subject, text.toString(), null,
                    "auto-generated");
        }
    }

    /** Tells the owner that a pending ticket's reminder time has come and it is open again. */
    public void notifyReminder(Ticket ticket) {
        Person owner = ticket.owner();
        if (owner == null || owner.email() == null || !owner.isActive() || !mayAutoMail(owner, ticket.number())) {
            return;
        }
        add(ticket, null, Kind.NOTIFICATION, List.of(owner.email().value()), List.of(), "OpsDesk", ticket.subject(),
                "The pending reminder of ticket #" + ticket.number() + " (" + ticket.subject() + ") has come: the"
                        + " ticket is open again.", null, "auto-generated");
    }

    /**
     * Never to our own addresses, undeliverable ones, machine-like addresses, bounced ones (the recipient's mark, read
     * from the person the caller holds), nor beyond the hourly limits (per ticket; per recipient for customers).
     */
    boolean mayAutoMail(Person recipient, long ticket) {
        if (!reachable(recipient)) {
            return false;
        }
        String r = recipient.email().value().toLowerCase(Locale.ROOT);
        Instant hourAgo = clock.instant().minus(1, ChronoUnit.HOURS);
        if (recipient.isAgent()) {
            // an agent's notifications are their work, not a flood: a bulk assignment of twenty tickets tells of
            // each, and then of the customers' next mails (counted per recipient, the sixth and every later one were
            // dropped); the limit per ticket still holds for them. No lock either: nothing counts per agent
            return mail.autoMailsAbout(ticket, hourAgo) < settings.autoMailsPerTicketPerHour();
        }
        mail.lockRecipient(recipient);
        return mail.autoMailsTo(r, hourAgo) < settings.autoMailsPerRecipientPerHour()
                && mail.autoMailsAbout(ticket, hourAgo) < settings.autoMailsPerTicketPerHour();
    }

    /**
     * Whether automatic mail may go to {@code recipient} at all: not one of our own addresses, nor an undeliverable or
     * machine-like one, nor one whose mail bounced lately.
     */
    private boolean reachable(Person recipient) {
        return mayReceive(recipient.email().value().toLowerCase(Locale.ROOT))
                && !MACHINE_LOCAL_PART.matcher(recipient.email().localPart()).matches()
                && !recipient.mailBouncedSince(clock.instant().minus(settings.bouncePause()));
    }

    /** Our own addresses, read again at most every few seconds (every mail asks). */
    private volatile Set<String> own = Set.of();
    private volatile long ownReadAt;
    private static final long OWN_TTL_NANOS = 5_000_000_000L;

    /** Our queues' addresses and the default sender. */
    public Set<String> ownAddresses() {
        long now = System.nanoTime();
        if (own.isEmpty() || now - ownReadAt > OWN_TTL_NANOS) {
            own = Set.copyOf(readOwnAddresses());
            ownReadAt = now;
        }
        return own;
    }

    /**
     * Our addresses as they are now, for checking what an agent typed (a forward's recipients, a ticket's people):
     * a queue created a moment ago counts already.
     */
    public Set<String> ownAddressesNow() {
        own = Set.copyOf(readOwnAddresses());
        ownReadAt = System.nanoTime();
        return own;
    }

    private Set<String> readOwnAddresses() {
        Set<String> addresses = new LinkedHashSet<>();
        addresses.add(settings.defaultFrom());
        for (Queue q : queues.all()) {
            if (q.correspondAddress() != null) {
                addresses.add(q.correspondAddress().value());
            }
            if (q.commentAddress() != null) {
                addresses.add(q.commentAddress().value());
            }
        }
        return addresses;
    }

    private boolean isOurs(String address) {
        return ownAddresses().contains(address.toLowerCase(Locale.ROOT));
    }

    /**
     * Sends {@code message} on to {@code to} and {@code cc} (a vendor, another team), with the agent's {@code note}
     * above it and its files attached. A new conversation: no In-Reply-To nor References of the customer's thread; an
     * answer threads back to the ticket by this mail's own (signed) Message-ID.
     */
    public void forward(Ticket ticket, Message message, List<String> to, List<String> cc, Person agent, String note) {
        StringBuilder text = new StringBuilder();
        if (note != null && !note.isBlank()) {
            text.append(note.strip()).append("\n\n");
        }
        text.append("---------- Forwarded message ----------\n")
                .append("From: ").append(message.fromAddress() != null ? message.fromAddress()
                        : message.author() != null ? message.author().handle() : "unknown").append('\n')
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        message.createdAt().atOffset(ZoneOffset.UTC))).append('\n')
                .append("Subject: ").append(ticket.subject()).append("\n\n")
                .append(message.text() == null ? "" : message.text());
        add(ticket, message.id(), Kind.FORWARD, to, cc, agent.displayName(), "Fwd: " + stripRe(ticket.subject()),
                text.toString(), null, null);
    }

    private void add(Ticket ticket, Long messageRef, Kind kind, List<String> to, List<String> cc, String fromName,
            String subject, String text, String html, String autoSubmitted) {
        add(ticket, messageRef, kind, to, cc, fromName, subject, text, html, autoSubmitted, null);
    }

    /** {@code replyTo}: where an answer goes when not to the sender (the queue's address); null: the sender. */
    private void add(Ticket ticket, Long messageRef, Kind kind, List<String> to, List<String> cc, String fromName,
            String subject, String text, String html, String autoSubmitted, String replyTo) {
        long n = ticket.number();
        Queue q = ticket.queue();
        String from = q.correspondAddress() != null ? q.correspondAddress().value() : settings.defaultFrom();
        String inReplyTo = null;
        String references = null;
        if (kind != Kind.FORWARD) {
            // the thread as the customer saw it, oldest first (not the ids of internal mail, nor the order of two
            // lists)
            Set<String> people = new LinkedHashSet<>(ticket.cc());
            ticket.requesters().stream().filter(p -> p.email() != null).forEach(p -> people.add(p.email().value()));
            List<String> thread = mail.threadIds(n, 9, people);
            inReplyTo = mail.lastInboundId(n, people).orElse(thread.isEmpty() ? null : thread.get(thread.size() - 1));
            references = thread.isEmpty() ? null
                    : String.join(" ", thread.stream().map(id -> "<" + id + ">").toList());
        }
        Envelope e = new Envelope(kind, n, messageRef, identity.messageIds().create(n), from, fromName,
                replyTo == null ? from : replyTo, to, cc,
                identity.subjectTag().tag(n, kind == Kind.REPLY ? "Re: " + stripRe(subject) : subject), text, html,
                inReplyTo, references, autoSubmitted);
        mail.add(new OutboundMail(e, clock.instant()));
        queued.fire(new OutboxQueued(n));
    }

    private static String stripRe(String subject) {
        return subject.replaceFirst("(?i)^((re|aw|fwd?|wg)\\s*:\\s*)+", "");
    }
}
