package org.opsdesk.domain.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.OneLine;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.queue.BusinessHours;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.queue.ServiceLevel;

/**
 * The ticket aggregate. Its number (sequential, human-facing) identifies it everywhere. It changes
 * only through its verbs, and every change writes one immutable {@link HistoryEntry}.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    public static final int MAX_SUBJECT = 500;

    @Id
    @SequenceGenerator(name = "ticket_number", sequenceName = "ticket_number_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_number")
    private Long number;

    @Version
    private long version;

    @Column(nullable = false, length = MAX_SUBJECT)
    private String subject;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "queue_id")
    private Queue queue;

    @ManyToMany
    @JoinTable(name = "ticket_requester", joinColumns = @JoinColumn(name = "ticket_number"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    @OrderBy("id")
    private Set<Person> requesters = new LinkedHashSet<>();

    /** Agents told by mail of each new message (RT's AdminCc, Zammad's subscribers); see {@link Watcher}. */
    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Watcher> watchers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "ticket_cc", joinColumns = @JoinColumn(name = "ticket_number"))
    @Column(name = "address", length = 254)
    private Set<String> cc = new LinkedHashSet<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Person owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Priority priority;

    /** The priority's place in its order ({@link Priority#ordinal()}), kept for lists sorted by priority (indexed). */
    @Column(name = "priority_rank", nullable = false)
    private short priorityRank;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    private static final Instant LATEST_DUE = Instant.parse("9999-12-31T23:59:59Z");

    @Column(name = "due_at")
    private Instant due;

    /** Under the queue's service level: when the first public reply is due, and resolution (null: no target). */
    @Column(name = "response_due_at")
    private Instant responseDue;

    @Column(name = "resolution_due_at")
    private Instant resolutionDue;

    /** The first public reply by an agent; on a ticket monitoring opened, the first time an agent took it. */
    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    /** Opened by monitoring's first message: nobody awaits a reply, an owner acknowledges it. */
    @Column(name = "opened_by_monitoring", nullable = false)
    private boolean openedByMonitoring;

    /** Since when the service level's clock stands (the ticket is pending, resolved, closed or rejected). */
    @Column(name = "sla_paused_at")
    private Instant slaPausedAt;

    /** The business time the clock stood before, added to the deadlines. */
    @Column(name = "sla_paused_seconds", nullable = false)
    private long slaPausedSeconds;

    /** Whether the breach of each deadline was told (once; a deadline moved later may be breached and told again). */
    @Column(name = "response_escalated", nullable = false)
    private boolean responseEscalated;

    @Column(name = "resolution_escalated", nullable = false)
    private boolean resolutionEscalated;

    /** When the service level warns that each deadline nears (null: no warning), and whether it did (once). */
    @Column(name = "response_warn_at")
    private Instant responseWarnAt;

    @Column(name = "resolution_warn_at")
    private Instant resolutionWarnAt;

    @Column(name = "response_warned", nullable = false)
    private boolean responseWarned;

    @Column(name = "resolution_warned", nullable = false)
    private boolean resolutionWarned;

    /** While pending: when the ticket opens again by itself (null: it waits for the customer alone). */
    @Column(name = "pending_until")
    private Instant pendingUntil;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "merged_into")
    private Ticket mergedInto;

    @ElementCollection
    @CollectionTable(name = "ticket_tag", joinColumns = @JoinColumn(name = "ticket_number"))
    @Column(name = "tag", length = 64)
    private Set<String> tags = new LinkedHashSet<>();

    /** Minutes worked on the ticket in all: its {@link TimeEntry time entries}' and those of tickets merged into it. */
    @Column(name = "time_worked", nullable = false)
    private int timeWorked;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<TimeEntry> timeEntries = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Message> messages = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<HistoryEntry> history = new ArrayList<>();

    @OneToMany(mappedBy = "source", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Link> links = new ArrayList<>();

    protected Ticket() {
        // JPA
    }

    /**
     * Opens a new ticket in {@code queue} for {@code requester}; the first message, if any, is added
     * with {@link #receive} or {@link #reply} by the caller.
     */
    public Ticket(Queue queue, String subject, Person requester, Set<EmailAddress> cc, Priority priority,
            Person creator, Instant now) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.subject = validSubject(subject);
        this.requesters.add(Objects.requireNonNull(requester, "requester"));
        if (cc != null) {
            cc.forEach(a -> this.cc.add(a.value()));
        }
        prioritize(priority == null ? Priority.NORMAL : priority);
        this.status = TicketStatus.NEW.code();
        this.createdAt = now;
        this.updatedAt = now;
        record(creator, now, HistoryKind.CREATED, null, this.subject, "in queue " + queue.name());
        applyServiceLevel(now);
    }

    public static String validSubject(String subject) {
        String s = subject == null ? "" : OneLine.of(subject);
        if (s.indexOf('\0') >= 0) {
            throw DomainException.invalid("invalid_text", "A subject must not contain the NUL character (U+0000).");
        }
        if (s.isEmpty()) {
            throw DomainException.invalid("subject_required", "A ticket needs a subject.");
        }
        if (s.length() > MAX_SUBJECT) {
            throw DomainException.invalid("subject_too_long", "A subject has at most " + MAX_SUBJECT + " characters.");
        }
        return s;
    }

    // ---------------------------------------------------------------- messages

    /** A public reply by an agent; the customer gets it. Answering a new ticket opens it. */
    public Message reply(Person agent, MessageBody body, Instant now) {
        requireAgent(agent, "reply");
        Message m = addMessage(MessageKind.REPLY, agent, body, now);
        record(agent, now, HistoryKind.REPLY_ADDED, null, String.valueOf(body.attachments().size()), null);
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        if (status() == TicketStatus.NEW) {
            changeStatusInternal(TicketStatus.OPEN, agent, now, "answered");
        }
        return m;
    }

    /** An internal comment by an agent; it never leaves OpsDesk. */
    public Message comment(Person agent, MessageBody body, Instant now) {
        requireAgent(agent, "comment");
        Message m = addMessage(MessageKind.COMMENT, agent, body, now);
        record(agent, now, HistoryKind.COMMENT_ADDED, null, String.valueOf(body.attachments().size()), null);
        acknowledgeIfOwner(agent, now);
        return m;
    }

    /**
     * A message from outside (mail, a requester, monitoring). A person's message to a pending ticket (waiting on the
     * customer, a vendor, another team) opens it again, as RT does with a stalled ticket; a customer's to a resolved
     * ticket reopens it, but not an agent's (one answering a notification by mail is no customer answering) unless the
     * agent is its requester; a machine's (auto-replies, bounces, monitoring) never does. The history says where it
     * came from.
     */
    public Message receive(Person from, MessageBody body, MessageOrigin origin, Instant now) {
        requireNotMerged();
        if (messages.isEmpty() && origin == MessageOrigin.MONITORING) {
            openedByMonitoring = true;
        }
        Message m = addMessage(MessageKind.INBOUND, from, body, now);
        record(from, now, HistoryKind.INBOUND_ADDED, null, body.fromAddress(), origin.note());
        boolean person = origin == MessageOrigin.PERSON;
        if (person && answeredAsCustomerBy(from) && status() == TicketStatus.RESOLVED) {
            changeStatusInternal(TicketStatus.OPEN, from, now, "reopened by a reply from the customer");
        } else if (person && status() == TicketStatus.PENDING) {
            changeStatusInternal(TicketStatus.OPEN, from, now, "the customer answered");
        }
        return m;
    }

    /**
     * Whether a message from {@code from} is a customer's answer: anyone's but an agent's who can work tickets, unless
     * that agent is a requester of this ticket (its customer). Only a customer's answer reopens a resolved ticket, or
     * follows up a closed one with a new ticket.
     */
    public boolean answeredAsCustomerBy(Person from) {
        return !from.canWorkTickets() || requesters.contains(from);
    }

    /** Mail to the queue's comment address: an internal note from whoever sent it, never public. */
    public Message receiveInternal(Person from, MessageBody body, Instant now) {
        requireNotMerged();
        Message m = addMessage(MessageKind.COMMENT, from, body, now);
        record(from, now, HistoryKind.COMMENT_ADDED, null, body.fromAddress(), "by mail to the comment address");
        return m;
    }

    private Message addMessage(MessageKind kind, Person author, MessageBody body, Instant now) {
        requireNotMerged();
        Message m = new Message(this, kind, author, body, now);
        messages.add(m);
        updatedAt = now;
        return m;
    }

    /**
     * Whether a customer's mail may still land on this ticket: not when it is closed or rejected, nor
     * when it was resolved longer ago than {@code reopenWindow}; such mail opens a new ticket instead.
     */
    public boolean acceptsFollowUp(Instant now, java.time.Duration reopenWindow) {
        TicketStatus s = status();
        if (s == TicketStatus.CLOSED || s == TicketStatus.REJECTED) {
            return false;
        }
        return s != TicketStatus.RESOLVED || resolvedAt == null || !resolvedAt.plus(reopenWindow).isBefore(now);
    }

    // ---------------------------------------------------------------- status

    /**
     * Moves the ticket to {@code next} if {@link TicketStatus} allows it; reopening a closed ticket
     * needs an admin. An optional note is kept with the history entry.
     */
    public void changeStatus(TicketStatus next, Person actor, String note, Instant now) {
        requireNotMerged();
        requireAgent(actor, "change the status");
        TicketStatus current = status();
        current.checkTransitionTo(next);
        if (current.requiresAdminFor(next) && !actor.isAdmin()) {
            throw DomainException.forbidden("admin_required", "Only an admin can reopen a closed ticket.");
        }
        acknowledgeIfOwner(actor, now);
        changeStatusInternal(next, actor, now, note);
    }

    public void resolve(Person actor, String note, Instant now) {
        changeStatus(TicketStatus.RESOLVED, actor, note, now);
    }

    public void reopen(Person actor, String note, Instant now) {
        changeStatus(TicketStatus.OPEN, actor, note, now);
    }

    public void close(Person actor, String note, Instant now) {
        changeStatus(TicketStatus.CLOSED, actor, note, now);
    }

    /**
     * Sets the ticket pending until {@code until} (Zammad's pending reminder, RT's "Starts"): waiting for the customer,
     * a vendor or a change window, after which it opens again by itself and its owner is told ({@link #remindIfDue}).
     * A pending ticket only moves its time.
     */
    public void pendUntil(Instant until, Person actor, String note, Instant now) {
        requireNotMerged();
        requireAgent(actor, "set a pending reminder");
        if (until == null || until.isAfter(LATEST_DUE) || until.isBefore(Instant.EPOCH)) {
            throw DomainException.invalid("invalid_pending_until", "A pending reminder is a time between 1970 and"
                    + " 9999.");
        }
        boolean unchanged = status() == TicketStatus.PENDING && until.equals(pendingUntil);
        if (!unchanged && until.isBefore(now.minus(PAST_GRACE))) {
            // a typo of a year or a month would open the ticket again at the next tick, the wait silently lost
            throw DomainException.invalid("pending_until_past", "A pending reminder lies ahead; " + until
                    + " has passed.");
        }
        if (status() != TicketStatus.PENDING) {
            changeStatus(TicketStatus.PENDING, actor, note, now);
        }
        if (!until.equals(pendingUntil)) {
            record(actor, now, HistoryKind.PENDING_UNTIL, pendingUntil == null ? null : pendingUntil.toString(),
                    until.toString(), null);
            pendingUntil = until;
            updatedAt = now;
        }
    }

    /** How far in the past a reminder may be set (the minute the agent typed, a clock a little behind): none then. */
    static final java.time.Duration PAST_GRACE = java.time.Duration.ofMinutes(5);

    /**
     * Opens a pending ticket whose reminder time has come ({@code now} or earlier), recorded without an actor (it is
     * OpsDesk's doing); false when it is not due.
     */
    public boolean remindIfDue(Instant now) {
        if (status() != TicketStatus.PENDING || pendingUntil == null || pendingUntil.isAfter(now) || mergedInto() != null) {
            return false;
        }
        changeStatusInternal(TicketStatus.OPEN, null, now, "pending reminder: the time set has come");
        return true;
    }

    private void changeStatusInternal(TicketStatus next, Person actor, Instant now, String note) {
        if (next != TicketStatus.PENDING) {
            pendingUntil = null; // the wait is over, whoever ended it
        }
        TicketStatus old = status();
        this.status = next.code();
        if (clockRuns(old) && !clockRuns(next)) {
            slaPausedAt = now;
        } else if (!clockRuns(old) && clockRuns(next)) {
            if (slaPausedAt != null) {
                slaPausedSeconds += queue.businessHours().between(slaPausedAt, now).getSeconds();
                slaPausedAt = null;
            }
            applyServiceLevel(now); // and by the queue's service level as it is now
        }
        if (next == TicketStatus.RESOLVED) {
            resolvedAt = now;
        } else if (next == TicketStatus.OPEN || next == TicketStatus.PENDING) {
            resolvedAt = null;
        }
        updatedAt = now;
        record(actor, now, HistoryKind.STATUS, old.code(), next.code(), note);
    }

    // ---------------------------------------------------------------- service level

    /** The service level's clock runs while the team owes the customer something: a new or open ticket. */
    private static boolean clockRuns(TicketStatus s) {
        return s == TicketStatus.NEW || s == TicketStatus.OPEN;
    }

    /**
     * Sets the deadlines by the queue's service level, from the ticket's creation and its priority, later by the
     * business time the clock stood; a deadline moved past {@code now} may be breached, and told, again. The first
     * response's deadline stays as it was once the response is given: it is the record of whether it came in time
     * (moved by a later pause or change, a late response would read as on time).
     */
    private void applyServiceLevel(Instant now) {
        ServiceLevel level = queue.serviceLevel();
        BusinessHours hours = queue.businessHours();
        java.time.Duration paused = java.time.Duration.ofSeconds(slaPausedSeconds);
        Instant resolution = level.resolutionDue(priority, createdAt, paused, hours);
        if (firstResponseAt == null) {
            Instant response = level.responseDue(priority, createdAt, paused, hours);
            if (!Objects.equals(response, responseDue)) {
                responseDue = response;
                responseEscalated = responseEscalated && response != null && !response.isAfter(now);
            }
            Instant responseWarning = level.responseWarning(priority, createdAt, paused, hours);
            if (!Objects.equals(responseWarning, responseWarnAt)) {
                responseWarnAt = responseWarning;
                responseWarned = responseWarned && responseWarning != null && !responseWarning.isAfter(now);
            }
        }
        if (!Objects.equals(resolution, resolutionDue)) {
            resolutionDue = resolution;
            resolutionEscalated = resolutionEscalated && resolution != null && !resolution.isAfter(now);
        }
        Instant resolutionWarning = level.resolutionWarning(priority, createdAt, paused, hours);
        if (!Objects.equals(resolutionWarning, resolutionWarnAt)) {
            resolutionWarnAt = resolutionWarning;
            resolutionWarned = resolutionWarned && resolutionWarning != null && !resolutionWarning.isAfter(now);
        }
    }

    /**
     * The queue's service level (or its hours) changed: the deadlines follow it. One it moved into the past is
     * escalated, and a warning it made due given, in the history but told to nobody: a service level set on a queue
     * of old tickets would mail a breach for each of them at once. A deadline already past before it (breached a
     * moment ago, not checked yet), moved or not, stays the regular check's to tell, by mail as usual.
     */
    public void serviceLevelChanged(Instant now) {
        if (mergedInto == null) {
            Instant response = responseDue;
            Instant resolution = resolutionDue;
            Instant responseWarning = responseWarnAt;
            Instant resolutionWarning = resolutionWarnAt;
            applyServiceLevel(now);
            escalate(now, movedIntoThePast(response, responseDue, now),
                    movedIntoThePast(resolution, resolutionDue, now));
            warn(now, movedIntoThePast(responseWarning, responseWarnAt, now),
                    movedIntoThePast(resolutionWarning, resolutionWarnAt, now));
        }
    }

    /**
     * Whether a change moved a deadline (or a warning's time) from none, or from the future, to {@code now} or
     * before: one already past before it was the regular check's to tell, and still is.
     */
    private static boolean movedIntoThePast(Instant before, Instant after, Instant now) {
        return after != null && !after.isAfter(now) && (before == null || before.isAfter(now));
    }

    /**
     * Past a deadline of the service level as of {@code now}, with the clock running (Zammad's "escalated"): the
     * first response due and not given, or the resolution due. The ticket list's {@code escalated} filter is the
     * same rule in the database's words.
     */
    public boolean isEscalated(Instant now) {
        return clockRuns(status()) && mergedInto == null && (responseBreached(now) || resolutionBreached(now));
    }

    private boolean responseBreached(Instant now) {
        return firstResponseAt == null && responseDue != null && !responseDue.isAfter(now);
    }

    private boolean resolutionBreached(Instant now) {
        return resolutionDue != null && !resolutionDue.isAfter(now);
    }

    /**
     * Records each deadline breached as of {@code now} and not yet told (OpsDesk's doing, no actor), and answers
     * which: {@code first response}, {@code resolution}; none while the clock stands.
     */
    public List<String> escalateIfDue(Instant now) {
        return escalate(now, true, true);
    }

    /** {@link #escalateIfDue} of the deadlines named: the first {@code response}, the {@code resolution}. */
    private List<String> escalate(Instant now, boolean response, boolean resolution) {
        List<String> breached = new ArrayList<>();
        if (!clockRuns(status()) || mergedInto != null) {
            return breached;
        }
        if (response && responseBreached(now) && !responseEscalated) {
            responseEscalated = true;
            breached.add("first response");
            record(null, now, HistoryKind.ESCALATED, responseDue.toString(), "first response", null);
        }
        if (resolution && resolutionBreached(now) && !resolutionEscalated) {
            resolutionEscalated = true;
            breached.add("resolution");
            record(null, now, HistoryKind.ESCALATED, resolutionDue.toString(), "resolution", null);
        }
        return breached;
    }

    private boolean responseWarningDue(Instant now) {
        return firstResponseAt == null && responseWarnAt != null && !responseWarnAt.isAfter(now);
    }

    private boolean resolutionWarningDue(Instant now) {
        return resolutionWarnAt != null && !resolutionWarnAt.isAfter(now);
    }

    /**
     * Records each deadline whose warning is due as of {@code now} and not yet given (OpsDesk's doing, no actor), and
     * answers which: {@code first response}, {@code resolution}; none while the clock stands. A deadline already
     * breached warns no more ({@link #escalateIfDue} told of it).
     */
    public List<String> warnIfDue(Instant now) {
        return warn(now, true, true);
    }

    /** {@link #warnIfDue} of the deadlines named: the first {@code response}, the {@code resolution}. */
    private List<String> warn(Instant now, boolean response, boolean resolution) {
        List<String> nearing = new ArrayList<>();
        if (!clockRuns(status()) || mergedInto != null) {
            return nearing;
        }
        if (response && responseWarningDue(now) && !responseWarned) {
            responseWarned = true;
            if (!responseBreached(now)) {
                nearing.add("first response");
                record(null, now, HistoryKind.SLA_WARNING, responseDue.toString(), "first response", null);
            }
        }
        if (resolution && resolutionWarningDue(now) && !resolutionWarned) {
            resolutionWarned = true;
            if (!resolutionBreached(now)) {
                nearing.add("resolution");
                record(null, now, HistoryKind.SLA_WARNING, resolutionDue.toString(), "resolution", null);
            }
        }
        return nearing;
    }

    /**
     * Whether a deadline is near as of {@code now} (its warning due) and not yet passed, with the clock running: the
     * first response not given, or the resolution.
     */
    public boolean isNearingDeadline(Instant now) {
        return clockRuns(status()) && mergedInto == null && !isEscalated(now)
                && (responseWarningDue(now) || resolutionWarningDue(now));
    }

    /**
     * The next deadline of the service level while the clock runs: the first response until it is given, else the
     * resolution; null when the clock stands or none applies. The ticket list's {@code sla} sort is the same rule.
     */
    public Instant nextDeadline() {
        if (!clockRuns(status()) || mergedInto != null) {
            return null;
        }
        Instant response = firstResponseAt == null ? responseDue : null;
        return response != null && (resolutionDue == null || response.isBefore(resolutionDue)) ? response
                : resolutionDue;
    }

    /** When the first public reply is due under the service level; null: no target. */
    public Instant responseDue() {
        return responseDue;
    }

    /** When the ticket is due resolved under the service level; null: no target. */
    public Instant resolutionDue() {
        return resolutionDue;
    }

    /** The first public reply by an agent; null: none yet. */
    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    // ---------------------------------------------------------------- tags

    /** The most tags an agent may give one ticket (a merge may bring more). */
    public static final int MAX_TAGS = 20;

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile(
            "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}._:/+#-]*");

    /**
     * A tag as stored: trimmed, lower-cased, a leading {@code #} dropped; letters, digits and {@code . _ : / + # -},
     * starting with a letter or digit, at most 64 characters (400 {@code invalid_tag}).
     */
    public static String validTag(String tag) {
        // one form of each word (NFC: a decomposed "café" is the composed one), combining marks allowed (Hindi, Thai)
        String t = java.text.Normalizer.normalize(tag == null ? "" : tag.strip(), java.text.Normalizer.Form.NFC)
                .toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("#")) {
            t = t.substring(1);
        }
        if (t.length() > 64 || !TAG.matcher(t).matches()) {
            throw DomainException.invalid("invalid_tag", "A tag is a word of letters, digits and . _ : / + # -,"
                    + " starting with a letter or digit, at most 64 characters; '" + (tag == null ? "" : tag.strip())
                    + "' is not.");
        }
        return t;
    }

    /**
     * Tags as a macro or trigger keeps them: each checked ({@link #validTag}), blanks skipped, duplicates dropped, at
     * most {@value #MAX_TAGS} (400 {@code too_many_tags} with {@code refusal}, its {@code %d} the limit).
     */
    public static Set<String> validTags(java.util.Collection<String> tags, String refusal) {
        Set<String> valid = new java.util.LinkedHashSet<>();
        for (String t : tags == null ? List.<String>of() : tags) {
            if (t != null && !t.isBlank()) {
                valid.add(validTag(t));
            }
        }
        if (valid.size() > MAX_TAGS) {
            throw DomainException.invalid("too_many_tags", String.format(java.util.Locale.ROOT, refusal, MAX_TAGS));
        }
        return valid;
    }

    /** Tags as a macro or trigger stores them in one column: separated by spaces (a tag holds none); none: null. */
    static String joinedTags(Set<String> tags) {
        return tags.isEmpty() ? null : String.join(" ", tags);
    }

    /** The tags {@link #joinedTags} stored, in their order. */
    static List<String> splitTags(String joined) {
        return joined == null ? List.of() : new ArrayList<>(java.util.Arrays.asList(joined.split(" ")));
    }

    /** The ticket's tags become {@code newTags} (the whole list, at most {@link #MAX_TAGS}); each change recorded. */
    public void retag(java.util.Collection<String> newTags, Person actor, Instant now) {
        requireNotMerged();
        requireAgent(actor, "tag tickets");
        Set<String> wanted = new java.util.TreeSet<>();
        newTags.forEach(t -> wanted.add(validTag(t)));
        // a merge may have brought more than the limit: then only taking some off is allowed
        if (wanted.size() > MAX_TAGS && !tags.containsAll(wanted)) {
            throw DomainException.invalid("too_many_tags", "A ticket has at most " + MAX_TAGS + " tags.");
        }
        for (String old : new java.util.TreeSet<>(tags)) {
            if (!wanted.contains(old)) {
                tags.remove(old);
                record(actor, now, HistoryKind.TAG_REMOVED, old, null, null);
                updatedAt = now;
            }
        }
        addTags(wanted, actor, now);
    }

    /** Adds tags (already valid), each recorded; a merge brings the merged ticket's, whatever their number. */
    public void addTags(java.util.Collection<String> more, Person actor, Instant now) {
        requireNotMerged();
        addTags(more, actor, now, null, Integer.MAX_VALUE);
    }

    /** Adds each of {@code more} (valid) the ticket lacks while it has fewer than {@code limit}, each recorded. */
    private void addTags(java.util.Collection<String> more, Person actor, Instant now, String note, int limit) {
        for (String t : new java.util.TreeSet<>(more)) {
            if (tags.size() < limit && tags.add(t)) {
                record(actor, now, HistoryKind.TAG_ADDED, null, t, note);
                updatedAt = now;
            }
        }
    }

    // ---------------------------------------------------------------- split

    /**
     * Starts this new ticket with a copy of {@code original}, a message of {@code source} about something else (a
     * customer's new problem written into an old thread; RT's, Znuny's and Zammad's "split"): its text, HTML, files
     * (their stored content shared), author and time, never its Message-ID (mail threads on by it to {@code source}
     * alone). The original stays where it is; both tickets' histories say so.
     */
    public Message splitFrom(Ticket source, Message original, Person agent, Instant now) {
        requireAgent(agent, "split tickets");
        requireNotMerged();
        if (!messages.isEmpty() || number != null && number.equals(source.number())) {
            throw new IllegalStateException("a split starts a new ticket");
        }
        List<Attachment> files = original.attachments().stream()
                .map(a -> new Attachment(a.filename(), a.contentType(), a.content(), a.contentId())).toList();
        MessageBody body = new MessageBody(original.text(), original.html(), files, original.fromAddress(), null,
                "split from #" + source.number() + (original.notes() == null ? "" : "; " + original.notes()));
        Message m = new Message(this, original.kind(), original.author(), body, original.createdAt());
        messages.add(m);
        updatedAt = now;
        record(agent, now, HistoryKind.SPLIT_FROM, null, "#" + source.number(), "message " + original.id());
        return m;
    }

    /** Records on this ticket that {@code original} was copied to start {@code split}. */
    public void splitOff(Ticket split, Message original, Person agent, Instant now) {
        requireAgent(agent, "split tickets");
        requireNotMerged();
        record(agent, now, HistoryKind.SPLIT_OFF, null, "#" + split.number(), "message " + original.id());
    }

    /** The ticket a message of this one was split off to, if it was (the newest such); else null. */
    public String splitOffTo(Message original) {
        String note = "message " + original.id();
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry h = history.get(i);
            if (h.kind() == HistoryKind.SPLIT_OFF && note.equals(h.note())) {
                return h.newValue();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- watchers

    /** The most agents that may watch one ticket (a merge may bring more). */
    public static final int MAX_WATCHERS = 50;

    /**
     * {@code agent} watches the ticket from now on: told by mail of each new message on it (see
     * {@code OutboxWriter.notifyWatchers}). Only an active agent watches (400 {@code not_an_agent}); answers whether
     * they did not already.
     */
    public boolean watch(Person agent, Person actor, Instant now) {
        requireNotMerged();
        requireAgent(actor, "change who watches a ticket");
        if (agent == null || !agent.canWorkTickets()) {
            throw DomainException.invalid("not_an_agent", "Only an active agent can watch a ticket"
                    + (agent == null ? "." : "; " + agent.handle() + " is not one."));
        }
        if (isWatchedBy(agent)) {
            return false;
        }
        if (watchers.size() >= MAX_WATCHERS) {
            throw DomainException.invalid("too_many_watchers", "A ticket has at most " + MAX_WATCHERS
                    + " watchers.");
        }
        watchers.add(new Watcher(this, agent, now));
        record(actor, now, HistoryKind.WATCHER_ADDED, null, agent.handle(), null);
        return true;
    }

    /**
     * {@code agent}, mentioned by {@code actor} in a message ({@link Mentions}), watches the ticket from now on:
     * unless they do already, wrote it themselves, are no active agent or the ticket has all the watchers it may
     * (a mention is a word then, never a refusal of the message). Answers whether they were added.
     */
    public boolean mention(Person agent, Person actor, Instant now) {
        if (agent == null || !agent.canWorkTickets() || agent.equals(actor) || isWatchedBy(agent)
                || watchers.size() >= MAX_WATCHERS) {
            return false;
        }
        requireNotMerged();
        requireAgent(actor, "mention agents");
        watchers.add(new Watcher(this, agent, now));
        record(actor, now, HistoryKind.WATCHER_ADDED, null, agent.handle(), "mentioned");
        return true;
    }

    /**
     * {@code agent} (an agent disabled since too) no longer watches the ticket; answers whether they did. Their row
     * is deleted at the flush, after the inserts: to watch again in the same transaction, flush in between (else the
     * new row meets the old one's unique key).
     */
    public boolean unwatch(Person agent, Person actor, Instant now) {
        requireNotMerged();
        requireAgent(actor, "change who watches a ticket");
        if (!watchers.removeIf(w -> w.agent().equals(agent))) {
            return false;
        }
        record(actor, now, HistoryKind.WATCHER_REMOVED, agent.handle(), null, null);
        return true;
    }

    /**
     * The watchers of another ticket watch this one too, whatever their number: of a ticket merged into this one, or
     * of the closed one this follows up; {@code why} goes to the history.
     */
    public void addWatchers(java.util.Collection<Person> more, Person actor, Instant now, String why) {
        requireNotMerged();
        for (Person p : more) {
            if (!isWatchedBy(p)) {
                watchers.add(new Watcher(this, p, now));
                record(actor, now, HistoryKind.WATCHER_ADDED, null, p.handle(), why);
            }
        }
    }

    public boolean isWatchedBy(Person agent) {
        return watchers.stream().anyMatch(w -> w.agent().equals(agent));
    }

    // ---------------------------------------------------------------- time worked

    /** The most minutes one entry may log, positive or negative: a week. */
    public static final int MAX_MINUTES = 7 * 24 * 60;

    /**
     * Logs {@code minutes} worked on the ticket by {@code agent} (RT's Time Worked, Zammad's time accounting), with
     * the message it was logged with ({@code with}, of this ticket, or null) and a note. A negative entry corrects an
     * earlier one; the ticket's total never goes below zero.
     */
    public TimeEntry logTime(Person agent, int minutes, String note, Message with, Instant now) {
        requireNotMerged();
        requireAgent(agent, "log time worked");
        if (minutes == 0 || minutes < -MAX_MINUTES || minutes > MAX_MINUTES) { // abs(MIN_VALUE) is negative
            throw DomainException.invalid("invalid_minutes", "Time worked is a whole number of minutes, not 0, at most "
                    + MAX_MINUTES + " (a week) either way: a negative number corrects an earlier entry.");
        }
        if (timeWorked + minutes < 0) {
            throw DomainException.invalid("time_worked_below_zero", "Ticket #" + number + " has " + timeWorked
                    + " minutes worked in all; a correction takes off at most that.");
        }
        if (with != null && !with.ticket().number().equals(number)) { // by number: either may be a proxy
            throw new IllegalArgumentException("message " + with.id() + " is not of ticket #" + number);
        }
        String text = OneLine.orNull(note);
        if (text != null && text.indexOf('\0') >= 0) {
            throw DomainException.invalid("invalid_text", "A note must not contain the NUL character (U+0000).");
        }
        if (text != null && text.length() > TimeEntry.MAX_NOTE) {
            throw DomainException.invalid("note_too_long", "A time entry's note has at most " + TimeEntry.MAX_NOTE
                    + " characters.");
        }
        TimeEntry entry = new TimeEntry(this, agent, minutes, now, with, text);
        timeEntries.add(entry);
        record(agent, now, HistoryKind.TIME_WORKED, String.valueOf(timeWorked), String.valueOf(timeWorked + minutes),
                text);
        timeWorked += minutes;
        updatedAt = now;
        return entry;
    }

    // ---------------------------------------------------------------- monitoring (a system actor)

    /**
     * The monitoring that opened this ticket reports on its alert (a state change, an acknowledgement,
     * a downtime, flapping): one history entry by {@code source}, nothing else changes.
     */
    public void recordAlert(Person source, String oldValue, String newValue, String note, Instant now) {
        requireNotMerged();
        updatedAt = now;
        record(source, now, HistoryKind.ALERT, oldValue, newValue, note);
    }

    /** An agent linked the ticket to a host by hand, or unlinked it: in the history, not a change of the ticket. */
    public void hostLinked(Person agent, String host, boolean linked, Instant now) {
        requireAgent(agent, linked ? "link a host" : "unlink a host");
        requireNotMerged();
        record(agent, now, linked ? HistoryKind.HOST_LINKED : HistoryKind.HOST_UNLINKED, linked ? null : host,
                linked ? host : null, null);
    }

    /**
     * The message a forward sends when none is named: the latest from a requester (not a vendor's answer to an
     * earlier forward, nor a bounce), else the latest that is no internal comment (the record of an earlier forward
     * is one), else the first; null without messages.
     */
    public Message messageToForward() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.kind() == MessageKind.INBOUND && m.author() != null && requesters.contains(m.author())) {
                return m;
            }
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).kind() != MessageKind.COMMENT) {
                return messages.get(i);
            }
        }
        return messages.isEmpty() ? null : messages.get(0);
    }

    /**
     * An agent sent {@code message} of this ticket on by mail to {@code recipients} (a vendor, another team): in the
     * history with whom it went to; the ticket's people and status stay as they are.
     */
    public void forwarded(Person agent, Message message, java.util.Collection<String> recipients, Instant now) {
        requireAgent(agent, "forward a message");
        requireNotMerged();
        if (message == null || !messages.contains(message)) {
            throw DomainException.invalid("unknown_message", "Forward a message of this ticket.");
        }
        updatedAt = now;
        record(agent, now, HistoryKind.FORWARDED, null, String.join(", ", recipients), "message " + message.id());
    }

    /** An internal note by the monitoring (a recovery's output, say); it never reopens the ticket. */
    public Message noteFromMonitoring(Person source, MessageBody body, Instant now) {
        Message m = addMessage(MessageKind.COMMENT, source, body, now);
        record(source, now, HistoryKind.COMMENT_ADDED, null, body.fromAddress(), "by the monitoring");
        return m;
    }

    /**
     * The monitoring reports that the problem recovered: the ticket is resolved if its status allows
     * it (not when a human resolved, closed or rejected it already). Answers whether it was resolved.
     */
    public boolean resolveOnRecovery(Person source, String note, Instant now) {
        requireNotMerged();
        if (!status().canTransitionTo(TicketStatus.RESOLVED)) {
            return false;
        }
        changeStatusInternal(TicketStatus.RESOLVED, source, now, note);
        return true;
    }

    // ---------------------------------------------------------------- ownership

    /** An agent takes an unowned ticket. */
    public void take(Person agent, Instant now) {
        requireAgent(agent, "take a ticket");
        requireNotMerged();
        if (owner != null) {
            throw DomainException.conflict("already_owned", "Ticket #" + number + " is owned by " + owner.handle()
                    + (owner.equals(agent) ? " already." : "; steal it to take it over."));
        }
        setOwner(agent, agent, now, "take");
    }

    /** An agent takes a ticket owned by someone else; the previous owner is recorded. */
    public void steal(Person agent, Instant now) {
        requireAgent(agent, "steal a ticket");
        requireNotMerged();
        if (owner == null) {
            throw DomainException.conflict("not_owned", "Ticket #" + number + " is unowned; take it instead.");
        }
        if (owner.equals(agent)) {
            throw DomainException.conflict("already_owned", "You own ticket #" + number + " already.");
        }
        setOwner(agent, agent, now, "steal from " + owner.handle());
    }

    /** {@code actor} makes {@code agent} the owner. */
    public void assign(Person agent, Person actor, Instant now) {
        requireAgent(actor, "assign a ticket");
        requireNotMerged();
        if (agent == null || !agent.canWorkTickets()) {
            throw DomainException.invalid("not_an_agent", "Tickets can be assigned only to active agents.");
        }
        if (agent.equals(owner)) {
            throw DomainException.conflict("already_owned", "Ticket #" + number + " is owned by " + agent.handle()
                    + " already.");
        }
        setOwner(agent, actor, now, "assign");
    }

    /** The owner (or an admin) gives the ticket up. */
    public void release(Person actor, Instant now) {
        requireAgent(actor, "release a ticket");
        requireNotMerged();
        if (owner == null) {
            throw DomainException.conflict("not_owned", "Ticket #" + number + " is unowned already.");
        }
        if (!owner.equals(actor) && !actor.isAdmin()) {
            throw DomainException.forbidden("not_owner", "Only the owner (" + owner.handle()
                    + ") or an admin can release ticket #" + number + "; steal it to take it over.");
        }
        setOwner(null, actor, now, "release");
    }

    private void setOwner(Person next, Person actor, Instant now, String action) {
        setOwner(next, actor, now, action, true);
    }

    /** {@code acknowledges}: whether a new owner is the first response to an alert (an agent, not a trigger, chose). */
    private void setOwner(Person next, Person actor, Instant now, String action, boolean acknowledges) {
        String old = owner == null ? null : owner.handle();
        owner = next;
        updatedAt = now;
        record(actor, now, HistoryKind.OWNER, old, next == null ? null : next.handle(), action);
        if (acknowledges && next != null && openedByMonitoring && firstResponseAt == null) {
            firstResponseAt = now; // the alert is acknowledged: someone is on it
        }
    }

    // ---------------------------------------------------------------- triggers

    /**
     * What trigger {@code trigger} does to this ticket (new, or one a customer's mail just landed on), OpsDesk's doing
     * (no actor; each change recorded with the note {@code trigger NAME}): its queue, priority and owner (an agent no
     * longer active is skipped), and tags added up to the ticket's limit. An owner set this way is not a first
     * response to an alert (no one has seen it yet): the owner's first comment or change of status is.
     *
     * @return whether the owner changed
     */
    public boolean applyTrigger(String trigger, Queue newQueue, Priority newPriority, Person newOwner,
            java.util.Collection<String> moreTags, Instant now) {
        requireNotMerged();
        String note = "trigger " + trigger;
        boolean moved = newQueue != null && relocate(newQueue, null, now, note);
        if ((newPriority != null && reprioritize(newPriority, null, now, note)) || moved) {
            applyServiceLevel(now); // once, from both (see #reclassify)
        }
        boolean assigned = newOwner != null && newOwner.canWorkTickets() && !newOwner.equals(owner);
        if (assigned) {
            setOwner(newOwner, null, now, note, false);
        }
        addTags(moreTags, null, now, note, MAX_TAGS);
        return assigned;
    }

    /**
     * A ticket monitoring opened, given its owner by a trigger, is acknowledged (its first response) when that owner
     * first works on it by hand: a comment, a change of status (a reply meets it anyway).
     */
    private void acknowledgeIfOwner(Person agent, Instant now) {
        if (openedByMonitoring && firstResponseAt == null && agent != null && agent.equals(owner)) {
            firstResponseAt = now;
        }
    }

    // ---------------------------------------------------------------- attributes

    public void changePriority(Priority next, Person actor, Instant now) {
        reclassify(next, null, actor, now);
    }

    /**
     * The priority and the queue at once (null: as they are), each change recorded, the deadlines then computed once
     * from both: computed after each, a breach already told could be cleared by the first (its deadline for a moment
     * in the future) and told again after the second, for the same deadline.
     */
    public void reclassify(Priority nextPriority, Queue nextQueue, Person actor, Instant now) {
        requireAgent(actor, nextQueue != null ? "move a ticket" : "change the priority");
        requireNotMerged();
        boolean reprioritized = nextPriority != null && reprioritize(nextPriority, actor, now, null);
        if ((nextQueue != null && relocate(nextQueue, actor, now, null)) || reprioritized) {
            applyServiceLevel(now);
        }
    }

    /**
     * The priority becomes {@code next}, recorded; false when it is already. The caller computes the deadlines
     * afterwards.
     */
    private boolean reprioritize(Priority next, Person actor, Instant now, String note) {
        if (next == priority) {
            return false;
        }
        Priority old = priority;
        prioritize(next);
        updatedAt = now;
        record(actor, now, HistoryKind.PRIORITY, old.code(), next.code(), note);
        return true;
    }

    /** The priority and its rank, always together. */
    private void prioritize(Priority next) {
        priority = next;
        priorityRank = (short) next.ordinal();
    }

    public void moveTo(Queue next, Person actor, Instant now) {
        reclassify(null, next, actor, now);
    }

    /**
     * The ticket moves to queue {@code next}, recorded; false when it is there. The caller computes the deadlines
     * afterwards (under the new queue's service level).
     */
    private boolean relocate(Queue next, Person actor, Instant now, String note) {
        if (next.equals(queue)) {
            return false;
        }
        String old = queue.name();
        queue = next;
        updatedAt = now;
        record(actor, now, HistoryKind.QUEUE, old, next.name(), note);
        return true;
    }

    public void retitle(String newSubject, Person actor, Instant now) {
        requireAgent(actor, "change the subject");
        requireNotMerged();
        String s = validSubject(newSubject);
        if (!s.equals(subject)) {
            String old = subject;
            subject = s;
            updatedAt = now;
            record(actor, now, HistoryKind.SUBJECT, old, s, null);
        }
    }

    /** Sets the due date (in the years 1970 to 9999), or clears it with null. */
    public void dueBy(Instant newDue, Person actor, Instant now) {
        requireAgent(actor, "change the due date");
        requireNotMerged();
        if (newDue != null && (newDue.isAfter(LATEST_DUE) || newDue.isBefore(Instant.EPOCH))) {
            // beyond what the databases store (PostgreSQL's timestamps end in 294276), or surely a typo
            throw DomainException.invalid("invalid_due", "A due date is between 1970 and 9999.");
        }
        if (!Objects.equals(newDue, due)) {
            String old = due == null ? null : due.toString();
            due = newDue;
            updatedAt = now;
            record(actor, now, HistoryKind.DUE, old, newDue == null ? null : newDue.toString(), null);
        }
    }

    public void addRequester(Person person, Person actor, Instant now) {
        requireNotMerged();
        if (requesters.add(person)) {
            updatedAt = now;
            record(actor, now, HistoryKind.REQUESTER_ADDED, null, person.handle(), null);
        }
    }

    public void addCc(EmailAddress address, Person actor, Instant now) {
        requireNotMerged();
        if (cc.add(address.value())) {
            updatedAt = now;
            record(actor, now, HistoryKind.CC_ADDED, null, address.value(), null);
        }
    }

    /**
     * Takes a requester off the ticket (an agent's correction: the wrong colleague, a shared mailbox): replies no
     * longer go to them and their subject-tagged mail no longer joins the ticket. The last one stays.
     */
    public void removeRequester(Person person, Person actor, Instant now) {
        requireNotMerged();
        if (requesters.contains(person) && requesters.size() == 1) {
            throw DomainException.invalid("last_requester", "A ticket keeps at least one requester: add the new one"
                    + " before removing " + person.handle() + ".");
        }
        if (requesters.remove(person)) {
            updatedAt = now;
            record(actor, now, HistoryKind.REQUESTER_REMOVED, person.handle(), null, null);
        }
    }

    public void removeCc(EmailAddress address, Person actor, Instant now) {
        requireNotMerged();
        if (cc.remove(address.value())) {
            updatedAt = now;
            record(actor, now, HistoryKind.CC_REMOVED, address.value(), null, null);
        }
    }

    // ---------------------------------------------------------------- links and merge
    //
    // What changes another ticket goes through that ticket's public methods, never its fields or private methods:
    // a ticket reached through a link or a merge may be a lazy proxy, whose own fields are empty and never saved
    // (only its public methods reach the loaded ticket), so a link or a history entry written there was lost.

    public void link(LinkType type, Ticket target, Person actor, Instant now) {
        requireAgent(actor, "link tickets");
        requireNotMerged();
        target.requireNotMerged();
        if (target.number().equals(number)) {
            throw DomainException.invalid("self_link", "A ticket cannot link to itself.");
        }
        if (links.stream().anyMatch(l -> l.is(type, target))
                || type.sameFromTheOtherEnd() != null && target.hasLink(type.sameFromTheOtherEnd(), this)) {
            throw DomainException.conflict("link_exists",
                    "#" + number + " " + type.code() + " #" + target.number() + " exists already.");
        }
        if (type.isOrdering() && target.hasLink(type, this)) {
            // each the parent, the duplicate or the prerequisite of the other
            throw DomainException.conflict("link_cycle", "#" + target.number() + " " + type.code() + " #" + number
                    + " already: the other way round too would be a contradiction.");
        }
        links.add(new Link(this, type, target, now));
        updatedAt = now;
        record(actor, now, HistoryKind.LINK_ADDED, null, type.code() + " #" + target.number(), null);
        target.linkedFrom(this, type, actor, now, null);
    }

    public void unlink(LinkType type, Ticket target, Person actor, Instant now) {
        requireAgent(actor, "unlink tickets");
        requireNotMerged();
        Link link = links.stream().filter(l -> l.is(type, target)).findFirst()
                .orElseThrow(() -> DomainException.conflict("no_such_link",
                        "#" + number + " has no link " + type.code() + " #" + target.number() + "."));
        links.remove(link);
        updatedAt = now;
        record(actor, now, HistoryKind.LINK_REMOVED, type.code() + " #" + target.number(), null, null);
        target.unlinkedFrom(this, type, actor, now, null);
    }

    /** OpsDesk itself notes that this ticket refers to {@code other} (a mail quoted it, say). */
    public void referTo(Ticket other, String why, Instant now) {
        requireNotMerged();
        if (other.number().equals(number) || links.stream().anyMatch(l -> l.is(LinkType.REFERS_TO, other))) {
            return;
        }
        links.add(new Link(this, LinkType.REFERS_TO, other, now));
        record(null, now, HistoryKind.LINK_ADDED, null, LinkType.REFERS_TO.code() + " #" + other.number(), why);
        other.linkedFrom(this, LinkType.REFERS_TO, null, now, why);
    }

    /** Whether this ticket has a link of {@code type} to {@code other} (or to where it was merged). */
    public boolean hasLink(LinkType type, Ticket other) {
        return links.stream().anyMatch(l -> l.is(type, other));
    }

    /** Records on this ticket that {@code source} linked to it (its reverse link: "depended-on-by #5"). */
    public void linkedFrom(Ticket source, LinkType type, Person actor, Instant now, String why) {
        record(actor, now, HistoryKind.LINK_ADDED, null, type.reverseCode() + " #" + source.number(), why);
    }

    /** Records on this ticket that {@code source} no longer links to it. */
    public void unlinkedFrom(Ticket source, LinkType type, Person actor, Instant now, String why) {
        record(actor, now, HistoryKind.LINK_REMOVED, type.reverseCode() + " #" + source.number(), null, why);
    }

    /**
     * Merges this ticket into {@code target}: messages, requesters, Cc and links move there; this number
     * resolves to the target from now on. {@code incoming}: the other tickets' links to this one, which point to
     * the target from now on (the target's own links to this one end). Every link moved, on every ticket it
     * concerns, is recorded.
     */
    public void mergeInto(Ticket target, List<Link> incoming, Person actor, Instant now) {
        requireAgent(actor, "merge tickets");
        requireNotMerged();
        target.requireNotMerged();
        if (target.number().equals(number)) {
            throw DomainException.invalid("self_merge", "A ticket cannot be merged into itself.");
        }
        List<Message> moving = List.copyOf(messages);
        messages.clear();
        target.absorb(this, moving, actor, now);
        for (Person p : requesters) {
            target.addRequester(p, actor, now);
        }
        for (String a : cc) {
            target.addCc(new EmailAddress(a), actor, now);
        }
        target.addTags(tags, actor, now);
        target.addWatchers(watchers(), actor, now, "merged in");
        String why = "#" + number + " merged into #" + target.number();
        for (Link l : List.copyOf(links)) {
            if (!l.target().current().number().equals(target.number())) {
                target.adoptLink(l.type(), l.target(), actor, now, why);
            }
        }
        links.clear();
        for (Link l : incoming) {
            if (l.target().number().equals(number)) {
                l.source().retarget(l, this, target, actor, now, why);
            }
        }
        mergedInto = target;
        updatedAt = now;
        record(actor, now, HistoryKind.MERGED_INTO, null, "#" + target.number(), null);
    }

    /** Takes in the messages of {@code source}, merged into this ticket, and records the merge here. */
    public void absorb(Ticket source, List<Message> moved, Person actor, Instant now) {
        requireNotMerged();
        for (Message m : moved) {
            m.moveTo(this);
            messages.add(m);
        }
        messages.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        timeWorked += source.timeWorked(); // its entries stay with it: the total counts them here
        if (source.firstResponseAt() != null && (firstResponseAt == null
                || source.firstResponseAt().isBefore(firstResponseAt))) {
            firstResponseAt = source.firstResponseAt(); // its replies are this ticket's now, the first one with them
        }
        updatedAt = now;
        record(actor, now, HistoryKind.MERGED_FROM, null, "#" + source.number(), source.subject());
    }

    /** Takes over a link of a ticket merged into this one, unless this ticket has it already; recorded both ends. */
    public void adoptLink(LinkType type, Ticket other, Person actor, Instant now, String why) {
        if (links.stream().anyMatch(l -> l.is(type, other))) {
            return;
        }
        links.add(new Link(this, type, other, now));
        record(actor, now, HistoryKind.LINK_ADDED, null, type.code() + " #" + other.number(), why);
        other.linkedFrom(this, type, actor, now, why);
    }

    /**
     * Points this ticket's link to {@code merged} to {@code target}, which {@code merged} went into: the link ends
     * when this ticket is the target (it would point to itself) or has such a link already. Recorded here and on
     * the target.
     */
    public void retarget(Link link, Ticket merged, Ticket target, Person actor, Instant now, String why) {
        if (mergedInto != null || !links.remove(link)) {
            return; // a merged ticket keeps no links
        }
        record(actor, now, HistoryKind.LINK_REMOVED, link.type().code() + " #" + merged.number(), null, why);
        if (!target.number().equals(number) && links.stream().noneMatch(l -> l.is(link.type(), target))) {
            links.add(new Link(this, link.type(), target, now));
            record(actor, now, HistoryKind.LINK_ADDED, null, link.type().code() + " #" + target.number(), why);
            target.linkedFrom(this, link.type(), actor, now, why);
        }
    }

    // ---------------------------------------------------------------- guards and history

    /** Refuses any change of a ticket merged into another (409 {@code merged}). */
    public void requireNotMerged() {
        if (mergedInto != null) {
            throw DomainException.conflict("merged", "Ticket #" + number + " was merged into #"
                    + mergedInto.number() + "; work on that ticket.");
        }
    }

    private static void requireAgent(Person actor, String what) {
        if (actor == null || !actor.canWorkTickets()) {
            throw DomainException.forbidden("agent_required", "Only an active agent can " + what + ".");
        }
    }

    private void record(Person actor, Instant now, HistoryKind kind, String oldValue, String newValue, String note) {
        history.add(new HistoryEntry(this, now, actor == null ? null : actor.handle(), kind, oldValue, newValue,
                note));
    }

    // ---------------------------------------------------------------- reading

    public Long number() {
        return number;
    }

    public long version() {
        return version;
    }

    public String subject() {
        return subject;
    }

    public Queue queue() {
        return queue;
    }

    public Set<Person> requesters() {
        return Collections.unmodifiableSet(requesters);
    }

    /** The agents watching the ticket, in the order they started. */
    public List<Person> watchers() {
        return watchers.stream().map(Watcher::agent).toList();
    }

    public Set<String> cc() {
        return Collections.unmodifiableSet(cc);
    }

    public Person owner() {
        return owner;
    }

    public Priority priority() {
        return priority;
    }

    public TicketStatus status() {
        return TicketStatus.fromCode(status);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    /**
     * Past its due date and still being worked on (new, open or pending), as of {@code now}; the ticket list's
     * {@code overdue} filter is the same rule in the database's words.
     */
    public boolean isOverdue(Instant now) {
        return due != null && due.isBefore(now) && !status().isInactive();
    }

    /** The tags, in alphabetical order. */
    public List<String> tags() {
        return tags.stream().sorted().toList();
    }

    /** Minutes worked in all, tickets merged into this one included. */
    public int timeWorked() {
        return timeWorked;
    }

    /** The time logged on this ticket itself, oldest first. */
    public List<TimeEntry> timeEntries() {
        return java.util.Collections.unmodifiableList(timeEntries);
    }

    public Instant pendingUntil() {
        return pendingUntil;
    }

    public Instant due() {
        return due;
    }

    public Ticket mergedInto() {
        return mergedInto;
    }

    /** The ticket this one lives on as: itself, or the one it was merged into (at the end of a chain of merges). */
    public Ticket current() {
        Ticket t = this;
        for (int hops = 0; t.mergedInto() != null && hops < 1000; hops++) {
            t = t.mergedInto();
        }
        return t;
    }

    public List<Message> messages() {
        return Collections.unmodifiableList(messages);
    }

    public List<HistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }

    public List<Link> links() {
        return Collections.unmodifiableList(links);
    }

    /** Whether {@code person} is a requester of this ticket, or its address is on the Cc list. */
    public boolean involves(EmailAddress address) {
        return cc.contains(address.value())
                || requesters.stream().anyMatch(p -> address.equals(p.email()));
    }

    @Override
    public String toString() {
        return "Ticket #" + number + " [" + status + "] " + subject + " requesters="
                + requesters.stream().map(Person::handle).collect(Collectors.joining(","));
    }
}
