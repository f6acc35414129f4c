package org.opsdesk.domain.host;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opsdesk.domain.DomainException;

/**
 * A host that monitoring reports on: its normalised name (unique), the short name it also answers to,
 * an address, aliases, tags and free notes. Created by the first alert that names it; agents edit it.
 */
@Entity
@Table(name = "host")
public class Host {

    public static final int MAX_NOTES = 10_000;
    private static final int MAX_TAG = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = HostName.MAX)
    private String name;

    @Column(name = "short_name", nullable = false, length = HostName.MAX)
    private String shortName;

    @Column(length = 255)
    private String address;

    @ElementCollection
    @CollectionTable(name = "host_alias", joinColumns = @JoinColumn(name = "host_id"))
    @Column(name = "alias", length = HostName.MAX)
    @OrderBy
    private Set<String> aliases = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "host_tag", joinColumns = @JoinColumn(name = "host_id"))
    @Column(name = "tag", length = MAX_TAG)
    @OrderBy
    private Set<String> tags = new LinkedHashSet<>();

    @Column(length = MAX_NOTES)
    private String notes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Whether monitoring reported on it: then its alerts and their timeline keep it (it is never deleted). */
    @Column(nullable = false)
    private boolean monitored;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Host() {
        // JPA
    }

    /** A host first seen now, under {@code name}, at {@code address} if known. */
    public Host(HostName name, String address, Instant now) {
        this.name = name.value();
        this.shortName = name.shortName();
        this.address = addressFromMonitoring(address);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Monitoring reports on this host (an alert names it, or made it): from now on it is never deleted. The first time
     * it changes the row (its version too), which the transaction naming the host in an alert then holds: an agent's
     * delete of the host at that moment comes before it (and the alert finds the host gone) or after it (and is
     * refused), whatever the database.
     */
    public void monitoredNow() {
        monitored = true;
    }

    public boolean isMonitored() {
        return monitored;
    }

    /** An alert named this host again: an address learnt for the first time is kept. */
    public void seenAt(String newAddress, Instant now) {
        String a = addressFromMonitoring(newAddress);
        if (address == null && a != null) {
            address = a;
            updatedAt = now;
        }
    }

    /** An agent's edit; null leaves a field as it is. */
    public void edit(String newAddress, Collection<String> newAliases, Collection<String> newTags, String newNotes,
            Instant now) {
        if (newAddress != null) {
            address = newAddress.isBlank() ? null : validAddress(newAddress);
        }
        if (newAliases != null) {
            Set<String> a = new LinkedHashSet<>();
            for (String alias : newAliases) {
                String v = HostName.of(alias).value();
                if (!v.equals(name)) {
                    a.add(v);
                }
            }
            aliases.clear();
            aliases.addAll(a);
        }
        if (newTags != null) {
            Set<String> t = new LinkedHashSet<>();
            for (String tag : newTags) {
                t.add(validTag(tag));
            }
            tags.clear();
            tags.addAll(t);
        }
        if (newNotes != null) {
            if (newNotes.length() > MAX_NOTES) {
                throw DomainException.invalid("notes_too_long", "Host notes have at most " + MAX_NOTES + " characters.");
            }
            notes = newNotes.isBlank() ? null : newNotes.strip();
        }
        updatedAt = now;
    }

    /**
     * Binds a name that found this host only by a short name (monitoring's first way of naming it) as an alias, so that
     * it goes on naming this host: a later host of the same short name would otherwise make it ambiguous (a recovery
     * then missed the open problem), and a second full name of it would land on this host.
     */
    public void bind(HostName n) {
        if (!answersToExactly(n.value())) {
            aliases.add(n.value()); // not an edit of the host (updatedAt stays): monitoring's way of naming it
        }
    }

    /** Whether {@code n} names this host: its name, its short name, or an alias. */
    public boolean answersTo(HostName n) {
        return n.value().equals(name) || aliases.contains(n.value())
                || (!n.isQualified() && n.value().equals(shortName))
                || (n.isQualified() && n.shortName().equals(name));
    }

    /** Whether {@code n} is this host's name or one of its aliases (not merely its short name). */
    public boolean answersToExactly(String n) {
        return name.equals(n) || aliases.contains(n);
    }

    /**
     * An address as monitoring sends it: one that is no address ({@code 10.0.0.5 (mgmt)}) is left out, not the alert
     * (refused, the whole batch was a 4xx that monitoring does not send again: the alerts were lost).
     */
    static String addressFromMonitoring(String a) {
        try {
            return validAddress(a);
        } catch (DomainException notAnAddress) {
            return null;
        }
    }

    static String validAddress(String a) {
        if (a == null || a.isBlank()) {
            return null;
        }
        String s = a.strip();
        if (s.length() > 255 || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ' ')) {
            throw DomainException.invalid("invalid_address", "A host address is an IP address or a DNS name"
                    + " without spaces, at most 255 characters.");
        }
        return s;
    }

    static String validTag(String tag) {
        String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > MAX_TAG || t.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == ',')) {
            throw DomainException.invalid("invalid_tag", "A tag is 1-" + MAX_TAG
                    + " characters without spaces or commas.");
        }
        return t;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String name() {
        return name;
    }

    public String shortName() {
        return shortName;
    }

    public String address() {
        return address;
    }

    /** The aliases, sorted. */
    public List<String> aliases() {
        return aliases.stream().sorted().toList();
    }

    /** The tags, sorted. */
    public List<String> tags() {
        return tags.stream().sorted().toList();
    }

    public String notes() {
        return notes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** By id; the other's through its accessor, since a lazy proxy's own field is never set. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Host h && id != null && id.equals(h.id());
    }

    @Override
    public int hashCode() {
        return Host.class.hashCode();
    }
}
