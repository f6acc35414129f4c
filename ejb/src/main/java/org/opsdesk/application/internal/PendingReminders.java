package org.opsdesk.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.opsdesk.application.LostRaces;
import org.opsdesk.application.Ticks;
import org.opsdesk.infrastructure.config.Settings;

/**
 * Opens pending tickets whose reminder time has come ({@code Ticket.pendUntil}), each in a transaction of its own,
 * every {@code OPSDESK_PENDING_CHECK_SECONDS} (60 by default); the owner is told by mail.
 */
@Singleton
@Startup
@DependsOn("Startup") // after the schema is migrated
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PendingReminders {

    private static final Logger LOG = Logger.getLogger(PendingReminders.class.getName());
    private static final String TICK_NAME = "opsdesk-pending-reminders";
    /** Tickets opened per round at most; the rest wait for the next. */
    static final int BATCH = 200;

    @Resource
    TimerService timers;

    @EJB
    PendingReminderStep step;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private long millis;

    @PostConstruct
    void schedule() {
        millis = 1000L * settings.value("pending.check.seconds").map(String::strip).map(Long::parseLong)
                .filter(s -> s > 0).orElse(60L);
        Ticks.next(timers, millis, TICK_NAME);
    }

    @Timeout
    void onTimer() {
        Ticks.run(this::tick, timers, millis, TICK_NAME);
    }

    private void tick() {
        Instant now = clock.instant();
        List<Long> due = step.due(now, BATCH);
        for (long number : due) {
            try {
                step.remind(number, now);
            } catch (RuntimeException e) {
                if (LostRaces.isLostRace(e)) {
                    // an agent changed the ticket at the same moment: the next round looks again
                    LOG.fine(() -> "Pending reminder of #" + number + " lost a race; the next round looks again");
                } else {
                    // one ticket that fails holds up none of the others (it comes first in every round)
                    LOG.log(java.util.logging.Level.WARNING, "Pending reminder of #" + number + " failed", e);
                }
            }
        }
    }
}
