package org.opsdesk.domain.party;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.opsdesk.domain.DomainException;

/**
 * A personal API token of an agent. Only the SHA-256 of the secret is stored (the secret is random and
 * long, so a fast hash suffices); the first characters are kept to tell tokens apart.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person owner;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 16)
    private String prefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
        // JPA
    }

    public ApiToken(Person owner, String name, String tokenHash, String prefix, Instant now) {
        if (!owner.isAgent()) {
            throw DomainException.invalid("not_an_agent", "Only agents have API tokens.");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("invalid_token_name", "A token needs a name of 1-100 characters.");
        }
        this.owner = owner;
        this.name = name.strip();
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Long id() {
        return id;
    }

    public Person owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
