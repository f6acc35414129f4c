package org.opsdesk.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.DashboardService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.infrastructure.persistence.DashboardRepository;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.TicketRepository;

/** The dashboard's figures: read-only queries, one transaction per call. */
@Stateless
public class DashboardServiceBean implements DashboardService {

    static final int MAX_DAYS = 366;
    static final int MAX_OLDEST = 100;

    @Inject
    DashboardRepository figures;

    @Inject
    TicketRepository tickets;

    @Inject
    PersonRepository people;

    @Inject
    Clock clock;

    @Inject
    SidebarCounts sidebar;

    @Override
    public Overview overview(int days, int oldestUnowned, Caller caller) {
        Agents.require(people, caller);
        if (days < 1 || days > MAX_DAYS || oldestUnowned < 0 || oldestUnowned > MAX_OLDEST) {
            throw DomainException.invalid("invalid_range", "days is 1 to " + MAX_DAYS + ", oldestUnowned 0 to "
                    + MAX_OLDEST + ".");
        }
        List<Count> perStatus = new ArrayList<>();
        Map<String, Long> byStatus = new HashMap<>();
        figures.activePerStatus().forEach(r -> byStatus.put((String) r[0], (Long) r[1]));
        DashboardRepository.ACTIVE.forEach(s -> perStatus.add(new Count(s, byStatus.getOrDefault(s, 0L))));
        java.time.Instant now = clock.instant();
        var unowned = tickets.list(new TicketRepository.ListQuery(null, DashboardRepository.ACTIVE, List.of(), null, null, true,
                null, null, 0, Math.max(oldestUnowned, 1), "created")).tickets().stream().limit(oldestUnowned)
                .map(t -> Views.summary(t, now)).toList();
        // the escalated listing's rule (Ticket.isEscalated), by the next deadline: the longest past first
        TicketRepository.ListResult escalated = tickets.list(new TicketRepository.ListQuery(null,
                List.of("new", "open"), List.of(), null, null, false, null, null, 0, Math.max(oldestUnowned, 1),
                "sla", null, null, now, null));
        return new Overview(perQueue(), perStatus, perDay(days), unowned, escalated.tickets().stream()
                .limit(oldestUnowned).map(t -> Views.summary(t, now)).toList(), escalated.total());
    }

    @Override
    public List<Count> activePerQueue(Caller caller) {
        Agents.require(people, caller);
        return sidebar.get(this::perQueue);
    }

    private List<Count> perQueue() {
        return figures.activePerQueue().stream().map(r -> new Count((String) r[0], (Long) r[1])).toList();
    }

    /** Created and resolved per UTC day, {@code days} days up to today. */
    private List<DayCount> perDay(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        long[] created = bucket(figures.createdSince(since), first, days);
        long[] resolved = bucket(figures.resolvedSince(since), first, days);
        List<DayCount> result = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            result.add(new DayCount(first.plusDays(i), created[i], resolved[i]));
        }
        return result;
    }

    private static long[] bucket(List<Instant> times, LocalDate first, int days) {
        long[] counts = new long[days];
        for (Instant t : times) {
            long day = LocalDate.ofInstant(t, ZoneOffset.UTC).toEpochDay() - first.toEpochDay();
            if (day >= 0 && day < days) {
                counts[(int) day]++;
            }
        }
        return counts;
    }
}
