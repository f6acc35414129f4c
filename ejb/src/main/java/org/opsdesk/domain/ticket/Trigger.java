package org.opsdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
import org.opsdesk.domain.OneLine;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Organization;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.queue.Queue;

/**
 * What OpsDesk does by itself to a new ticket that matches (Zammad's triggers, RT's scrips on create, Znuny's
 * postmaster filters): moves it to a queue, sets its priority, assigns it to an agent, tags it. Its conditions, each
 * optional and all required: the queue the ticket is in, the channel it came by ({@code mail}, {@code api} for the API
 * and the agent UI, {@code monitoring}), words in its subject or its first message (in any case), a requester's
 * address or domain ({@code @example.com}: that domain and its subdomains), and a requester's organization. A
 * trigger runs when a ticket is created, when a customer's mail lands on a ticket (RT's scrips "on correspond",
 * Zammad's triggers on an update by the customer), or both ({@link Event}); the triggers of an event run in the order
 * of their names, each seeing what the ones before it did. Admins keep them; names are unique in any case.
 */
@Entity
@Table(name = "ticket_trigger")
public class Trigger {

    public static final int MAX_NAME = 100;
    public static final int MAX_TEXT = 200;

    /**
     * The order triggers run in: by their names lower-cased, character by character ({@code "1 x"} before {@code "10
     * y"}, {@code "02"} before {@code "10"}), whatever collation the database sorts text by.
     */
    public static final java.util.Comparator<Trigger> ORDER = java.util.Comparator.comparing((Trigger t) -> t.nameKey)
            .thenComparing(t -> t.id, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    /**
     * When a trigger runs: as a ticket is created, or as a customer's mail (not an agent's, not an automatic one, not
     * a note to the comment address) is added to one; its words are then looked for in that mail.
     */
    public enum Event {
        CREATE, REPLY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The event of {@code code} in any case (400 {@code invalid_trigger_event}). */
        public static Event of(String code) {
            String c = code == null ? "" : code.strip();
            return java.util.Arrays.stream(values()).filter(e -> e.code().equalsIgnoreCase(c)).findFirst()
                    .orElseThrow(() -> DomainException.invalid("invalid_trigger_event", "A trigger runs on create (a"
                            + " new ticket) or reply (a customer's mail to a ticket), not '"
                            + (c.length() > 20 ? c.substring(0, 20) + "…" : c) + "'."));
        }
    }

    /** How a ticket came: by mail, through the API or the agent UI, from monitoring. */
    public enum Channel {
        MAIL, API, MONITORING;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    /** The name lower-cased: unique, and the order triggers run in. */
    @Column(name = "name_key", nullable = false, length = MAX_NAME)
    private String nameKey;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "on_create", nullable = false)
    private boolean onCreate = true;

    @Column(name = "on_reply", nullable = false)
    private boolean onReply;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "if_queue_id")
    private Queue ifQueue;

    @Column(name = "if_channel", length = 16)
    private String ifChannel;

    @Column(name = "if_subject", length = MAX_TEXT)
    private String ifSubject;

    @Column(name = "if_body", length = MAX_TEXT)
    private String ifBody;

    /** An address, or {@code @domain}. */
    @Column(name = "if_requester", length = 254)
    private String ifRequester;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "if_organization_id")
    private Organization ifOrganization;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "set_queue_id")
    private Queue setQueue;

    @Column(name = "set_priority", length = 16)
    private String setPriority;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "set_owner_id")
    private Person setOwner;

    /** Tags separated by spaces (a tag holds none). */
    @Column(name = "add_tags", length = 1400)
    private String addTags;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Trigger() {
        // JPA
    }

    public Trigger(String name, Instant now) {
        rename(name, now);
        this.active = true;
    }

    /** A trigger's name as stored: on one line, 1-{@value #MAX_NAME} characters (400 {@code invalid_trigger_name}). */
    public static String validName(String name) {
        return OneLine.name(name, MAX_NAME, "invalid_trigger_name", "A trigger");
    }

    /** The key names are unique by. */
    public static String key(String name) {
        return validName(name).toLowerCase(Locale.ROOT);
    }

    public void rename(String newName, Instant now) {
        this.name = validName(newName);
        this.nameKey = name.toLowerCase(Locale.ROOT);
        this.updatedAt = now;
    }

    /** Switches the trigger on or off (an inactive one is kept, and never runs). */
    public void activate(boolean on, Instant now) {
        this.active = on;
        this.updatedAt = now;
    }

    /**
     * Sets the events the trigger runs on: at least one (400 {@code invalid_trigger_event}); null or empty is refused
     * too, since a trigger that never runs is one to switch off instead.
     */
    public void on(Set<Event> events, Instant now) {
        if (events == null || events.isEmpty()) {
            throw DomainException.invalid("invalid_trigger_event", "A trigger runs on create (a new ticket), on reply"
                    + " (a customer's mail to a ticket), or on both; to stop one, switch it off.");
        }
        this.onCreate = events.contains(Event.CREATE);
        this.onReply = events.contains(Event.REPLY);
        this.updatedAt = now;
    }

    /** The events it runs on, in the order of {@link Event}. */
    public Set<Event> events() {
        Set<Event> events = java.util.EnumSet.noneOf(Event.class);
        if (onCreate) {
            events.add(Event.CREATE);
        }
        if (onReply) {
            events.add(Event.REPLY);
        }
        return events;
    }

    /**
     * Sets when the trigger applies; each null or blank part matches any ticket, so a trigger without conditions
     * applies to every ticket of its events. Words are one line of at most {@value #MAX_TEXT} characters (400
     * {@code invalid_trigger_text}); the channel one of {@link Channel} (400 {@code invalid_channel}); the requester an
     * address or {@code @domain} (400 {@code invalid_email}).
     */
    public void when(Queue queue, String channel, String subject, String body, String requester,
            Organization organization, Instant now) {
        String c = OneLine.orNull(channel);
        if (c != null) {
            String given = c;
            c = java.util.Arrays.stream(Channel.values()).map(Channel::code).filter(given::equalsIgnoreCase)
                    .findFirst().orElseThrow(() -> DomainException.invalid("invalid_channel", "A trigger's channel is"
                            + " mail, api or monitoring, not '" + (given.length() > 20 ? given.substring(0, 20) + "…"
                                    : given) + "'."));
        }
        this.ifQueue = queue;
        this.ifChannel = c;
        this.ifSubject = words(subject);
        this.ifBody = words(body);
        this.ifRequester = requester(requester);
        this.ifOrganization = organization;
        this.updatedAt = now;
    }

    /**
     * Sets what the trigger does; each null (or empty) leaves that part of a ticket alone, and one that changes nothing
     * is refused (400 {@code empty_trigger}). A new owner must be an active agent (400 {@code not_an_agent}); tags are
     * checked as a ticket's, at most {@value Ticket#MAX_TAGS}.
     */
    public void then(Queue queue, Priority priority, Person owner, List<String> tags, Instant now) {
        // an agent disabled since may stay (the trigger skips them) but not be chosen anew
        if (owner != null && !owner.equals(setOwner) && !owner.canWorkTickets()) {
            throw DomainException.invalid("not_an_agent", "A trigger assigns tickets only to active agents; "
                    + owner.handle() + " is not one.");
        }
        Set<String> adding = Ticket.validTags(tags, "A trigger adds at most %d tags.");
        if (queue == null && priority == null && owner == null && adding.isEmpty()) {
            throw DomainException.invalid("empty_trigger", "A trigger changes something: the queue, the priority, the"
                    + " owner or the tags.");
        }
        this.setQueue = queue;
        this.setPriority = priority == null ? null : priority.code();
        this.setOwner = owner;
        this.addTags = Ticket.joinedTags(adding);
        this.updatedAt = now;
    }

    private static String words(String text) {
        String w = OneLine.orNull(text);
        if (w != null && (w.length() > MAX_TEXT || w.indexOf('\0') >= 0)) {
            throw DomainException.invalid("invalid_trigger_text", "A trigger's words to look for are one line of at"
                    + " most " + MAX_TEXT + " characters.");
        }
        return w;
    }

    private static String requester(String text) {
        String r = OneLine.orNull(text);
        if (r == null) {
            return null;
        }
        if (r.startsWith("@")) {
            // a domain: checked as the domain of an address
            return "@" + EmailAddress.of("x" + r).domain();
        }
        return EmailAddress.of(r).value();
    }

    /**
     * Whether the new ticket {@code t}, which came by {@code channel}, meets every condition (as the triggers before
     * this one left it), its words looked for in the first message. An inactive trigger matches nothing, nor one that
     * does not run on create.
     */
    public boolean matches(Ticket t, Channel channel) {
        return onCreate && matches(t, channel, t.messages().isEmpty() ? null : t.messages().get(0).text());
    }

    /**
     * Whether the ticket {@code t}, on which a customer's reply came by {@code channel} just now, meets every
     * condition (as the triggers before this one left it), its words looked for in {@code replyText}: what the reply's
     * author wrote (the caller leaves out the lines it quotes). An inactive trigger matches nothing, nor one that does
     * not run on reply.
     */
    public boolean matchesReply(Ticket t, Channel channel, String replyText) {
        return onReply && matches(t, channel, replyText);
    }

    private boolean matches(Ticket t, Channel channel, String text) {
        if (!active || (ifQueue != null && !ifQueue.equals(t.queue()))
                || (ifChannel != null && !ifChannel.equals(channel.code()))) {
            return false;
        }
        if (ifSubject != null && !contains(t.subject(), ifSubject)) {
            return false;
        }
        if (ifBody != null && !contains(text, ifBody)) {
            return false;
        }
        // a customer of the organization, as its membership reads (agents belong to none)
        if (ifOrganization != null && t.requesters().stream().noneMatch(p -> !p.isAgent()
                && ifOrganization.includes(p.email()))) {
            return false;
        }
        return ifRequester == null || t.requesters().stream().anyMatch(p -> p.email() != null
                && requesterMatches(p.email()));
    }

    private boolean requesterMatches(EmailAddress a) {
        if (!ifRequester.startsWith("@")) {
            return a.value().equals(ifRequester);
        }
        String domain = a.domain().toLowerCase(Locale.ROOT);
        String wanted = ifRequester.substring(1);
        return domain.equals(wanted) || domain.endsWith("." + wanted);
    }

    private static boolean contains(String text, String words) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT));
    }

    /**
     * Applies the trigger to {@code t} (a match): see {@link Ticket#applyTrigger}.
     *
     * @return whether it changed the owner
     */
    public boolean applyTo(Ticket t, Instant now) {
        return t.applyTrigger(name, setQueue, priority(), setOwner, addTags(), now);
    }

    /**
     * Applies the trigger to {@code t} on a customer's reply (a match): as {@link #applyTo}, except that it assigns
     * only a ticket nobody works on: unowned, or owned by an agent who can no longer work tickets (disabled since: the
     * reply would reach nobody). It never takes a ticket from an agent working on it.
     *
     * @return whether it changed the owner
     */
    public boolean applyToReply(Ticket t, Instant now) {
        boolean nobodyOnIt = t.owner() == null || !t.owner().canWorkTickets();
        return t.applyTrigger(name, setQueue, priority(), nobodyOnIt ? setOwner : null, addTags(), now);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public Queue ifQueue() {
        return ifQueue;
    }

    public String ifChannel() {
        return ifChannel;
    }

    public String ifSubject() {
        return ifSubject;
    }

    public String ifBody() {
        return ifBody;
    }

    public String ifRequester() {
        return ifRequester;
    }

    public Organization ifOrganization() {
        return ifOrganization;
    }

    public Queue setQueue() {
        return setQueue;
    }

    public Priority priority() {
        return setPriority == null ? null : Priority.fromCode(setPriority);
    }

    public Person owner() {
        return setOwner;
    }

    public List<String> addTags() {
        return Ticket.splitTags(addTags);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
