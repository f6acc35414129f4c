package org.opsdesk.infrastructure.persistence;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.PersistenceException;

/**
 * A row this transaction meant to create was created by a concurrent one first (its unique key is taken): this
 * transaction is rolled back and the caller reads the winner's row. An application exception, so that the expected
 * race is not logged by the container as a failed invocation. See {@link ConstraintViolations#insertUnique}.
 */
@ApplicationException(rollback = true)
public class CreatedMeanwhileException extends RuntimeException {

    public CreatedMeanwhileException(PersistenceException cause) {
        super("created meanwhile by another transaction", cause);
    }
}
