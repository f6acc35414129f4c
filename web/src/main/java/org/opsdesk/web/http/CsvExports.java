package org.opsdesk.web.http;

import java.util.Arrays;
import java.util.List;

import org.opsdesk.application.ReportService;
import org.opsdesk.application.ReportService.TimeEntryRow;
import org.opsdesk.application.TicketViews.TicketSummary;

/** The spreadsheets OpsDesk gives out, one layout each for the API and the agent UI's downloads. */
public final class CsvExports {

    /** How every spreadsheet goes out. */
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private CsvExports() {
    }

    /** The file name of a period's time entries. */
    public static String timeEntriesFile(ReportService.Days days) {
        return "time-worked-" + days.first() + "-to-" + days.last() + ".csv";
    }

    /** A ticket listing: a row a ticket, times in UTC (ISO-8601). */
    public static Csv tickets(List<TicketSummary> tickets) {
        Csv csv = new Csv().row(List.of("number", "subject", "queue", "status", "priority", "owner", "requesters",
                "created", "updated", "due", "overdue", "time_worked_minutes"));
        for (TicketSummary t : tickets) {
            csv.row(Arrays.asList(t.number(), t.subject(), t.queue(), t.status(), t.priority(), t.owner(),
                    String.join(" ", t.requesters()), t.createdAt().toString(), t.updatedAt().toString(),
                    t.due() == null ? null : t.due().toString(), t.overdue() ? "yes" : "", t.timeWorked()));
        }
        return csv;
    }

    /** Time entries: a row an entry, the ticket it was logged on, its time in UTC (ISO-8601). */
    public static Csv timeEntries(List<TimeEntryRow> entries) {
        Csv csv = new Csv().row(List.of("worked_at", "ticket", "subject", "queue", "agent", "minutes", "note"));
        for (TimeEntryRow r : entries) {
            csv.row(Arrays.asList(r.at().toString(), r.ticket(), r.subject(), r.queue(), r.agent(), r.minutes(),
                    r.note()));
        }
        return csv;
    }
}
