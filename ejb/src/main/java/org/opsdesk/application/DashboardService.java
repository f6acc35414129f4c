package org.opsdesk.application;

import java.time.LocalDate;
import java.util.List;

import org.opsdesk.application.TicketViews.TicketSummary;

/** Read-only figures for the agent UI: the dashboard, and the live counts of the navigation. */
public interface DashboardService {

    /** How many tickets have {@code key} (a queue name, a status code). */
    record Count(String key, long count) {
    }

    /** Tickets created and tickets resolved on one day (UTC). */
    record DayCount(LocalDate day, long created, long resolved) {
    }

    /**
     * The dashboard: active tickets (new, open, pending) per queue (every queue, zeros included) and per
     * status, created and resolved per day of the last {@code days} days (oldest first, today last), the
     * oldest active tickets that nobody owns, and the escalated tickets (past a deadline of their queue's service
     * level: the one longest past first, as many as the oldest unowned) with how many there are in all.
     */
    record Overview(List<Count> activePerQueue, List<Count> activePerStatus, List<DayCount> createdAndResolved,
            List<TicketSummary> oldestUnowned, List<TicketSummary> escalated, long escalatedTotal) {
    }

    Overview overview(int days, int oldestUnowned, Caller caller);

    /** Active tickets per queue, every queue listed, by name; for the navigation, so counted at most every 5 s. */
    List<Count> activePerQueue(Caller caller);
}
