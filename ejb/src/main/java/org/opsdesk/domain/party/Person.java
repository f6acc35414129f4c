package org.opsdesk.domain.party;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opsdesk.domain.DomainException;

/**
 * Someone OpsDesk knows: an agent (logs in, works tickets; role agent or admin) or a customer (known
 * only by e-mail address, created on first contact).
 */
@Entity
@Table(name = "person")
public class Person {

    /** Agents log in; customers are known by address only. */
    public enum Kind { AGENT, CUSTOMER }

    /** The longest display name (column {@code display_name}). */
    public static final int MAX_DISPLAY_NAME = 200;
    private static final Pattern LOGIN = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,62}$");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Concurrent changes of one person (an admin's and the agent's own, a bounce) must not undo each other. */
    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(unique = true, length = 64)
    private String login;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(unique = true, length = 254)
    private String email;

    @Column(nullable = false)
    private boolean admin;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "password_hash", length = 400)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "mail_bounced_at")
    private Instant mailBouncedAt;

    @Column(name = "mail_bounce_reason", length = 1000)
    private String mailBounceReason;

    /** The domain of the address (lower case), which an {@link Organization} knows its customers by. */
    @Column(name = "email_domain", length = 253, updatable = false)
    private String emailDomain;

    protected Person() {
        // JPA
    }

    private Person(Kind kind, String login, String displayName, EmailAddress email, boolean admin, Instant now) {
        this.kind = kind;
        this.login = login;
        this.displayName = displayName;
        this.email = email == null ? null : email.value();
        this.emailDomain = email == null ? null : email.domain().toLowerCase(java.util.Locale.ROOT);
        this.admin = admin;
        this.createdAt = now;
    }

    /** The name OpsDesk's own doings are recorded under (escalations, triggers): no agent may have it as a login. */
    public static final String SYSTEM = "system";

    /**
     * A new agent; {@code admin} grants the admin role on top of agent. The login {@value #SYSTEM} is OpsDesk's own
     * (400 {@code reserved_login}): an agent of that name would pass for OpsDesk in every history.
     */
    public static Person agent(String login, String displayName, EmailAddress email, boolean admin, Instant now) {
        String l = newAgentLogin(login);
        String name = displayName == null || displayName.isBlank() ? l : checkedDisplayName(displayName);
        return new Person(Kind.AGENT, l, name, email, admin, now);
    }

    /** A customer, known only by address. */
    public static Person customer(EmailAddress email, Instant now) {
        Objects.requireNonNull(email, "email");
        // named by the address until a mail gives a name; an address may be longer than a name can be
        return new Person(Kind.CUSTOMER, null, fittingDisplayName(email.value()), email, false, now);
    }

    /** The domain of the address, lower case; null without one. */
    public String emailDomain() {
        return emailDomain;
    }

    public static String normalizeLogin(String login) {
        String l = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(l).matches()) {
            throw DomainException.invalid("invalid_login",
                    "A login is 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return l;
    }

    public void changePassword(String newHash) {
        requireAgent();
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void grantAdmin(boolean grant) {
        requireAgent();
        this.admin = grant;
    }

    public void rename(String newDisplayName) {
        if (newDisplayName != null && !newDisplayName.isBlank()) {
            this.displayName = checkedDisplayName(newDisplayName);
        }
    }

    /** As much of {@code name} as a display name holds: for names that come with mail, which is never refused. */
    public static String fittingDisplayName(String name) {
        return name.length() <= MAX_DISPLAY_NAME ? name : name.substring(0, MAX_DISPLAY_NAME);
    }

    private static String checkedDisplayName(String displayName) {
        String name = displayName.strip();
        if (name.length() > MAX_DISPLAY_NAME) {
            throw DomainException.invalid("display_name_too_long",
                    "A display name has at most " + MAX_DISPLAY_NAME + " characters (this one " + name.length() + ").");
        }
        return name;
    }

    /** Mail to this person bounced (the bounce of our own outbound mail said so). */
    public void mailBounced(String reason, Instant now) {
        this.mailBouncedAt = now;
        this.mailBounceReason = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    /** Whether mail to this person bounced after {@code since}. */
    public boolean mailBouncedSince(Instant since) {
        return mailBouncedAt != null && mailBouncedAt.isAfter(since);
    }

    public Instant mailBouncedAt() {
        return mailBouncedAt;
    }

    public String mailBounceReason() {
        return mailBounceReason;
    }

    public void disable() {
        this.active = false;
    }

    public void enable() {
        this.active = true;
    }

    /** Makes a customer an agent (someone who first wrote in and was later hired, say). */
    public void promoteToAgent(String newLogin) {
        if (kind == Kind.AGENT) {
            return;
        }
        this.login = newAgentLogin(newLogin); // refused: still a customer
        this.kind = Kind.AGENT;
    }

    /** A new agent's login: normalised, and not OpsDesk's own ({@value #SYSTEM}). */
    private static String newAgentLogin(String login) {
        String l = normalizeLogin(login);
        if (l.equals(SYSTEM)) {
            throw DomainException.invalid("reserved_login", "The login '" + SYSTEM + "' is OpsDesk's own (its"
                    + " history names it for what OpsDesk did by itself); choose another.");
        }
        return l;
    }

    private void requireAgent() {
        if (kind != Kind.AGENT) {
            throw DomainException.invalid("not_an_agent", "Only agents have passwords and roles.");
        }
    }

    public boolean isAgent() {
        return kind == Kind.AGENT;
    }

    /** An active agent who can work tickets. */
    public boolean canWorkTickets() {
        return canWorkTickets(kind, active);
    }

    /** Who may work tickets: active agents (the one rule, for a person read as values too). */
    public static boolean canWorkTickets(Kind kind, boolean active) {
        return kind == Kind.AGENT && active;
    }

    public boolean isAdmin() {
        return kind == Kind.AGENT && admin;
    }

    public Long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String login() {
        return login;
    }

    public String displayName() {
        return displayName;
    }

    /** What a text calls them: their display name, else their handle (an agent's login, a customer's address). */
    public String name() {
        return displayName == null || displayName.isBlank() ? handle() : displayName;
    }

    /** The address, or null for an agent created without one. */
    public EmailAddress email() {
        return email == null ? null : new EmailAddress(email);
    }

    public boolean isActive() {
        return active;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** How this person is named in history and views: the login for agents, the address for customers. */
    public String handle() {
        return login != null ? login : email;
    }

    /** By id; the other's through its accessor, since a lazy proxy's own field is never set. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Person p && id != null && id.equals(p.id());
    }

    @Override
    public int hashCode() {
        return Person.class.hashCode();
    }
}
