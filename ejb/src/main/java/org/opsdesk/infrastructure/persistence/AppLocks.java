package org.opsdesk.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Named locks in the database (rows of {@code app_lock}) for rules that unique constraints cannot state: whoever
 * must not run at the same time as another takes the same lock, then reads again. A lock is held until the
 * transaction ends, and is taken only after the rows the transaction changes (so that two locks never wait on
 * each other in opposite orders).
 */
@ApplicationScoped
public class AppLocks {

    /** Creating hosts and changing aliases: a host is one host under its short and qualified name. */
    public static final String HOST_NAMES = "host-names";
    /** Disabling and demoting admins: at least one active admin remains. */
    public static final String ADMINS = "admins";
    /**
     * Choosing the default queue: one queue is the default. Taken first in its transaction, before any row is read
     * or written (its holder then writes other queues' rows), unlike the others.
     */
    public static final String DEFAULT_QUEUE = "default-queue";

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    /** Waits for the lock {@code name} and holds it until this transaction ends. */
    public void take(String name) {
        if (em.createNativeQuery("SELECT name FROM app_lock WHERE name = ?1 FOR UPDATE").setParameter(1, name)
                .getResultList().isEmpty()) {
            throw new IllegalStateException("no lock '" + name + "' in app_lock: a migration is missing");
        }
    }
}
