package org.opsdesk.application;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.OptimisticLockException;

/**
 * Another transaction changed the same record meanwhile (its version check failed, the {@link OptimisticLockException}
 * is then the cause) or took a unique key first (two stores of the same new attachment bytes): this transaction is
 * rolled back, and the caller may try again on the fresh state. An application exception, so that an expected, retried
 * conflict is not logged by the container as a failed invocation.
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
