package org.opsdesk.application;

import java.time.Instant;
import java.util.List;

import org.opsdesk.application.TicketViews.TimeEntryView;

/** Reports over the tickets' records, read-only: time worked (RT's time worked report, Zammad's time accounting). */
public interface ReportService {

    /** Minutes worked by one agent, or in one queue. */
    record TimeTotal(String name, long minutes) {
    }

    /** Minutes worked on one ticket (the ticket they were logged on, merged or not). */
    record TicketTime(long number, String subject, String queue, long minutes) {
    }

    /**
     * Time worked from {@code from} (inclusive) to {@code to} (exclusive): the total, by agent and by queue (most first),
     * and by ticket (most first, at most {@code ticketLimit}; {@code ticketsTotal} says how many there were).
     */
    record TimeReport(Instant from, Instant to, long totalMinutes, List<TimeTotal> byAgent, List<TimeTotal> byQueue,
            List<TicketTime> byTicket, long ticketsTotal) {
    }

    /**
     * A report's days, {@code first} to {@code last} inclusive, in {@code zone} (an agent's day, not UTC's): the
     * instants it runs from (inclusive) and to (exclusive).
     */
    record Days(java.time.LocalDate first, java.time.LocalDate last, java.time.ZoneId zone) {

        /** The earliest and latest days a report may name (as a ticket's due date's range). */
        static final java.time.LocalDate EARLIEST = java.time.LocalDate.of(1970, 1, 1);
        static final java.time.LocalDate LATEST = java.time.LocalDate.of(9999, 12, 30);

        public Days {
            if (first == null || last == null || zone == null) {
                throw new IllegalArgumentException("first, last and zone are required");
            }
            if (first.isBefore(EARLIEST) || last.isAfter(LATEST)) {
                throw org.opsdesk.domain.DomainException.invalid("invalid_period", "A report's days lie between"
                        + " 1970-01-01 and 9999-12-30.");
            }
            if (last.isBefore(first)) {
                throw org.opsdesk.domain.DomainException.invalid("invalid_period", "The period's last day (" + last
                        + ") comes before its first (" + first + ").");
            }
        }

        /**
         * The days a request names ({@code 2026-12-01}, inclusive; 400 {@code invalid_period} otherwise), or this month
         * so far when it names neither.
         */
        public static Days parse(String from, String to, java.time.ZoneId zone, Instant now) {
            boolean noFrom = from == null || from.isBlank();
            boolean noTo = to == null || to.isBlank();
            if (noFrom && noTo) {
                return thisMonth(now, zone);
            }
            if (noFrom || noTo) {
                throw org.opsdesk.domain.DomainException.invalid("invalid_period", "Give both \"from\" and \"to\""
                        + " (days such as 2026-12-01, inclusive), or neither for this month so far.");
            }
            return new Days(day(from, "from"), day(to, "to"), zone);
        }

        private static java.time.LocalDate day(String value, String name) {
            try {
                return java.time.LocalDate.parse(value.strip());
            } catch (java.time.DateTimeException e) {
                throw org.opsdesk.domain.DomainException.invalid("invalid_period", "\"" + name + "\" is a day such as"
                        + " 2026-12-01.");
            }
        }

        /** This month up to today, in {@code zone}. */
        public static Days thisMonth(Instant now, java.time.ZoneId zone) {
            java.time.LocalDate today = now.atZone(zone).toLocalDate();
            return new Days(today.withDayOfMonth(1), today, zone);
        }

        public Instant from() {
            return first.atStartOfDay(zone).toInstant();
        }

        public Instant to() {
            return last.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    /** At most this many tickets in a report's by-ticket list, and entries in one listing. */
    int MAX_TICKETS = 500;
    int MAX_ENTRIES = 100_000;

    TimeReport timeWorked(Instant from, Instant to, Caller caller);

    /**
     * Every time entry from {@code from} to {@code to}, oldest first, at most {@link #MAX_ENTRIES} (400
     * {@code too_many_entries} beyond: narrow the period), with each ticket's subject and queue, for a spreadsheet.
     */
    List<TimeEntryRow> timeEntries(Instant from, Instant to, Caller caller);

    /** A time entry with what a spreadsheet of them shows of its ticket (the one it was logged on). */
    record TimeEntryRow(long id, long ticket, String subject, String queue, String agent, int minutes, Instant at,
            Long message, String note) {

        public TimeEntryRow(TimeEntryView e, String subject, String queue) {
            this(e.id(), e.ticket(), subject, queue, e.agent(), e.minutes(), e.at(), e.message(), e.note());
        }
    }
}
