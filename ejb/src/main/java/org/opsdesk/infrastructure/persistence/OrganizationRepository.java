package org.opsdesk.infrastructure.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.party.Organization;
import org.opsdesk.domain.party.Person;

/**
 * Finds and stores organizations. Their customers are read, never stored: the customers whose address's domain is
 * one of theirs ({@code person.email_domain}).
 */
@ApplicationScoped
public class OrganizationRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    @jakarta.inject.Inject
    RowLocks rows;

    /** Every organization, by name (at most {@code limit}). */
    public List<Organization> all(int limit) {
        return em.createQuery("select o from Organization o order by o.nameKey, o.id", Organization.class)
                .setMaxResults(limit).getResultList();
    }

    public Optional<Organization> byId(long id) {
        return Optional.ofNullable(em.find(Organization.class, id));
    }

    public Optional<Organization> byName(String name) {
        return em.createQuery("select o from Organization o where o.nameKey = :k", Organization.class)
                .setParameter("k", Organization.key(name)).getResultStream().findFirst();
    }

    /**
     * The organization of that name, held as the parent of a row about to name it (a trigger; see {@link
     * RowLocks#holdParent}): empty when it is gone, deleted meanwhile.
     */
    public Optional<Organization> heldByName(String name) {
        return byName(name).filter(o -> rows.holdParent("organization", o.id()));
    }

    /** The names of the organizations of {@code domains} (other than {@code self}, if given), by domain. */
    public Map<String, String> namesAt(Collection<String> domains, Organization self) {
        if (domains.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new java.util.TreeMap<>();
        em.createQuery("select d, o.name from Organization o join o.domains d where d in :ds and o.id <> :self",
                Object[].class).setParameter("ds", domains)
                .setParameter("self", self == null || self.id() == null ? -1L : self.id()).getResultList()
                .forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    /** How many customers each organization has (people at its domains), by id. */
    public Map<Long, Long> customerCounts() {
        Map<Long, Long> counts = new java.util.HashMap<>();
        em.createQuery("select o.id, count(p) from Organization o join o.domains d, Person p"
                + " where p.emailDomain = d and p.kind = :customer group by o.id", Object[].class)
                .setParameter("customer", Person.Kind.CUSTOMER).getResultList()
                .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return counts;
    }

    public void add(Organization o) {
        em.persist(o);
        em.flush(); // one of that name or with one of its domains created at the same moment: fails here
    }

    public void flush() {
        em.flush();
    }

    public void remove(Organization o) {
        em.remove(o);
    }
}
