package org.opsdesk.application.internal.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import org.opsdesk.application.Caller;
import org.opsdesk.application.ConcurrentChangeException;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.Page;
import org.opsdesk.application.internal.Agents;
import org.opsdesk.application.internal.CustomerDirectory;
import org.opsdesk.application.internal.MessageBodies;
import org.opsdesk.application.mail.InboundMailService;
import org.opsdesk.application.mail.MailDelivery;
import org.opsdesk.application.mail.MailOutcome;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.mail.InboundMail;
import org.opsdesk.domain.mail.InboundMail.Disposition;
import org.opsdesk.domain.mail.InboundMailContent;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.ticket.Message;
import org.opsdesk.domain.ticket.MessageBody;
import org.opsdesk.domain.ticket.MessageOrigin;
import org.opsdesk.domain.ticket.Priority;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.domain.ticket.TicketChanged;
import org.opsdesk.infrastructure.persistence.MailRepository;
import org.opsdesk.infrastructure.persistence.ConstraintViolations;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.QueueRepository;
import org.opsdesk.infrastructure.persistence.TicketRepository;

@Stateless
@LocalBean
@Local(InboundMailService.class)
public class InboundMailServiceBean implements InboundMailService {

    /** What {@link #insert} answers for a mail stored before. */
    static final long STORED_BEFORE = -1;

    @Inject
    MailRepository mail;

    @Inject
    TicketRepository tickets;

    @Inject
    QueueRepository queues;

    @Inject
    PersonRepository people;

    @EJB
    CustomerDirectory customers;

    @Inject
    MessageBodies bodies;

    @Inject
    OutboxWriter outbox;

    @Inject
    MailSettings settings;

    @Inject
    org.opsdesk.application.internal.TicketTriggers triggers;

    @Inject
    Clock clock;

    @Inject
    Event<TicketChanged> events;

    @EJB
    InboundMailServiceBean self;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Stored store(byte[] raw, String messageId, String source, String queue, String action,
            String alertSource) {
        String sha = sha256(raw);
        Inserted stored;
        try {
            stored = self.insert(raw, sha, messageId, source, queue, action, alertSource);
        } catch (RuntimeException e) {
            if (!ConstraintViolations.isViolation(e)) {
                throw e;
            }
            // lost to a racer storing the same mail: its row is there now, and the second look finds it
            stored = self.insert(raw, sha, messageId, source, queue, action, alertSource);
        }
        return stored.id() == STORED_BEFORE ? storedBefore(stored.key()) : new Stored(stored.id(), false, null);
    }

    /** The earlier copy of a mail whose dedupe key is taken. */
    private Stored storedBefore(String key) {
        return self.earlier(key).orElseThrow(() -> new IllegalStateException("mail neither stored nor found: " + key));
    }

    /** The outcome of {@link #insert}: the new mail's id, or {@link #STORED_BEFORE} with the key found taken. */
    public record Inserted(long id, String key) {
    }

    /**
     * Stores a mail not seen before. A mail under a Message-ID stored before is that mail again, unless what it
     * says differs (broken clients reuse ids): then it is kept under the id and its content, not dropped as a copy.
     * A mail without one is keyed by what it says when it is dated ({@link InboundMail#idlessKey}); the same bytes
     * stored under their hash (as every mail without Message-ID was before) are that mail too.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Inserted insert(byte[] raw, String sha, String messageId, String source, String queue, String action,
            String alertSource) {
        boolean identified = messageId != null && !messageId.isBlank();
        String key = identified ? InboundMail.dedupeKey(messageId, sha) : InboundMail.idlessKey(raw, sha,
                queueDeliveredTo(queue));
        java.util.Optional<InboundMail> earlier = mail.inboundByKey(key);
        if (earlier.isEmpty() && key.startsWith("fp:")) {
            String byBytes = InboundMail.dedupeKey(null, sha);
            earlier = mail.inboundByKey(byBytes);
            key = earlier.isPresent() ? byBytes : key;
        }
        if (earlier.isPresent() && key.startsWith("mid:") && !earlier.get().sha256().equals(sha)) {
            String fingerprint = InboundMail.contentFingerprint(raw);
            if (!fingerprint.equals(InboundMail.contentFingerprint(mail.content(earlier.get().id())))) {
                key = InboundMail.reusedIdKey(messageId, fingerprint);
                earlier = mail.inboundByKey(key);
            }
        }
        if (earlier.isPresent()) {
            return new Inserted(STORED_BEFORE, key);
        }
        InboundMail m = new InboundMail(raw, sha, messageId, source, queue, action, alertSource, clock.instant())
                .under(key);
        ConstraintViolations.insertUnique(() -> { // lost to a racer storing the same mail since the look above
            mail.add(m);
            mail.flush();
        });
        mail.add(new InboundMailContent(m.id(), raw));
        mail.flush();
        return new Inserted(m.id(), key);
    }

    /**
     * The queue a mail for {@code queue} goes to, as the key of a mail without Message-ID names it: no queue is the
     * default queue (the pipe without ?queue= and a mailbox of the default queue take in one mail), names in any case.
     */
    private String queueDeliveredTo(String queue) {
        String name = queue == null || queue.isBlank() ? queues.defaultQueue().map(Queue::name).orElse("") : queue;
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public java.util.Optional<Stored> earlier(String key) {
        return mail.inboundByKey(key).map(m -> new Stored(m.id(), true, outcome(m)));
    }

    @Override
    public List<Long> stuck(java.time.Duration olderThan, int limit) {
        return mail.stuckInbound(clock.instant().minus(olderThan), limit);
    }

    @Override
    public RawMail raw(long id) {
        InboundMail m = find(id);
        return new RawMail(m.id(), mail.content(id), m.source(), m.queueName(), m.action(), m.alertSource(),
                m.state().name(), m.disposition() == null ? null : m.disposition().name());
    }

    /**
     * {@inheritDoc} Everything is flushed before returning, so that a ticket changed meanwhile by another transaction
     * (two replies of one thread at once) fails here, as a {@link ConcurrentChangeException} the gateway retries,
     * instead of at commit.
     */
    @Override
    public MailOutcome deliver(long id, String queueName, String action, MailDelivery d) {
        try {
            MailOutcome outcome = deliverNow(id, queueName, action, d);
            mail.flush();
            return outcome;
        } catch (OptimisticLockException e) {
            throw new ConcurrentChangeException(e);
        }
    }

    private MailOutcome deliverNow(long id, String queueName, String action, MailDelivery d) {
        InboundMail m = locked(id);
        // a copy of this mail that arrived at the same moment found it stored but not yet processed, and processed it
        // first: to this one it is a duplicate (the sender of each copy counts one creation)
        java.util.Optional<MailOutcome> duplicate = MailOutcome.duplicateIfDelivered(m);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        Instant now = clock.instant();
        Queue queue = queueName == null || queueName.isBlank()
                ? queues.defaultQueue().orElseThrow(() -> DomainException.invalid("queue_required",
                        "No queue named for this mail and there is no default queue."))
                : queues.byName(queueName).orElseThrow(() -> DomainException.invalid("unknown_queue",
                        "There is no queue '" + queueName + "'."));
        // the comment address takes the team's internal notes: mail there from anyone but an active agent (a
        // customer replying to all, an outsider who learnt the address) is correspondence, never a note that only
        // agents see, written in a customer's name and exempt from the rules for closed tickets
        boolean comment = "comment".equals(action) && fromActiveAgent(d);
        switch (d.mode()) {
            case IGNORE -> m.delivered(Disposition.IGNORED, d.ticket(), d.reason(), now);
            case BOUNCE -> bounce(m, d, now);
            case APPEND -> {
                Ticket t = d.ticket() == null ? null : tickets.resolve(d.ticket()).orElse(null);
                // an agent's mail (one answering a notification) goes onto the ticket it answers, closed or not: it
                // is no customer's follow-up, which would open a new ticket in the agent's name and autoreply to them
                boolean followUp = !comment && !d.machine() && (t == null || t.answeredAsCustomerBy(sender(d)));
                if (t == null || (followUp && !t.acceptsFollowUp(now, settings.reopenWindow()))) {
                    String why = t == null ? d.reason() + "; ticket #" + d.ticket() + " is gone"
                            : d.reason() + "; #" + t.number() + " is " + t.status().code() + ", so a new ticket";
                    newTicket(m, queue, d, t, comment, why, now, t);
                } else {
                    Person from = sender(d);
                    Message msg = comment ? t.receiveInternal(from, body(d, from), now)
                            : t.receive(from, body(d, from), origin(d), now);
                    msg.readFrom(m.id());
                    tickets.flush();
                    // a customer's reply (a requester's or a Cc's: not an agent's, nor a stranger's who wrote into
                    // the thread): the triggers on reply change the ticket before its owner hears of it, and an
                    // owner they assign hears of it once, by the assignment's notice (which quotes it)
                    boolean told = !d.machine() && !comment && !from.isAgent() && from.email() != null
                            && t.involves(from.email())
                            && triggers.runOnReply(t, org.opsdesk.domain.ticket.Trigger.Channel.MAIL, msg, now);
                    if (!d.machine() && !comment && !told) {
                        outbox.notifyOwner(t, msg);
                    }
                    if (comment && !d.machine()) {
                        mentionIn(t, msg, from, now);
                    }
                    if (!d.machine()) {
                        outbox.notifyWatchers(t, msg, !comment);
                    }
                    m.delivered(Disposition.APPENDED, t.number(), d.reason(), now);
                    events.fire(new TicketChanged(t.number(), "inbound_added", msg.fromAddress(), now));
                }
            }
            case NEW_TICKET -> {
                Ticket quoted = d.ticket() == null ? null : tickets.resolve(d.ticket()).orElse(null);
                newTicket(m, queue, d, quoted, comment, d.reason(), now, null);
            }
            default -> throw new IllegalStateException("unknown mode " + d.mode());
        }
        return outcome(m);
    }

    /**
     * An agent's note by mail mentions colleagues as the UI's does; the mail it answers, quoted below it (with or
     * without {@code >} marks, as Outlook quotes), does not.
     */
    private void mentionIn(Ticket t, Message note, Person from, Instant now) {
        Agents.mentionIn(people, t, org.opsdesk.application.QuotedText.authorsOwn(note.text()), from, now);
    }

    /**
     * A follow-up of a closed ticket by one of its people keeps its people: the requesters and Cc go on to the new
     * ticket (with the mail's own Cc only, a Cc'd colleague's follow-up left the requester out of every reply), and
     * so do the agents who watched it and still may (they hear of the follow-up as of any mail on the old one).
     * Never for someone else's mail, which may thread by a stored Message-ID without being one of them.
     */
    private void carryPeopleOver(Ticket old, Ticket t, MailDelivery d, Instant now) {
        Person from = sender(d);
        if (from.email() == null || !old.involves(from.email())) {
            return;
        }
        Set<String> own = outbox.ownAddresses();
        for (Person r : old.requesters()) {
            if (!r.equals(from) && !t.requesters().contains(r)) {
                t.addRequester(r, from, now);
            }
        }
        for (String c : old.cc()) {
            if (!own.contains(c) && !t.cc().contains(c) && !c.equals(from.email().value())) {
                t.addCc(EmailAddress.of(c), from, now);
            }
        }
        t.addWatchers(old.watchers().stream().filter(Person::canWorkTickets).toList(), from, now,
                "followed up #" + old.number());
    }

    /**
     * A ticket of its own for the mail; {@code followUpOf}: the closed ticket it follows up, whose people come along
     * (before the ticket is announced: a queue's notification lists them).
     */
    private void newTicket(InboundMail m, Queue queue, MailDelivery d, Ticket quoted, boolean comment, String why,
            Instant now, Ticket followUpOf) {
        Person from = sender(d);
        Set<EmailAddress> cc = new LinkedHashSet<>();
        Set<String> own = outbox.ownAddresses();
        // the copies of a mail to the comment address are the team's, not the ticket's: as its Cc, they would get
        // every public reply (an agent's reply to such a ticket goes to its Cc when the requester is an agent)
        for (String a : d.cc() == null || comment ? List.<String>of() : d.cc()) {
            try {
                EmailAddress e = EmailAddress.of(a);
                if (!own.contains(e.value()) && !e.equals(from.email())) {
                    cc.add(e);
                }
            } catch (DomainException ignored) {
                // an unreadable Cc address is not worth losing the mail over
            }
        }
        String subject = d.subject() == null || d.subject().isBlank() ? "(no subject)" : d.subject().strip();
        if (subject.length() > Ticket.MAX_SUBJECT) {
            subject = subject.substring(0, Ticket.MAX_SUBJECT - 1) + "…";
        }
        Ticket t = new Ticket(queue, subject, from, cc, Priority.NORMAL, from, now);
        tickets.add(t);
        Message msg = comment ? t.receiveInternal(from, body(d, from), now)
                : t.receive(from, body(d, from), origin(d), now);
        // the stored mail names its one message: a second delivery of it, however it came to think the mail new,
        // fails here on the unique key and is processed again, finding it delivered
        msg.readFrom(m.id());
        tickets.flush();
        if (quoted != null) {
            t.referTo(quoted, why, now);
        }
        if (followUpOf != null) {
            carryPeopleOver(followUpOf, t, d, now);
        }
        if (comment && !d.machine()) {
            mentionIn(t, msg, from, now);
        }
        boolean ownerTold = triggers.run(t, org.opsdesk.domain.ticket.Trigger.Channel.MAIL, from, now);
        if (!d.machine()) {
            // the watchers a follow-up carried over or a note mentioned; the owner a trigger assigned is not told twice
            // (the assignment's notice quotes the message)
            outbox.notifyWatchers(t, msg, ownerTold);
        }
        if (!d.machine() && !d.quiet() && !comment && from.email() != null) {
            outbox.autoreply(t, from);
        }
        m.delivered(Disposition.CREATED, t.number(), why, now);
        events.fire(new TicketChanged(t.number(), "created", from.handle(), now));
    }

    private void bounce(InboundMail m, MailDelivery d, Instant now) {
        // only a report about mail we sent to that address marks it: anyone can mail a made-up report, and a mark
        // stops automatic mail to the address for a while
        List<String> failed = d.ticket() == null || d.failedRecipients() == null ? List.of() : d.failedRecipients();
        // the mail returned may have gone out on a ticket merged into this one since: its rows keep its number
        java.util.Set<Long> about = new java.util.LinkedHashSet<>();
        if (!failed.isEmpty()) {
            about.add(d.ticket());
            tickets.resolve(d.ticket()).ifPresent(t -> about.addAll(tickets.mergedIntoEver(t)));
        }
        for (String r : failed) {
            try {
                EmailAddress address = EmailAddress.of(r);
                if (mail.sentAbout(about, address.value())) {
                    people.byEmail(address).ifPresent(p -> p.mailBounced(d.reason(), now));
                }
            } catch (DomainException ignored) {
                // a malformed recipient in a bounce report: nothing to mark
            }
        }
        Ticket t = d.ticket() == null ? null : tickets.resolve(d.ticket()).orElse(null);
        if (t == null) {
            m.delivered(Disposition.IGNORED, null, d.reason(), now);
            return;
        }
        Person from = senderOrNull(d);
        t.receive(from, body(d, from), MessageOrigin.MACHINE_MAIL, now).readFrom(m.id());
        m.delivered(Disposition.APPENDED, t.number(), d.reason(), now);
        events.fire(new TicketChanged(t.number(), "inbound_added", d.fromAddress(), now));
    }

    private static MessageOrigin origin(MailDelivery d) {
        return d.machine() ? MessageOrigin.MACHINE_MAIL : MessageOrigin.PERSON;
    }

    private MessageBody body(MailDelivery d, Person from) {
        String address = from != null && from.email() != null ? from.email().value() : d.fromAddress();
        return bodies.build(d.text(), d.html(), d.attachments(), address, d.messageId(), d.notes(),
                MessageBodies.Origin.MAIL);
    }

    private Person sender(MailDelivery d) {
        if (d.fromAddress() == null || d.fromAddress().isBlank()) {
            throw DomainException.invalid("no_sender", "The mail has no readable sender address.");
        }
        EmailAddress from = EmailAddress.of(d.fromAddress());
        Person p = customers.personFor(from);
        if (!p.isAgent() && d.fromName() != null && !d.fromName().isBlank() && p.displayName().equals(from.value())) {
            // a sender's name is taken as far as it fits: a long one must not cost the mail its ticket
            p.rename(Person.fittingDisplayName(d.fromName().replaceAll("[\\p{Cntrl}]", " ").strip()));
        }
        return p;
    }

    /** Whether the mail's From line names an active agent (looked up only: no one is created for it). */
    private boolean fromActiveAgent(MailDelivery d) {
        try {
            return d.fromAddress() != null && people.byEmail(EmailAddress.of(d.fromAddress()))
                    .filter(p -> p.isAgent() && p.isActive()).isPresent();
        } catch (DomainException unreadable) {
            return false;
        }
    }

    private Person senderOrNull(MailDelivery d) {
        try {
            return sender(d);
        } catch (DomainException e) {
            return null;
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MailOutcome quarantine(long id, String reason) {
        InboundMail m = locked(id);
        // another copy (the same mail sent twice at once) delivered it while this one failed: that delivery stands,
        // and to this copy the mail is a duplicate (answering the delivery's "created" made a client count one ticket
        // twice)
        java.util.Optional<MailOutcome> duplicate = MailOutcome.duplicateIfDelivered(m);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        m.quarantine(reason, clock.instant());
        return outcome(m);
    }

    @Override
    public Page<StoredMail> quarantined(int offset, int limit, Caller caller) {
        Agents.require(people, caller);
        return page(offset, limit, (o, l) -> mail.inboundIn(InboundMail.State.QUARANTINED, o, l),
                () -> mail.countInbound(InboundMail.State.QUARANTINED));
    }

    @Override
    public Page<StoredMail> ignored(int offset, int limit, Caller caller) {
        Agents.require(people, caller);
        return page(offset, limit, (o, l) -> mail.inboundWith(InboundMail.Disposition.IGNORED, o, l),
                () -> mail.countInboundWith(InboundMail.Disposition.IGNORED));
    }

    @Override
    public byte[] ignoredRaw(long id, Caller caller) {
        org.opsdesk.application.internal.Admins.require(caller, "read ignored mail");
        InboundMail m = mail.inbound(id).filter(x -> x.disposition() == InboundMail.Disposition.IGNORED)
                .orElseThrow(() -> new NotFoundException("mail_not_found", "There is no ignored mail " + id + "."));
        return mail.content(m.id());
    }

    /** A page of stored mail: {@code read(offset, limit)}, and how many there are in all. */
    private static Page<StoredMail> page(int offset, int limit,
            java.util.function.BiFunction<Integer, Integer, List<InboundMail>> read,
            java.util.function.LongSupplier count) {
        int lim = Page.limit(limit);
        List<StoredMail> items = read.apply(Page.offset(offset), lim).stream().map(InboundMailServiceBean::stored)
                .toList();
        return new Page<>(items, count.getAsLong(), offset, lim);
    }

    private static StoredMail stored(InboundMail m) {
        return new StoredMail(m.id(), m.receivedAt(), m.source(), m.queueName(), m.messageId(), m.size(), m.reason(),
                m.attempts(), m.sha256());
    }

    @Override
    public void checkReprocessable(long id, Caller caller) {
        Agents.require(people, caller);
        InboundMail m = find(id);
        if (m.state() == InboundMail.State.DELIVERED) {
            throw DomainException.conflict("already_delivered",
                    "Mail " + id + " was delivered already (" + m.disposition().code() + ").");
        }
    }

    @Override
    public void delete(long id, Caller caller) {
        if (caller == null || !caller.admin()) {
            throw DomainException.forbidden("admin_required", "Only an admin can delete stored mail.");
        }
        // locked, and its state read under the lock: a reprocess that delivered it meanwhile would otherwise lose
        // the mail and its dedupe key, and the next copy of it would open a second ticket
        InboundMail m = locked(id);
        if (m.state() != InboundMail.State.QUARANTINED) {
            throw DomainException.conflict("not_quarantined", "Only quarantined mail can be deleted.");
        }
        // a message read from it keeps it as its original (a mail quarantined after it landed on a ticket)
        Long ticket = mail.ticketOfMessageReadFrom(id);
        if (ticket != null) {
            throw DomainException.conflict("mail_on_ticket", "Mail " + id + " is the original of a message of ticket #"
                    + ticket + "; it stays with it.");
        }
        mail.remove(m);
    }

    @Override
    public java.util.Map<String, Long> stats(Caller caller) {
        Agents.require(people, caller);
        return mail.inboundStats();
    }

    private InboundMail find(long id) {
        return mail.inbound(id).orElseThrow(() -> notFound(id));
    }

    /** The mail, locked for the rest of the transaction: one attempt at a time decides what becomes of it. */
    private InboundMail locked(long id) {
        return mail.lockInbound(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("mail_not_found", "There is no stored mail " + id + ".");
    }

    static MailOutcome outcome(InboundMail m) {
        return MailOutcome.of(m);
    }

    private static String sha256(byte[] raw) {
        return org.opsdesk.domain.ticket.AttachmentContent.sha256Of(raw);
    }
}
