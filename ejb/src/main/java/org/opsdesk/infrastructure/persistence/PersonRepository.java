package org.opsdesk.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.party.ApiToken;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;

/** Finds and stores people and API tokens. */
@ApplicationScoped
public class PersonRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    public Optional<Person> agent(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return em.createQuery("select p from Person p where p.login = :login and p.kind = :kind", Person.class)
                .setParameter("login", login.strip().toLowerCase(java.util.Locale.ROOT))
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

    public boolean anyAdmin() {
        return !em.createQuery("select p.id from Person p where p.admin = true", Long.class)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public void add(Person person) {
        em.persist(person);
    }

    public Optional<ApiToken> tokenByHash(String hash) {
        return em.createQuery("select t from ApiToken t join fetch t.owner where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", hash).getResultStream().findFirst();
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

    public void flush() {
        em.flush();
    }
}
