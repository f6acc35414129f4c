package org.opsdesk.application;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.persistence.OptimisticLockException;

/**
 * The one rule for a failure that is a race lost to a concurrent transaction, which the same request wins (or is
 * refused cleanly) when made again on the fresh state: the mail gateway processes such a mail again, the API answers
 * 409, the agent UI says to reload. Never a 500, never a quarantined mail.
 */
public final class LostRaces {

    /**
     * Unique key taken meanwhile (two creations of the same link, page, host link… at once), deadlock victim,
     * serialization failure, and H2's lock timeout (a racer that waited more than its 2 s for the winner's commit).
     */
    private static final Set<String> SQL_STATES = Set.of("23505", "40P01", "40001", "HYT00");

    /**
     * A foreign key broken: 23503, H2's 23506 for a missing parent. Not a lost race in general (it is most often a bug
     * that must not be answered as a 409); see {@link #isParentDeleted}.
     */
    private static final Set<String> FOREIGN_KEY_STATES = Set.of("23503", "23506");

    private LostRaces() {
    }

    /** Whether {@code e} or one of its causes is a lost race: a version check, a unique key or a lock. */
    public static boolean isLostRace(Throwable e) {
        return inChain(e, t -> t instanceof OptimisticLockException || t instanceof ConcurrentChangeException
                || hasState(t, SQL_STATES));
    }

    /**
     * Whether {@code e} or one of its causes is a broken foreign key: for the few callers that know what a concurrent
     * delete of the parent means (an alert source or host deleted as notifications about it arrived, an organization
     * deleted as a trigger came to name it; see {@link #flush}), which then make the request again or refuse it in
     * their own words. Nowhere else: a broken key there is a bug.
     */
    public static boolean isParentDeleted(Throwable e) {
        return inChain(e, t -> hasState(t, FOREIGN_KEY_STATES));
    }

    /**
     * Flushes now a delete, or a row naming a parent: a foreign key that a concurrent transaction broke since the
     * caller looked (a row come to point at the deleted one, a parent deleted meanwhile) fails here, answered as
     * {@code refusal} (a 409 or 400 in the caller's words), not at commit as a 500.
     */
    public static void flush(Runnable flush, java.util.function.Supplier<? extends RuntimeException> refusal) {
        try {
            flush.run();
        } catch (jakarta.persistence.PersistenceException e) {
            if (isParentDeleted(e)) {
                throw refusal.get();
            }
            throw e;
        }
    }

    /** Whether {@code e}, one of its causes, or a batch's next exception under one of them, is what {@code is} says. */
    private static boolean inChain(Throwable e, java.util.function.Predicate<Throwable> is) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
            if (is.test(t)) {
                return true;
            }
            if (t instanceof SQLException s && s.getNextException() != null && inChain(s.getNextException(), is)) {
                return true; // a batch reports the statement's own failure as the next exception
            }
        }
        return false;
    }

    private static boolean hasState(Throwable t, Set<String> states) {
        return t instanceof SQLException s && s.getSQLState() != null && states.contains(s.getSQLState());
    }

    /**
     * Makes a request that overwrites nothing (a new ticket, a message added without a version) again while it loses
     * races, up to {@code attempts} times: on the fresh state it wins, where answering 409 would have made the client
     * retry the same thing. Each attempt is its own transaction (the call crosses the service's boundary).
     */
    public static <T> T retried(int attempts, java.util.function.Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isLostRace(e)) {
                    throw e;
                }
                pauseBeforeAttemptAfter(attempt);
            }
        }
    }

    /**
     * Waits a few random milliseconds, more after each lost {@code attempt} (from 1), before the request is made again:
     * racers of the same record that failed together do not meet again at once.
     */
    public static void pauseBeforeAttemptAfter(int attempt) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, 2 + 2L * attempt)));
    }
}
