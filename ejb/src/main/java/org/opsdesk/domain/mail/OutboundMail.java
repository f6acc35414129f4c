package org.opsdesk.domain.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opsdesk.domain.OneLine;

/**
 * A mail OpsDesk will send: committed in the same transaction as the change that caused it (a reply,
 * an autoreply to a new ticket, a notification) and sent after commit. A failed attempt leaves it
 * queued with a growing back-off; after {@link #MAX_ATTEMPTS} it is given up and kept as FAILED.
 */
@Entity
@Table(name = "outbound_mail")
public class OutboundMail {

    public static final int MAX_ATTEMPTS = 20;

    /**
     * {@code FORWARD}: a ticket's message sent on by an agent to someone outside it; like a reply, no automatic mail.
     * {@code WATCHER}: a ticket's watchers told of a new message; counted apart from the other automatic mail about the
     * ticket, so that a busy ticket's watchers never use up the owner's notifications.
     */
    public enum Kind { REPLY, AUTOREPLY, NOTIFICATION, FORWARD, WATCHER }

    public enum State { QUEUED, SENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Checked when a sender claims the mail: of two senders at once, one wins. */
    @Version
    private long version;

    @Column(name = "ticket_number")
    private Long ticketNumber;

    @Column(name = "message_ref")
    private Long messageRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "message_id", nullable = false, unique = true, length = 998)
    private String messageId;

    @Column(name = "from_address", nullable = false, length = 254)
    private String fromAddress;

    @Column(name = "from_name", length = 200)
    private String fromName;

    @Column(name = "reply_to", length = 254)
    private String replyTo;

    @Column(name = "to_addresses", nullable = false)
    private String to;

    @Column(name = "cc_addresses")
    private String cc;

    @Column(nullable = false, length = 1000)
    private String subject;

    @Column(name = "body_text", nullable = false)
    private String text;

    @Column(name = "body_html")
    private String html;

    @Column(name = "in_reply_to", length = 998)
    private String inReplyTo;

    @Column(name = "references_header", length = 4000)
    private String references;

    @Column(name = "auto_submitted", length = 32)
    private String autoSubmitted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboundMail() {
        // JPA
    }

    /** Everything that goes into the mail's headers and body. Addresses are already validated. */
    public record Envelope(Kind kind, Long ticketNumber, Long messageRef, String messageId, String fromAddress,
            String fromName, String replyTo, List<String> to, List<String> cc, String subject, String text,
            String html, String inReplyTo, String references, String autoSubmitted) {
    }

    public OutboundMail(Envelope e, Instant now) {
        if (e.to() == null || e.to().isEmpty()) {
            throw new IllegalArgumentException("an outbound mail needs a recipient");
        }
        this.kind = e.kind();
        this.ticketNumber = e.ticketNumber();
        this.messageRef = e.messageRef();
        this.messageId = e.messageId();
        this.fromAddress = e.fromAddress();
        this.fromName = OneLine.of(e.fromName());
        this.replyTo = e.replyTo();
        this.to = String.join(",", e.to());
        this.cc = e.cc() == null || e.cc().isEmpty() ? null : String.join(",", e.cc());
        this.subject = clip(OneLine.of(e.subject()), 1000);
        this.text = e.text() == null ? "" : e.text();
        this.html = e.html();
        this.inReplyTo = e.inReplyTo();
        this.references = clip(e.references(), 4000);
        this.autoSubmitted = e.autoSubmitted();
        this.state = State.QUEUED;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /**
     * Taken by a sender for at most {@code lease}: no other sender takes it meanwhile. A sender that crashes (or
     * hangs) before {@link #sent} leaves it SENDING; once the lease is over it is due again and sent once more (the
     * relay may have had it: at least once, never twice at the same time).
     */
    public void claim(Instant now, Duration lease) {
        this.state = State.SENDING;
        this.nextAttemptAt = now.plus(lease);
    }

    /** Whether a sender may take it now: queued and due, or left sending by a sender whose lease is over. */
    public boolean isDue(Instant now) {
        return (state == State.QUEUED || state == State.SENDING) && !nextAttemptAt.isAfter(now);
    }

    public void sent(Instant now) {
        sent(now, null);
    }

    /**
     * The relay took the mail, for all its recipients or ({@code notDelivered} not blank) for some: the others
     * are noted, not retried (that would send it twice to those who have it).
     */
    public void sent(Instant now, String notDelivered) {
        this.state = State.SENT;
        this.sentAt = now;
        this.attempts++;
        this.lastError = notDelivered == null || notDelivered.isBlank() ? null : clip(OneLine.of(notDelivered), 2000);
    }

    /** The relay refused the mail for good (every recipient answered 5xx): failed at once, no retry. */
    public void refused(String error, Instant now) {
        this.attempts++;
        this.lastError = clip(OneLine.of(error), 2000);
        this.state = State.FAILED;
        this.nextAttemptAt = now;
    }

    /**
     * A failed attempt: retried after {@code base}, then twice as long each time (at most an hour); given
     * up after {@link #MAX_ATTEMPTS}.
     */
    public void failed(String error, Instant now, Duration base) {
        this.attempts++;
        this.lastError = clip(OneLine.of(error), 2000);
        if (attempts >= MAX_ATTEMPTS) {
            this.state = State.FAILED;
        } else {
            this.state = State.QUEUED;
            long seconds = Math.min(3600, Math.max(1, base.toSeconds()) << Math.min(attempts - 1, 12));
            this.nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Long ticketNumber() {
        return ticketNumber;
    }

    public Long messageRef() {
        return messageRef;
    }

    public String messageId() {
        return messageId;
    }

    public String fromAddress() {
        return fromAddress;
    }

    public String fromName() {
        return fromName;
    }

    public String replyTo() {
        return replyTo;
    }

    public List<String> to() {
        return split(to);
    }

    public List<String> cc() {
        return cc == null ? List.of() : split(cc);
    }

    /**
     * The addresses of a comma-joined list: split at the commas outside double quotes, as a quoted local part may
     * hold one ({@code "smith, john"@example.com}). A backslash is no escape here: a stored address's quoted part
     * holds no quote ({@code EmailAddress}), and {@code "a\"@x} must not swallow the address after it.
     */
    public static List<String> split(String joined) {
        List<String> addresses = new java.util.ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                addresses.add(joined.substring(start, i));
                start = i + 1;
            }
        }
        addresses.add(joined.substring(start));
        return addresses;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public String inReplyTo() {
        return inReplyTo;
    }

    public String references() {
        return references;
    }

    public String autoSubmitted() {
        return autoSubmitted;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    /** Changes with every claim and outcome: a sender's claim holds while the version is the one it claimed. */
    public long version() {
        return version;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
