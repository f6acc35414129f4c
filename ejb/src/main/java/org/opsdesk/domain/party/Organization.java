package org.opsdesk.domain.party;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.OneLine;

/**
 * A customer company (Zammad's organizations, Znuny's customer companies): its customers are the people whose
 * addresses are at one of its domains, exactly ({@code acme.example}, not {@code mail.acme.example} unless listed
 * too). A domain belongs to one organization; agents belong to none.
 */
@Entity
@Table(name = "organization")
public class Organization {

    public static final int MAX_NAME = 100;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_DOMAINS = 20;
    /** A host name of letters, digits and hyphens, with at least one dot (no public mail provider is refused). */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "name_key", nullable = false, length = MAX_NAME)
    private String nameKey;

    @Column(length = MAX_NOTE)
    private String note;

    @ElementCollection
    @CollectionTable(name = "organization_domain", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "domain", length = 253)
    private Set<String> domains = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Organization() {
        // JPA
    }

    public Organization(String name, Instant now) {
        this.createdAt = now;
        rename(name, now);
    }

    /** An organization's name as stored: on one line, 1-{@value #MAX_NAME} characters. */
    public static String validName(String name) {
        return OneLine.name(name, MAX_NAME, "invalid_organization_name", "An organization");
    }

    /** The key names are unique by, and looked up by: the name in lower case. */
    public static String key(String name) {
        return validName(name).toLowerCase(Locale.ROOT);
    }

    /** A domain as stored: lower case, without a leading {@code @} (400 {@code invalid_domain}). */
    public static String validDomain(String domain) {
        String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (d.startsWith("@")) {
            d = d.substring(1);
        }
        if (!DOMAIN.matcher(d).matches()) {
            throw DomainException.invalid("invalid_domain", "'" + (domain == null ? "" : domain.strip())
                    + "' is no mail domain (such as acme.example).");
        }
        return d;
    }

    public void rename(String newName, Instant now) {
        this.name = validName(newName);
        this.nameKey = name.toLowerCase(Locale.ROOT);
        this.updatedAt = now;
    }

    public void describe(String newNote, Instant now) {
        String n = newNote == null || newNote.isBlank() ? null : newNote.strip();
        if (n != null && n.length() > MAX_NOTE) {
            throw DomainException.invalid("invalid_organization_note", "An organization's note has at most "
                    + MAX_NOTE + " characters.");
        }
        this.note = n;
        this.updatedAt = now;
    }

    /** The domains its customers' addresses are at, the whole new list (each once, at most {@value #MAX_DOMAINS}). */
    public void atDomains(List<String> newDomains, Instant now) {
        Set<String> valid = new LinkedHashSet<>();
        for (String d : newDomains == null ? List.<String>of() : newDomains) {
            if (d != null && !d.isBlank()) {
                valid.add(validDomain(d));
            }
        }
        if (valid.size() > MAX_DOMAINS) {
            throw DomainException.invalid("too_many_domains", "An organization has at most " + MAX_DOMAINS
                    + " domains.");
        }
        domains.retainAll(valid);
        domains.addAll(valid);
        this.updatedAt = now;
    }

    /** Whether {@code address} is at one of its domains. */
    public boolean includes(EmailAddress address) {
        return address != null && domains.contains(address.domain().toLowerCase(Locale.ROOT));
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String note() {
        return note;
    }

    public List<String> domains() {
        return new ArrayList<>(domains);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** By id; the other's through its accessor, since a lazy proxy's own field is never set. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Organization other && id != null && id.equals(other.id());
    }

    @Override
    public int hashCode() {
        return Organization.class.hashCode();
    }
}
