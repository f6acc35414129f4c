package org.opsdesk.domain.queue;

import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.EmailAddress;

/**
 * A queue of work: tickets arrive in one, customers write to its correspond address, agents copy its
 * comment address for internal notes. One queue may be the default for new tickets.
 */
@Entity
@Table(name = "queue")
public class Queue {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(name = "correspond_address", length = 254)
    private String correspondAddress;

    @Column(name = "comment_address", length = 254)
    private String commentAddress;

    @Column(name = "is_default", nullable = false)
    private boolean defaultQueue;

    @Column(name = "auto_reply", nullable = false)
    private boolean autoReply = true;

    /** Null: {@link AutoreplyTemplate#DEFAULT}. */
    @Column(name = "autoreply_template", length = AutoreplyTemplate.MAX_LENGTH)
    private String autoreplyTemplate;

    /** Under the agents' public replies (see {@link Signature}); null: none. */
    @Column(name = "signature", length = Signature.MAX_LENGTH)
    private String signature;

    /** Who hears of each new ticket (a team's list, an on-call address): one address a line; null: none. */
    @Column(name = "notify_addresses", length = 2000)
    private String notifyAddresses;

    /** Targets per priority (see {@link ServiceLevel}); null: none. */
    @Column(name = "service_level", length = 200)
    private String serviceLevel;

    /** When the service level's clock runs (see {@link BusinessHours}); null: always. */
    @Column(name = "business_hours", length = BusinessHours.MAX_LENGTH)
    private String businessHours;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Queue() {
        // JPA
    }

    public Queue(String name, String description, EmailAddress correspondAddress, EmailAddress commentAddress,
            Instant now) {
        this.name = validName(name);
        this.createdAt = now;
        describe(description, correspondAddress, commentAddress);
    }

    public static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            throw DomainException.invalid("invalid_queue_name",
                    "A queue name is 1-64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.");
        }
        return n;
    }

    /** Changes what the queue is and where its mail goes; the two addresses must differ. */
    public void describe(String newDescription, EmailAddress correspond, EmailAddress comment) {
        if (correspond != null && correspond.equals(comment)) {
            throw DomainException.invalid("same_addresses",
                    "The correspond and comment addresses of a queue must differ.");
        }
        if (newDescription != null && newDescription.length() > 1000) {
            throw DomainException.invalid("description_too_long", "A queue description has at most 1000 characters.");
        }
        this.description = newDescription == null ? null : newDescription.strip();
        this.correspondAddress = correspond == null ? null : correspond.value();
        this.commentAddress = comment == null ? null : comment.value();
    }

    public void makeDefault() {
        this.defaultQueue = true;
    }

    /** Whether a new ticket from mail gets an automatic acknowledgement. */
    public void autoReply(boolean on) {
        this.autoReply = on;
    }

    public boolean autoReplies() {
        return autoReply;
    }

    /** At most this many addresses hear of a queue's new tickets. */
    public static final int MAX_NOTIFY = 20;

    /**
     * Who hears of each new ticket in this queue, by mail (RT's queue AdminCc on create): a team's list, an on-call
     * address; each once, at most {@value #MAX_NOTIFY}, none of the queue's own addresses (the mail would come back
     * as a ticket).
     */
    public void notifyOnNew(java.util.Collection<EmailAddress> addresses) {
        java.util.Set<String> unique = new java.util.LinkedHashSet<>();
        for (EmailAddress a : addresses) {
            if (a.equals(correspondAddress()) || a.equals(commentAddress())) {
                throw DomainException.invalid("own_address", a.value() + " is an address of this queue: mail sent"
                        + " there would come back as a ticket.");
            }
            unique.add(a.value());
        }
        if (unique.size() > MAX_NOTIFY || String.join("\n", unique).length() > 2000) {
            throw DomainException.invalid("too_many_notify", "At most " + MAX_NOTIFY + " addresses (2,000"
                    + " characters) hear of new tickets; use a list address for more.");
        }
        // one a line: a quoted local part may hold a comma
        this.notifyAddresses = unique.isEmpty() ? null : String.join("\n", unique);
    }

    /**
     * Who hears of each new ticket in this queue (see {@link #notifyOnNew}); a stored value that is no address (an
     * edit in the database) is left out rather than failing every new ticket of the queue.
     */
    public java.util.List<EmailAddress> notifyAddresses() {
        if (notifyAddresses == null) {
            return java.util.List.of();
        }
        java.util.List<EmailAddress> list = new java.util.ArrayList<>();
        for (String a : notifyAddresses.split("\n")) {
            try {
                list.add(EmailAddress.of(a));
            } catch (DomainException notAnAddress) {
                // left out
            }
        }
        return list;
    }

    /** Sets the autoreply's text (see {@link AutoreplyTemplate}); blank text goes back to the default. */
    public void changeAutoreplyTemplate(String text) {
        this.autoreplyTemplate = AutoreplyTemplate.valid(text);
    }

    /** The autoreply's text: the admin's, or the default. */
    public String autoreplyTemplate() {
        return autoreplyTemplate == null ? AutoreplyTemplate.DEFAULT : autoreplyTemplate;
    }

    /** Sets the signature under agents' replies (see {@link Signature}); blank text: none. */
    public void changeSignature(String text) {
        this.signature = Signature.valid(text);
    }

    /** The signature, placeholders unfilled; null when the queue has none. */
    public String signature() {
        return signature;
    }

    /**
     * Sets the queue's service level and the hours its clock runs in; its tickets' deadlines follow when they are
     * next computed (see {@code Ticket.serviceLevelChanged}).
     */
    public void changeServiceLevel(ServiceLevel level, BusinessHours hours) {
        this.serviceLevel = level.text();
        this.businessHours = hours.isAlways() ? null : hours.spec();
    }

    /** The targets; a stored text that no longer reads (an edit in the database) is none rather than a failure. */
    public ServiceLevel serviceLevel() {
        try {
            return ServiceLevel.parse(serviceLevel);
        } catch (DomainException unreadable) {
            return ServiceLevel.NONE;
        }
    }

    /** The hours the service level's clock runs in; unreadable as stored: always. */
    public BusinessHours businessHours() {
        try {
            return BusinessHours.of(businessHours);
        } catch (DomainException unreadable) {
            return BusinessHours.ALWAYS;
        }
    }

    /** Whether the queue sends the default autoreply text. */
    public boolean hasDefaultAutoreplyTemplate() {
        return autoreplyTemplate == null;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public EmailAddress correspondAddress() {
        return correspondAddress == null ? null : new EmailAddress(correspondAddress);
    }

    public EmailAddress commentAddress() {
        return commentAddress == null ? null : new EmailAddress(commentAddress);
    }

    public boolean isDefault() {
        return defaultQueue;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** By id; the other's through its accessor, since a lazy proxy's own field is never set. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Queue q && id != null && id.equals(q.id());
    }

    @Override
    public int hashCode() {
        return Queue.class.hashCode();
    }
}
