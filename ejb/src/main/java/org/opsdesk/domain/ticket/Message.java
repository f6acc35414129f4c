package org.opsdesk.domain.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.opsdesk.domain.party.Person;

/**
 * A message on a ticket: text, optional already-sanitised HTML, attachments. Created through the
 * ticket's verbs ({@link Ticket#reply}, {@link Ticket#comment}, {@link Ticket#receive}).
 */
@Entity
@Table(name = "ticket_message")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_number")
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MessageKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    private Person author;

    @Column(name = "from_address", length = 254)
    private String fromAddress;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "body_text", nullable = false)
    private String text;

    @Column(name = "body_html")
    private String html;

    /** The RFC 5322 Message-ID of the mail this message came in as or went out as. */
    @Column(name = "rfc_message_id", length = 998)
    private String rfcMessageId;

    @Column(name = "notes", length = 4000)
    private String notes;

    /** The stored mail this message was read from (its raw bytes, as they arrived), if it came by mail. */
    @Column(name = "inbound_mail_id")
    private Long originalMail;

    @OneToMany(mappedBy = "message", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Attachment> attachments = new ArrayList<>();

    protected Message() {
        // JPA
    }

    Message(Ticket ticket, MessageKind kind, Person author, MessageBody body, Instant createdAt) {
        this.ticket = ticket;
        this.kind = kind;
        this.author = author;
        this.fromAddress = body.fromAddress() != null ? body.fromAddress()
                : author != null && author.email() != null ? author.email().value() : null;
        this.text = body.text();
        this.html = body.sanitizedHtml();
        this.rfcMessageId = body.rfcMessageId();
        this.notes = body.notes() == null || body.notes().length() <= 4000 ? body.notes() : body.notes().substring(0, 4000);
        this.createdAt = createdAt;
        for (Attachment a : body.attachments()) {
            a.attachTo(this);
            attachments.add(a);
        }
    }

    void moveTo(Ticket target) {
        this.ticket = target;
    }

    public Long id() {
        return id;
    }

    public Ticket ticket() {
        return ticket;
    }

    public MessageKind kind() {
        return kind;
    }

    public Person author() {
        return author;
    }

    public String fromAddress() {
        return fromAddress;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public String rfcMessageId() {
        return rfcMessageId;
    }

    /**
     * Records the stored mail this message was read from. One mail makes one message at most: the database refuses a
     * second message naming the same mail (two deliveries of one mail that both believed it new lose there).
     */
    public void readFrom(long inboundMailId) {
        if (originalMail != null && originalMail != inboundMailId) {
            throw new IllegalStateException("message " + id + " was read from mail " + originalMail);
        }
        this.originalMail = inboundMailId;
    }

    /** The stored mail this message was read from, or null (written here, or received before that was kept). */
    public Long originalMail() {
        return originalMail;
    }

    /** Notes about parts of the original mail that were skipped or decoded with a fallback. */
    public String notes() {
        return notes;
    }

    public List<Attachment> attachments() {
        return Collections.unmodifiableList(attachments);
    }
}
