package org.opsdesk.infrastructure.persistence;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

/**
 * Recognises a unique-constraint race lost to a concurrent transaction (SQLSTATE class 23, or the
 * persistence exception wrapping it), so that the caller can read the winner's row instead.
 */
public final class ConstraintViolations {

    private ConstraintViolations() {
    }

    public static boolean isViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PersistenceException
                    || (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23"))) {
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
            if (isViolation(e)) {
                throw new CreatedMeanwhileException(e);
            }
            throw e;
        }
    }
}
