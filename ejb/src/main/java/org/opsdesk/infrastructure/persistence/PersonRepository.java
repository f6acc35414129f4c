package org.opsdesk.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;

import org.opsdesk.domain.party.ApiToken;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.party.SavedView;

/** Finds and stores people, their API tokens and their saved views. */
@ApplicationScoped
public class PersonRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    /** A login as logins are stored: trimmed and lower-cased (the lookups do not refuse a malformed one). */
    private static String storedLogin(String login) {
        return login.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<Person> agent(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return em.createQuery("select p from Person p where p.login = :login and p.kind = :kind", Person.class)
                .setParameter("login", storedLogin(login))
                .setParameter("kind", Person.Kind.AGENT)
                .getResultStream().findFirst();
    }

    public Optional<Person> byEmail(EmailAddress address) {
        return em.createQuery("select p from Person p where p.email = :email", Person.class)
                .setParameter("email", address.value()).getResultStream().findFirst();
    }

    public List<Person> agents() {
        return em.createQuery("select p from Person p where p.kind = :kind order by p.login", Person.class)
                .setParameter("kind", Person.Kind.AGENT).getResultList();
    }

    /** Whether an active agent holds the admin role (a disabled admin cannot log in to enable anyone). */
    public boolean anyAdmin() {
        return !em.createQuery("select p.id from Person p where p.admin = true and p.active = true", Long.class)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether an active admin other than {@code person} exists (read afresh: call it under the admins' lock). */
    public boolean anotherActiveAdminThan(Person person) {
        return !em.createQuery("select p.id from Person p where p.admin = true and p.active = true and p <> :me",
                Long.class).setParameter("me", person).setMaxResults(1).getResultList().isEmpty();
    }

    public void add(Person person) {
        em.persist(person);
    }

    /**
     * What is written in the database now of an agent: read as values, never as an entity, which the persistence
     * context may hold as it was read earlier in the transaction (see {@code KnownCallers}). {@code passwordStamp} is
     * a digest of the password hash (not the hash), which changes with the password: a login session carries the one
     * of its login.
     */
    public record AgentRow(String login, String displayName, Person.Kind kind, boolean active, boolean admin,
            String passwordStamp) {

        public boolean canWorkTickets() {
            return Person.canWorkTickets(kind, active);
        }
    }

    /** What is written in the database now of an API token and its owner (see {@link AgentRow}). */
    public record TokenRow(long id, Instant revokedAt, Instant lastUsedAt, AgentRow owner) {
    }

    public Optional<AgentRow> agentRow(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return em.createQuery("select p.login, p.displayName, p.kind, p.active, p.admin, p.passwordHash from Person p"
                        + " where p.login = :login and p.kind = :kind", Tuple.class)
                .setParameter("login", storedLogin(login))
                .setParameter("kind", Person.Kind.AGENT)
                .getResultStream().findFirst().map(PersonRepository::agentRow);
    }

    public Optional<TokenRow> tokenRowByHash(String hash) {
        return em.createQuery("select t.id, t.revokedAt, t.lastUsedAt, p.login, p.displayName, p.kind, p.active,"
                        + " p.admin, p.passwordHash from ApiToken t join t.owner p where t.tokenHash = :h", Tuple.class)
                .setParameter("h", hash)
                .getResultStream().findFirst()
                .map(t -> new TokenRow(t.get(0, Long.class), t.get(1, Instant.class), t.get(2, Instant.class),
                        agentRow(t, 3)));
    }

    private static AgentRow agentRow(Tuple t) {
        return agentRow(t, 0);
    }

    private static AgentRow agentRow(Tuple t, int from) {
        return new AgentRow(t.get(from, String.class), t.get(from + 1, String.class),
                t.get(from + 2, Person.Kind.class), t.get(from + 3, Boolean.class), t.get(from + 4, Boolean.class),
                passwordStamp(t.get(from + 5, String.class)));
    }

    /** The first 128 bits of the SHA-256 of a password hash, hex; {@code ""} for none. */
    static String passwordStamp(String passwordHash) {
        if (passwordHash == null) {
            return "";
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /**
     * Writes when a token was last used, in a statement of its own: no entity update, so the cache of callers (which
     * forgets all on every update of a token) is kept.
     */
    public void markTokenUsed(long id, Instant when) {
        em.createQuery("update ApiToken t set t.lastUsedAt = :when where t.id = :id")
                .setParameter("when", when).setParameter("id", id).executeUpdate();
    }

    public List<ApiToken> tokensOf(Person owner) {
        return em.createQuery("select t from ApiToken t where t.owner = :o order by t.id", ApiToken.class)
                .setParameter("o", owner).getResultList();
    }

    public Optional<ApiToken> token(long id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    public void add(ApiToken token) {
        em.persist(token);
    }

    /** The views {@code agent} sees: their own and those active agents share, by name; at most {@code limit}. */
    public List<SavedView> viewsFor(Person agent, int limit) {
        // one's own first: colleagues' shared views must not push them off a list cut at the limit
        return em.createQuery("select v from SavedView v join fetch v.owner where v.owner = :a or (v.shared = true"
                + " and v.owner.active = true) order by case when v.owner = :a then 0 else 1 end, lower(v.name), v.id",
                SavedView.class).setParameter("a", agent)
                .setMaxResults(limit).getResultList();
    }

    /** Every saved view whose query filters by an organization (of any name). */
    public List<SavedView> viewsByOrganization() {
        return em.createQuery("select v from SavedView v where v.query like '%organization=%'", SavedView.class)
                .getResultList();
    }

    public Optional<SavedView> view(long id) {
        return Optional.ofNullable(em.find(SavedView.class, id));
    }

    public Optional<SavedView> viewNamed(Person owner, String name) {
        return em.createQuery("select v from SavedView v where v.owner = :o and lower(v.name) = lower(:n)"
                + " order by v.id", SavedView.class)
                .setParameter("o", owner).setParameter("n", name).getResultStream().findFirst();
    }

    public long viewCount(Person owner) {
        return em.createQuery("select count(v) from SavedView v where v.owner = :o", Long.class)
                .setParameter("o", owner).getSingleResult();
    }

    public void add(SavedView view) {
        em.persist(view);
    }

    public void remove(SavedView view) {
        em.remove(view);
    }

    public void flush() {
        em.flush();
    }
}
