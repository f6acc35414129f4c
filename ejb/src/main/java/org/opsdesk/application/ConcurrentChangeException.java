package org.opsdesk.application;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.OptimisticLockException;

/**
 * Another transaction changed the same record meanwhile (its version check failed): this transaction is rolled back,
 * and the caller may try again on the fresh state (a lost race over a unique key is one too). An application exception, so that an expected, retried conflict
 * is not logged by the container as a failed invocation; the {@link OptimisticLockException} is its cause.
 */
@ApplicationException(rollback = true)
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(OptimisticLockException cause) {
        super("changed concurrently: " + cause.getMessage(), cause);
    }

    /** Another kind of lost race, e.g. over a unique key that a concurrent transaction took first. */
    public ConcurrentChangeException(String what, RuntimeException cause) {
        super(what, cause);
    }
}
