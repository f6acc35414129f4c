package org.opsdesk.infrastructure.persistence;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

/**
 * Recognises a unique-constraint race lost to a concurrent transaction (an SQL exception with SQLSTATE 23505,
 * unique_violation, anywhere in the chain), so that the caller can read the winner's row instead. Nothing else
 * counts: a lost connection, a lock timeout, a stale version or a value too long stays the failure it is.
 */
public final class ConstraintViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private ConstraintViolations() {
    }

    public static boolean isViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the creation of a row with a unique key, its insert and flush (an identity id inserts at once): a lost
     * race becomes a {@link CreatedMeanwhileException} (recognised by {@link #isViolation}); any other failure passes
     * as it is.
     */
    public static void insertUnique(Runnable insert) {
        try {
            insert.run();
        } catch (PersistenceException e) {
            if (isViolation(e)) { // the creator's transaction is rolled back; the caller looks for the winner
                throw new CreatedMeanwhileException(e);
            }
            throw e;
        }
    }
}
