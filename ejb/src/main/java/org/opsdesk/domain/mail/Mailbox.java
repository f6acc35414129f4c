package org.opsdesk.domain.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opsdesk.domain.DomainException;

/**
 * A mailbox OpsDesk polls (IMAP or POP3), the queue its mail goes to and how. Polled by one worker at
 * a time: a poll claims the mailbox until {@code pollingUntil}.
 */
@Entity
@Table(name = "mailbox")
public class Mailbox {

    public enum Protocol { IMAP, POP3 }

    public enum Security { PLAIN, STARTTLS, TLS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Protocol protocol;

    @Column(nullable = false, length = 253)
    private String host;

    @Column(nullable = false)
    private int port;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Security security;

    @Column(nullable = false, length = 254)
    private String username;

    @Column(nullable = false, length = 400)
    private String password;

    @Column(nullable = false, length = 200)
    private String folder;

    @Column(name = "queue_name", nullable = false, length = 64)
    private String queueName;

    @Column(nullable = false, length = 16)
    private String action;

    @Column(name = "alert_source", length = 64)
    private String alertSource;

    @Column(name = "poll_seconds", nullable = false)
    private int pollSeconds;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "polling_until")
    private Instant pollingUntil;

    @Column(name = "last_poll_at")
    private Instant lastPollAt;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Mailbox() {
        // JPA
    }

    public Mailbox(String name, Instant now) {
        if (name == null || !name.strip().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw DomainException.invalid("invalid_mailbox_name", "A mailbox name is 1-64 letters, digits, '.', '_' or '-'.");
        }
        this.name = name.strip();
        this.createdAt = now;
    }

    /** Sets where and how to poll; every value is checked. {@code password} null keeps the old one. */
    public void configure(String protocolCode, String host, Integer port, String securityCode, String username,
            String password, String folder, String queueName, String action, Integer pollSeconds, Boolean enabled) {
        Protocol p = parse(Protocol.class, protocolCode, "protocol");
        Security s = parse(Security.class, securityCode == null ? "PLAIN" : securityCode, "security");
        if (host == null || host.isBlank() || host.length() > 253 || host.matches("(?s).*[\\s/\\p{Cntrl}].*")) {
            throw DomainException.invalid("invalid_host", "\"host\" is a host name or address.");
        }
        if (host.strip().matches("[^:]+:\\d*")) { // one colon: not an IPv6 address but a port written on
            throw DomainException.invalid("invalid_host", "\"host\" is a host name or address without a port:"
                    + " give the port in \"port\".");
        }
        int prt = port == null ? defaultPort(p, s) : port;
        if (prt < 1 || prt > 65535) {
            throw DomainException.invalid("invalid_port", "\"port\" is 1-65535.");
        }
        if (username == null || username.isBlank()) {
            throw DomainException.invalid("username_required", "\"username\" is required.");
        }
        if (this.password == null && (password == null || password.isEmpty())) {
            throw DomainException.invalid("password_required", "\"password\" is required.");
        }
        atMost(username, 254, "username");
        atMost(password, 400, "password");
        atMost(folder == null ? null : folder.strip(), 200, "folder");
        String a = action == null ? "correspond" : action.strip().toLowerCase(Locale.ROOT);
        if (!a.equals("correspond") && !a.equals("comment")) {
            throw DomainException.invalid("invalid_action", "\"action\" is correspond or comment.");
        }
        int every = pollSeconds == null ? 60 : pollSeconds;
        if (every < 1 || every > 86_400) {
            throw DomainException.invalid("invalid_poll_seconds", "\"pollSeconds\" is 1-86400.");
        }
        String newFolder = p == Protocol.POP3 || folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        boolean reconnect = p != this.protocol || s != this.security || !host.strip().equals(this.host)
                || prt != this.port || !username.equals(this.username) || !newFolder.equals(this.folder)
                || password != null && !password.isEmpty() && !password.equals(this.password);
        this.protocol = p;
        this.security = s;
        this.host = host.strip();
        this.port = prt;
        this.username = username;
        if (password != null && !password.isEmpty()) {
            this.password = password;
        }
        this.folder = newFolder;
        this.queueName = queueName;
        this.action = a;
        this.pollSeconds = every;
        if (enabled != null) {
            this.enabled = enabled;
        }
        if (reconnect) {
            // where or how to connect changed: polled at once, and the last poll's error (about the old settings) no
            // longer stands; a change of the queue or the interval alone keeps them
            this.lastPollAt = null;
            this.lastError = null;
        }
    }

    private static int defaultPort(Protocol protocol, Security security) {
        return switch (protocol) {
            case IMAP -> security == Security.TLS ? 993 : 143;
            case POP3 -> security == Security.TLS ? 995 : 110;
        };
    }

    /**
     * The port to keep when a change names none: null (the new default) while this mailbox uses its protocol's
     * default, so that a change to TLS moves from 143 to 993; else the port the admin chose.
     */
    public Integer keptPort() {
        return port == defaultPort(protocol, security) ? null : port;
    }

    private static void atMost(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw DomainException.invalid("invalid_" + field, "\"" + field + "\" has at most " + max + " characters.");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code, String field) {
        try {
            return Enum.valueOf(type, code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_" + field, "\"" + field + "\" is one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    /** Makes this mailbox the intake of an alert source (its notification mails become alerts), or not (null). */
    public void alertIntakeOf(String source) {
        String s = source == null || source.isBlank() ? null : source.strip();
        atMost(s, 64, "alertSource");
        this.alertSource = s;
    }

    public String alertSource() {
        return alertSource;
    }

    /** Whether a poll is due and no other worker holds the mailbox. */
    public boolean isDue(Instant now) {
        return enabled && (pollingUntil == null || pollingUntil.isBefore(now))
                && (lastPollAt == null || !lastPollAt.plusSeconds(pollSeconds).isAfter(now));
    }

    public void claim(Instant now, Duration lease) {
        this.pollingUntil = now.plus(lease);
    }

    public void polled(Instant now, String error) {
        this.pollingUntil = null;
        this.lastPollAt = now;
        this.lastError = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Protocol protocol() {
        return protocol;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Security security() {
        return security;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String folder() {
        return folder;
    }

    public String queueName() {
        return queueName;
    }

    public String action() {
        return action;
    }

    public int pollSeconds() {
        return pollSeconds;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant lastPollAt() {
        return lastPollAt;
    }

    public String lastError() {
        return lastError;
    }
}
