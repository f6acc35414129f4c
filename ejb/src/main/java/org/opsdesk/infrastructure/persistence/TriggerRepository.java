package org.opsdesk.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.ticket.Trigger;

/** Finds and stores triggers. */
@ApplicationScoped
public class TriggerRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    /** Every trigger in the order they run (at most {@code limit}). */
    public List<Trigger> all(int limit) {
        return em.createQuery("select t from Trigger t left join fetch t.ifQueue left join fetch t.setQueue"
                + " left join fetch t.setOwner left join fetch t.ifOrganization order by t.nameKey, t.id",
                Trigger.class).setMaxResults(limit).getResultStream().sorted(Trigger.ORDER).toList();
    }

    /** The active triggers of {@code event} in the order they run ({@link Trigger#ORDER}), with what they name. */
    public List<Trigger> active(Trigger.Event event) {
        return em.createQuery("select t from Trigger t left join fetch t.ifQueue left join fetch t.setQueue"
                + " left join fetch t.setOwner left join fetch t.ifOrganization where t.active = true and "
                + (event == Trigger.Event.REPLY ? "t.onReply = true" : "t.onCreate = true"),
                Trigger.class).getResultStream().sorted(Trigger.ORDER).toList();
    }

    public Optional<Trigger> byId(long id) {
        return Optional.ofNullable(em.find(Trigger.class, id));
    }

    /** The trigger of that name in any case. */
    public Optional<Trigger> byName(String name) {
        return em.createQuery("select t from Trigger t where t.nameKey = :k", Trigger.class)
                .setParameter("k", Trigger.key(name)).getResultStream().findFirst();
    }

    /** The names of the triggers whose condition names organization {@code o}. */
    public List<String> namesNaming(org.opsdesk.domain.party.Organization o) {
        return em.createQuery("select t.name from Trigger t where t.ifOrganization = :o order by t.nameKey",
                String.class).setParameter("o", o).getResultList();
    }

    public long count() {
        return em.createQuery("select count(t) from Trigger t", Long.class).getSingleResult();
    }

    /** Stores a new trigger now: one of that name created at the same moment fails the unique key here. */
    public void add(Trigger t) {
        em.persist(t);
        em.flush();
    }

    public void flush() {
        em.flush();
    }

    public void remove(Trigger t) {
        em.remove(t);
    }
}
