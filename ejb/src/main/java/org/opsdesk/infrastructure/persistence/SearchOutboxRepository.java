package org.opsdesk.infrastructure.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.SearchOutboxEntry;

/**
 * The search index outbox: a row per changed ticket or page, written in the transaction of the change, so that
 * the indexer (after commit) never misses one, even across a crash.
 */
@ApplicationScoped
public class SearchOutboxRepository {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    public void enqueue(String docType, String docId, Instant now) {
        em.persist(new SearchOutboxEntry(docType, docId, now));
    }

    /**
     * The oldest entries but those in {@code skip} (indexed already, waiting for the index's commit). Not "after the
     * last id read": a row's id is taken at insert, not at commit, so a row of a transaction that commits after a
     * later-numbered one would be passed over until the next full read.
     */
    public List<SearchOutboxEntry> oldest(java.util.Collection<Long> skip, int limit) {
        if (skip.isEmpty()) {
            return em.createQuery("select e from SearchOutboxEntry e order by e.id", SearchOutboxEntry.class)
                    .setMaxResults(limit).getResultList();
        }
        return em.createQuery("select e from SearchOutboxEntry e where e.id not in :skip order by e.id",
                SearchOutboxEntry.class).setParameter("skip", skip).setMaxResults(limit).getResultList();
    }

    public void remove(List<Long> ids) {
        if (!ids.isEmpty()) {
            em.createQuery("delete from SearchOutboxEntry e where e.id in :ids").setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    public long size() {
        return em.createQuery("select count(e) from SearchOutboxEntry e", Long.class).getSingleResult();
    }
}
