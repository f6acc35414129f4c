package org.opsdesk.application;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.OptimisticLockException;

/**
 * Another transaction changed the same record meanwhile (its version check failed): this transaction is rolled back,
 * and the caller may try again on the fresh state. An application exception, so that an expected, retried conflict
 * is not logged by the container as a failed invocation; the {@link OptimisticLockException} is its cause.
 */
@ApplicationException(rollback = true)
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(OptimisticLockException cause) {
        super("changed concurrently: " + cause.getMessage(), cause);
    }
}
