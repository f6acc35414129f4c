package org.opsdesk.domain.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.OneLine;
import org.opsdesk.domain.party.EmailAddress;

/**
 * A sender whose mail OpsDesk stores and ignores (spam, a runaway script, an autoresponder that no loop guard
 * recognises): one address ({@code noc@partner.example}), or a domain with its subdomains ({@code @spam.example}
 * blocks {@code a@spam.example} and {@code b@mx.spam.example}). Zammad's postmaster filter "ignore", Znuny's
 * {@code X-OTRS-Ignore}. Its mail is never lost: it is kept, marked ignored with the rule that matched.
 */
@Entity
@Table(name = "blocked_sender")
public class BlockedSender {

    public static final int MAX_NOTE = 500;

    private static final Pattern DOMAIN = Pattern.compile("^[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
            + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+$");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** An address, or {@code @} and a domain. */
    @Column(name = "pattern", nullable = false, updatable = false, length = 255)
    private String pattern;

    @Column(name = "note", length = MAX_NOTE)
    private String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    protected BlockedSender() {
        // JPA
    }

    public BlockedSender(String pattern, String note, String createdBy, Instant now) {
        this.pattern = normalised(pattern);
        String n = OneLine.orNull(note);
        if (n != null && (n.length() > MAX_NOTE || n.indexOf('\0') >= 0)) {
            throw DomainException.invalid("invalid_note", "A note has at most " + MAX_NOTE
                    + " characters, without NUL.");
        }
        this.note = n;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /**
     * The stored form of what an admin typed: an address as {@link EmailAddress} keeps it, a domain ({@code spam.example},
     * {@code @spam.example} or {@code *@spam.example}) as {@code @spam.example}, lower-cased.
     */
    public static String normalised(String pattern) {
        String p = pattern == null ? "" : pattern.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            throw DomainException.invalid("pattern_required", "Name the sender to block: an address"
                    + " (spam@example.com) or a domain with its subdomains (@example.com).");
        }
        if (p.startsWith("*@")) {
            p = p.substring(1);
        }
        String domain = p.startsWith("@") ? p.substring(1) : p.contains("@") ? null : p;
        if (domain != null) {
            if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
                throw DomainException.invalid("invalid_pattern", "Block an address (spam@example.com) or a domain"
                        + " with its subdomains (@example.com); '" + p + "' is neither.");
            }
            return fits("@" + ascii(domain));
        }
        EmailAddress address;
        try {
            address = EmailAddress.of(p);
        } catch (DomainException e) {
            throw DomainException.invalid("invalid_pattern", "Block an address (spam@example.com) or a domain with"
                    + " its subdomains (@example.com); " + e.getMessage());
        }
        return fits(address.localPart() + "@" + ascii(address.domain()));
    }

    /** A rule as stored fits its column: an international domain grows in its ASCII form. */
    private static String fits(String pattern) {
        if (pattern.length() > 255) {
            throw DomainException.invalid("invalid_pattern", "A rule has at most 255 characters, its domain written"
                    + " as mail carries it (xn--…).");
        }
        return pattern;
    }

    /**
     * A domain in the form mail carries it on the wire ({@code xn--bcher-kva.example} for {@code bücher.example}):
     * a rule and a sender compare in one form whichever one each was written in; as written when it has none.
     */
    static String ascii(String domain) {
        try {
            return java.net.IDN.toASCII(domain, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAnIdn) {
            return domain;
        }
    }

    /** Whether this rule blocks {@code address}. */
    public boolean blocks(EmailAddress address) {
        return patternsMatching(address).contains(pattern);
    }

    /**
     * Every pattern that would block {@code address}: the address itself, and {@code @} with its domain and each
     * domain above it ({@code @mx.spam.example}, {@code @spam.example}, {@code @example}).
     */
    public static List<String> patternsMatching(EmailAddress address) {
        List<String> patterns = new ArrayList<>();
        String domain = ascii(address.domain());
        patterns.add(address.localPart() + "@" + domain);
        while (!domain.isEmpty()) {
            patterns.add("@" + domain);
            int dot = domain.indexOf('.');
            domain = dot < 0 ? "" : domain.substring(dot + 1);
        }
        return patterns;
    }

    public Long id() {
        return id;
    }

    public String pattern() {
        return pattern;
    }

    public String note() {
        return note;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
