package org.opsdesk.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.logging.Level;
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
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.opsdesk.application.LostRaces;
import org.opsdesk.application.Ticks;
import org.opsdesk.infrastructure.config.Settings;

/**
 * What happens to tickets when their time comes, each ticket in a transaction of its own: pending tickets whose
 * reminder time has come open again ({@code Ticket.remindIfDue}, every {@code OPSDESK_PENDING_CHECK_SECONDS}), and
 * tickets past a deadline of their queue's service level are escalated ({@code Ticket.escalateIfDue}), and those past
 * its warning warned ({@code Ticket.warnIfDue}), every {@code OPSDESK_SLA_CHECK_SECONDS}; both 60 seconds by default,
 * all told by mail.
 */
@Singleton
@Startup
@DependsOn("Startup") // after the schema is migrated
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TicketClocks {

    private static final Logger LOG = Logger.getLogger(TicketClocks.class.getName());
    private static final String REMINDERS = "opsdesk-pending-reminders";
    private static final String ESCALATIONS = "opsdesk-escalations";
    /** Tickets handled per round at most; the rest wait for the next. */
    static final int BATCH = 200;

    @Resource
    TimerService timers;

    @EJB
    TicketClockSteps steps;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private long reminderMillis;
    private long escalationMillis;

    @PostConstruct
    void schedule() {
        reminderMillis = seconds("pending.check.seconds");
        escalationMillis = seconds("sla.check.seconds");
        Ticks.next(timers, reminderMillis, REMINDERS);
        Ticks.next(timers, escalationMillis, ESCALATIONS);
    }

    private long seconds(String key) {
        return 1000L * settings.value(key).map(String::strip).map(Long::parseLong).filter(s -> s > 0).orElse(60L);
    }

    @Timeout
    void onTimer(Timer timer) {
        if (ESCALATIONS.equals(timer.getInfo())) {
            Ticks.run(() -> each(steps::escalationsDue, steps::escalate, "Escalation"), timers, escalationMillis,
                    ESCALATIONS);
        } else {
            Ticks.run(() -> each(steps::remindersDue, steps::remind, "Pending reminder"), timers, reminderMillis,
                    REMINDERS);
        }
    }

    private void each(BiFunction<Instant, Integer, List<Long>> due, Step step, String what) {
        Instant now = clock.instant();
        for (long number : due.apply(now, BATCH)) {
            try {
                step.run(number, now);
            } catch (RuntimeException e) {
                if (LostRaces.isLostRace(e)) {
                    // an agent changed the ticket at the same moment: the next round looks again
                    LOG.fine(() -> what + " of #" + number + " lost a race; the next round looks again");
                } else {
                    // one ticket that fails holds up none of the others (it comes first in every round)
                    LOG.log(Level.WARNING, what + " of #" + number + " failed", e);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(long number, Instant now);
    }
}
