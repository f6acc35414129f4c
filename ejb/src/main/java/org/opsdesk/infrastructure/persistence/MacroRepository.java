package org.opsdesk.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.ticket.Macro;

/** Finds and stores macros. */
@ApplicationScoped
public class MacroRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    /** Every macro, by name (at most {@code limit}). */
    public List<Macro> all(int limit) {
        return em.createQuery("select m from Macro m order by m.nameKey, m.id", Macro.class).setMaxResults(limit)
                .getResultList();
    }

    public Optional<Macro> byId(long id) {
        return Optional.ofNullable(em.find(Macro.class, id));
    }

    /** The macro of that name in any case. */
    public Optional<Macro> byName(String name) {
        return em.createQuery("select m from Macro m where m.nameKey = :k", Macro.class)
                .setParameter("k", Macro.key(name)).getResultStream().findFirst();
    }

    public long count() {
        return em.createQuery("select count(m) from Macro m", Long.class).getSingleResult();
    }

    public void add(Macro m) {
        em.persist(m);
        em.flush(); // a macro of that name created at the same moment: the unique key fails here
    }

    public void remove(Macro m) {
        em.remove(m);
    }
}
