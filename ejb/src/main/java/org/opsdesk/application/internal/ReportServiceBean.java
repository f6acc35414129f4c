package org.opsdesk.application.internal;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.ReportService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.TimeRepository;

/** Reports: read-only queries, one transaction per call; any agent may read them. */
@Stateless
public class ReportServiceBean implements ReportService {

    @Inject
    TimeRepository time;

    @Inject
    PersonRepository people;

    @Override
    public TimeReport timeWorked(Instant from, Instant to, Caller caller) {
        Agents.require(people, caller);
        requirePeriod(from, to);
        List<TimeTotal> byAgent = totals(time.byAgent(from, to));
        // every entry has an agent: the agents' sums add up to the period's total, without reading it again
        long total = byAgent.stream().mapToLong(TimeTotal::minutes).sum();
        return new TimeReport(from, to, total, byAgent, totals(time.byQueue(from, to)),
                time.byTicket(from, to, MAX_TICKETS).stream()
                        .map(r -> new TicketTime((Long) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue()))
                        .toList(),
                time.ticketCount(from, to));
    }

    @Override
    public List<TimeEntryRow> timeEntries(Instant from, Instant to, Caller caller) {
        Agents.require(people, caller);
        requirePeriod(from, to);
        long count = time.entryCount(from, to);
        if (count > MAX_ENTRIES) {
            throw DomainException.invalid("too_many_entries", "The period holds " + count + " time entries; a listing"
                    + " takes at most " + MAX_ENTRIES + ": choose a shorter period.");
        }
        return time.entries(from, to, MAX_ENTRIES).stream()
                .map(r -> new TimeEntryRow(Views.timeEntry(r), r.subject(), r.queue()))
                .toList();
    }

    private static List<TimeTotal> totals(List<Object[]> rows) {
        return rows.stream().map(r -> new TimeTotal((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    private static void requirePeriod(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw DomainException.invalid("invalid_period", "A report's period runs from a day to a later one: from"
                    + " is before to.");
        }
    }
}
