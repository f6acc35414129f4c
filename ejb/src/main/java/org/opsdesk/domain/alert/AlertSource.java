package org.opsdesk.domain.alert;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.ticket.Priority;

/**
 * A monitoring tool that sends alerts (an Alertmanager, a Nagios, a script), managed by admins: the
 * queue its tickets go to, whether a recovery resolves the ticket, how severities and states map to
 * priorities, and an optional secret (kept as SHA-256 only) for tools that cannot send credentials in
 * a header. Its tickets' requester is {@link #requesterAddress()}.
 */
@Entity
@Table(name = "alert_source")
public class AlertSource {

    /** The domain of the addresses that stand for monitoring sources as requesters; never routable. */
    public static final String REQUESTER_DOMAIN = "monitoring.invalid";

    public static final int MAX_MAIL_SENDERS = 2000;
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,62}$");

    /** Priorities when the source's map says nothing about a severity or state. */
    public static final Map<String, Priority> DEFAULT_PRIORITIES;

    static {
        Map<String, Priority> m = new LinkedHashMap<>();
        m.put("critical", Priority.HIGH);
        m.put("down", Priority.HIGH);
        m.put("unreachable", Priority.HIGH);
        m.put("error", Priority.HIGH);
        m.put("warning", Priority.NORMAL);
        m.put("unknown", Priority.NORMAL);
        m.put("info", Priority.LOW);
        DEFAULT_PRIORITIES = Collections.unmodifiableMap(m);
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "queue_id")
    private Queue queue;

    @Column(name = "resolve_on_recovery", nullable = false)
    private boolean resolveOnRecovery = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alert_source_priority", joinColumns = @JoinColumn(name = "source_id"))
    @MapKeyColumn(name = "severity", length = 64)
    @Column(name = "priority", length = 16)
    private Map<String, String> priorities = new TreeMap<>();

    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    /** Space-separated addresses and {@code @domain}s whose monitoring mail counts; null: any sender. */
    @Column(name = "mail_senders", length = MAX_MAIL_SENDERS)
    private String mailSenders;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AlertSource() {
        // JPA
    }

    public AlertSource(String name, Queue queue, Instant now) {
        this.name = validName(name);
        this.queue = requireQueue(queue);
        this.createdAt = now;
    }

    public static String validName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw DomainException.invalid("invalid_source_name",
                    "A source name is 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return n;
    }

    private static Queue requireQueue(Queue q) {
        if (q == null) {
            throw DomainException.invalid("unknown_queue", "An alert source needs an existing queue.");
        }
        return q;
    }

    /** Tickets from now on go to {@code next}. */
    public void routeTo(Queue next) {
        this.queue = requireQueue(next);
    }

    /** Whether a recovery resolves the ticket (true) or leaves it open for a human (false). */
    public void resolveOnRecovery(boolean resolve) {
        this.resolveOnRecovery = resolve;
    }

    /** Replaces the severity/state → priority map ({@code {"critical":"urgent","warning":"normal"}}). */
    public void mapPriorities(Map<String, String> map) {
        Map<String, String> next = new TreeMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                String key = k == null ? "" : k.strip().toLowerCase(Locale.ROOT);
                if (key.isEmpty() || key.length() > 64) {
                    throw DomainException.invalid("invalid_priority_map",
                            "Priority map keys are severities or states of 1-64 characters.");
                }
                next.put(key, Priority.fromCode(v).code());
            });
        }
        priorities.clear();
        priorities.putAll(next);
    }

    /** Stores the SHA-256 (hex) of a new secret; null removes the secret. */
    public void protectWith(String secretSha256Hex) {
        this.secretHash = secretSha256Hex;
    }

    public boolean hasSecret() {
        return secretHash != null;
    }

    /** Whether {@code candidateSha256Hex} is the hash of this source's secret (constant-time compare). */
    public boolean acceptsSecret(String candidateSha256Hex) {
        return secretHash != null && candidateSha256Hex != null && MessageDigest.isEqual(
                secretHash.getBytes(StandardCharsets.US_ASCII), candidateSha256Hex.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The priority of a new ticket: the source's map for the severity, else for the state, else the
     * defaults ({@link #DEFAULT_PRIORITIES}), else normal.
     */
    public Priority priorityFor(String severity, String state) {
        for (String k : new String[] {severity, state}) {
            if (k != null && !k.isBlank()) {
                String key = k.strip().toLowerCase(Locale.ROOT);
                if (priorities.containsKey(key)) {
                    return Priority.fromCode(priorities.get(key));
                }
            }
        }
        for (String k : new String[] {severity, state}) {
            if (k != null && !k.isBlank()) {
                Priority p = DEFAULT_PRIORITIES.get(k.strip().toLowerCase(Locale.ROOT));
                if (p != null) {
                    return p;
                }
            }
        }
        return Priority.NORMAL;
    }

    /** The requester of this source's tickets: {@code name@monitoring.invalid}. */
    public EmailAddress requesterAddress() {
        return EmailAddress.of(name + "@" + REQUESTER_DOMAIN);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Queue queue() {
        return queue;
    }

    /**
     * The senders whose monitoring mail this source takes as alerts: addresses ({@code nagios@mon.example}) or whole
     * domains ({@code @mon.example}); empty for any sender. A mail from anyone else is not an alert of this source.
     */
    public void allowMailFrom(java.util.Collection<String> senders) {
        java.util.Set<String> clean = new java.util.TreeSet<>();
        for (String raw : senders) {
            String s = raw == null ? "" : raw.strip().toLowerCase(java.util.Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            int at = s.lastIndexOf('@');
            boolean valid = at >= 0 && at < s.length() - 1 && s.indexOf(' ') < 0 && s.indexOf(',') < 0
                    && (at == 0 || isAddress(s));
            if (!valid) {
                throw DomainException.invalid("invalid_mail_sender", "'" + (s.length() > 80 ? s.substring(0, 80) : s)
                        + "' is neither an e-mail address nor @domain.");
            }
            clean.add(s);
        }
        String joined = String.join(" ", clean);
        if (joined.length() > MAX_MAIL_SENDERS) {
            throw DomainException.invalid("too_many_mail_senders", "The mail senders take at most "
                    + MAX_MAIL_SENDERS + " characters.");
        }
        this.mailSenders = joined.isEmpty() ? null : joined;
    }

    private static boolean isAddress(String s) {
        try {
            org.opsdesk.domain.party.EmailAddress.of(s);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    /** The senders set by {@link #allowMailFrom}, sorted; empty when any sender counts. */
    public List<String> mailSenders() {
        return mailSenders == null ? List.of() : List.of(mailSenders.split(" "));
    }

    /** Whether monitoring mail from {@code address} counts as this source's alert. */
    public boolean acceptsMailFrom(String address) {
        if (mailSenders == null) {
            return true;
        }
        String a = address == null ? "" : address.strip().toLowerCase(java.util.Locale.ROOT);
        return mailSenders().stream().anyMatch(s -> s.startsWith("@") ? a.endsWith(s) && a.indexOf('@') == a.length()
                - s.length() : a.equals(s));
    }

    public boolean resolvesOnRecovery() {
        return resolveOnRecovery;
    }

    public Map<String, String> priorities() {
        return Collections.unmodifiableMap(new TreeMap<>(priorities));
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** By id; the other's through its accessor, since a lazy proxy's own field is never set. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AlertSource s && id != null && id.equals(s.id());
    }

    @Override
    public int hashCode() {
        return AlertSource.class.hashCode();
    }
}
