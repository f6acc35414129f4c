package org.opsdesk.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.queue.Queue;

/** Finds and stores queues. */
@ApplicationScoped
public class QueueRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    public Optional<Queue> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return em.createQuery("select q from Queue q where lower(q.name) = lower(:n)", Queue.class)
                .setParameter("n", name.strip()).getResultStream().findFirst();
    }

    public Optional<Queue> defaultQueue() {
        return em.createQuery("select q from Queue q where q.defaultQueue = true order by q.id", Queue.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Takes the default mark off every queue but {@code keep}, as the rows are now (one statement): a queue this
     * transaction read before it took the default-queue lock may be stale, and one that it thinks is no default
     * would keep the mark another admin just gave it.
     */
    public void clearDefaultsBut(Queue keep) {
        em.createQuery("update Queue q set q.defaultQueue = false where q.defaultQueue = true and q.id <> :keep")
                .setParameter("keep", keep.id() == null ? -1L : keep.id()).executeUpdate();
    }

    public List<Queue> all() {
        return em.createQuery("select q from Queue q order by q.name", Queue.class).getResultList();
    }

    /** The queues that receive mail at {@code address}, as their correspond or their comment address. */
    public List<Queue> receivingAt(String address) {
        return em.createQuery("select q from Queue q where lower(q.correspondAddress) = lower(:a)"
                + " or lower(q.commentAddress) = lower(:a)", Queue.class).setParameter("a", address).getResultList();
    }

    public void add(Queue queue) {
        em.persist(queue);
    }
}
