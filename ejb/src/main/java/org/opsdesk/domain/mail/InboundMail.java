package org.opsdesk.domain.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One inbound message as it arrived (its bytes in {@link InboundMailContent}), stored (with its SHA-256) before anything is done with
 * it. Its de-duplication key (the Message-ID, or the hash when there is none) is unique in the
 * database, so the same mail arriving twice at once is stored once. It ends delivered (as a ticket,
 * a reply, or deliberately ignored) or quarantined with a reason; it is never deleted by processing.
 */
@Entity
@Table(name = "inbound_mail")
public class InboundMail {

    public enum State { RECEIVED, DELIVERED, QUARANTINED }

    /** What became of a delivered message. */
    public enum Disposition {
        CREATED, APPENDED, IGNORED, QUARANTINED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dedupe_key", nullable = false, unique = true, length = 1000)
    private String dedupeKey;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "message_id", length = 998)
    private String messageId;

    @Column(nullable = false, length = 100)
    private String source;

    @Column(name = "queue_name", length = 64)
    private String queueName;

    @Column(nullable = false, length = 16)
    private String action;

    /** The alert source whose intake this mail came through, or null for ordinary mail. */
    @Column(name = "alert_source", length = 64)
    private String alertSource;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Disposition disposition;

    @Column(name = "ticket_number")
    private Long ticketNumber;

    @Column(length = 4000)
    private String reason;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "processed_at")
    private Instant processedAt;

    protected InboundMail() {
        // JPA
    }

    public InboundMail(byte[] raw, String sha256, String messageId, String source, String queueName, String action,
            String alertSource, Instant now) {
        this.alertSource = alertSource == null || alertSource.isBlank() ? null : clip(alertSource.strip(), 64);
        this.size = raw.length;
        this.sha256 = sha256;
        this.messageId = messageId == null || messageId.isBlank() ? null : clip(messageId.strip(), 998);
        this.dedupeKey = dedupeKey(this.messageId, sha256);
        this.source = clip(source, 100);
        // a name longer than any queue's is kept as far as it fits, marked with "…", which no queue name holds: such
        // a mail is quarantined (kept, not refused), never delivered to a queue whose name is its beginning
        this.queueName = queueName == null || queueName.length() <= 64 ? queueName : queueName.substring(0, 63) + "…";
        this.action = action;
        this.receivedAt = now;
        this.state = State.RECEIVED;
    }

    /** The Message-ID when the mail has one (the same mail via two paths is one), else the content hash. */
    public static String dedupeKey(String messageId, String sha256) {
        return messageId == null || messageId.isBlank() ? "sha256:" + sha256 : clip("mid:" + messageId.strip(), 1000);
    }

    /**
     * The key of a mail whose Message-ID another mail had already (broken clients reuse them): the id with what it
     * says ({@link #contentFingerprint}), so that it is kept, and yet stored once however it travels.
     */
    public static String reusedIdKey(String messageId, String fingerprint) {
        return clip("mid:" + messageId.strip(), 1000 - 18) + "#" + fingerprint.substring(0, 16);
    }

    /** This mail, stored under {@code key} rather than its usual dedupe key (see {@link #reusedIdKey}). */
    public InboundMail under(String key) {
        this.dedupeKey = key;
        return this;
    }

    /**
     * The key of a mail without Message-ID, taken in for {@code queue}. A dated one is what it says (From, Date,
     * Subject, To, Cc and the body) and where it goes, so that a copy that came another way (the MTA's pipe and a
     * polled mailbox: each hop adds its own trace headers) is the same mail, while a copy for each contact (To differs)
     * or for another queue is a mail of its own. An undated one is its bytes: a script may send the same undated text
     * every hour, and each is a mail.
     */
    public static String idlessKey(byte[] raw, String sha256, String queue) {
        String fingerprint = fingerprint(raw, IDLESS_HEADERS, true, "queue:" + (queue == null ? "" : queue));
        return fingerprint == null ? dedupeKey(null, sha256) : "fp:" + fingerprint;
    }

    private static final String[] COPY_HEADERS = {"from", "date", "subject"};
    private static final String[] IDLESS_HEADERS = {"from", "date", "subject", "to", "cc"};

    /**
     * What makes two copies one mail however they travelled (each hop adds its own Received, Delivered-To and
     * Return-Path): the From, Date and Subject headers and the body, line ends and trailing blanks aside. SHA-256, hex.
     */
    public static String contentFingerprint(byte[] raw) {
        return fingerprint(raw, COPY_HEADERS, false, "");
    }

    /**
     * The SHA-256 of {@code names}' headers (the first of each), the body and {@code extra}; null when {@code
     * datedOnly} and the mail has no Date header.
     */
    private static String fingerprint(byte[] raw, String[] names, boolean datedOnly, String extra) {
        java.util.Set<String> asked = java.util.Set.of(names);
        String text = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 2);
        java.util.Map<String, String> wanted = new java.util.HashMap<>();
        String current = null;
        for (String line : head.split("\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (current != null) {
                    wanted.merge(current, " " + line.strip(), String::concat); // a folded line goes on
                }
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT) : "";
            current = null;
            if (asked.contains(name) && !wanted.containsKey(name)) {
                wanted.put(name, line.substring(colon + 1).strip());
                current = name;
            }
        }
        if (datedOnly && wanted.getOrDefault("date", "").isEmpty()) {
            return null;
        }
        StringBuilder canonical = new StringBuilder(extra.isEmpty() ? "" : extra + "\n");
        for (String name : names) {
            canonical.append(name).append(':').append(wanted.getOrDefault(name, "")).append('\n');
        }
        canonical.append('\n');
        int bodyStart = canonical.length();
        for (String line : body.split("\n", -1)) { // each line without its trailing blanks, in one pass
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            canonical.append(line, 0, end).append('\n');
        }
        int end = canonical.length();
        while (end > bodyStart && Character.isWhitespace(canonical.charAt(end - 1))) {
            end--;
        }
        canonical.setLength(end);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void delivered(Disposition d, Long ticket, String why, Instant now) {
        this.state = State.DELIVERED;
        this.disposition = d;
        this.ticketNumber = ticket;
        this.reason = clip(why, 4000);
        this.processedAt = now;
        this.attempts++;
    }

    public void quarantine(String why, Instant now) {
        this.state = State.QUARANTINED;
        this.disposition = Disposition.QUARANTINED;
        this.reason = clip(why == null || why.isBlank() ? "unknown error" : why, 4000);
        this.processedAt = now;
        this.attempts++;
    }

    /** A quarantined message goes back to be processed again. */
    public void release() {
        this.state = State.RECEIVED;
        this.disposition = null;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public String sha256() {
        return sha256;
    }

    public String messageId() {
        return messageId;
    }

    public String source() {
        return source;
    }

    public String queueName() {
        return queueName;
    }

    public String action() {
        return action;
    }

    public String alertSource() {
        return alertSource;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public long size() {
        return size;
    }

    public State state() {
        return state;
    }

    public Disposition disposition() {
        return disposition;
    }

    public Long ticketNumber() {
        return ticketNumber;
    }

    public String reason() {
        return reason;
    }

    public int attempts() {
        return attempts;
    }

    public Instant processedAt() {
        return processedAt;
    }
}
