package org.opsdesk.application;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

/**
 * Periodic work (polling mailboxes, sending the outbox, pending reminders) as a chain of single-action timers, each
 * armed when the last tick ends: a tick that runs long (a large mailbox drained, a slow relay) delays the next one
 * instead of making the container skip interval ticks with a warning each (WFLYEJB0043).
 */
public final class Ticks {

    private static final Logger LOG = Logger.getLogger(Ticks.class.getName());

    private Ticks() {
    }

    /**
     * Runs one tick, then arms the next. Nothing escapes the tick: the container would run a failed timeout again,
     * and that run would arm a second chain.
     */
    public static void run(Runnable tick, TimerService timers, long millis, String name) {
        try {
            tick.run();
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "The " + name + " tick failed; the next one goes on", e);
        } finally {
            next(timers, millis, name);
        }
    }

    /** Arms the next tick in {@code millis}; a stopping application arms none. */
    public static void next(TimerService timers, long millis, String name) {
        try {
            timers.createSingleActionTimer(millis, new TimerConfig(name, false));
        } catch (IllegalStateException | EJBException e) {
            // the application is stopping, or the timer service failed: either way, no more ticks until a restart
            LOG.info(() -> "No next " + name + " tick (is the application stopping?): " + e);
        }
    }
}
