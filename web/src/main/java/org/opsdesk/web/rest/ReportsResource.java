package org.opsdesk.web.rest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.ReportService;
import org.opsdesk.application.ReportService.Days;
import org.opsdesk.application.ReportService.TimeEntryRow;
import org.opsdesk.application.ReportService.TimeReport;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.http.ContentDisposition;
import org.opsdesk.web.http.Csv;
import org.opsdesk.web.http.CsvExports;

/**
 * Reports for agents: time worked over a period of days ({@code from} and {@code to}, inclusive, as
 * {@code 2026-12-01}, in {@code zone}, UTC unless given; this month so far when neither day is given).
 */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @EJB
    ReportService reports;

    @Inject
    CallerProducer caller;

    @GET
    @Path("/time")
    public TimeReport time(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("zone") String zone) {
        Days days = days(from, to, zone);
        return reports.timeWorked(days.from(), days.to(), caller.caller());
    }

    @GET
    @Path("/time/entries")
    public List<TimeEntryRow> entries(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("zone") String zone) {
        Days days = days(from, to, zone);
        return reports.timeEntries(days.from(), days.to(), caller.caller());
    }

    /** The entries as a spreadsheet: worked at (UTC), ticket, subject, queue, agent, minutes, note. */
    @GET
    @Path("/time/entries.csv")
    @Produces("text/csv")
    public Response entriesCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("zone") String zone) {
        Days days = days(from, to, zone);
        Csv csv = CsvExports.timeEntries(reports.timeEntries(days.from(), days.to(), caller.caller()));
        return Response.ok(csv.toString(), CsvExports.CONTENT_TYPE)
                .header("Content-Disposition", ContentDisposition.attachment(CsvExports.timeEntriesFile(days)))
                .build();
    }

    private static Days days(String from, String to, String zoneName) {
        return Days.parse(from, to, zone(zoneName), java.time.Instant.now());
    }

    private static ZoneId zone(String name) {
        if (blank(name)) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw DomainException.invalid("invalid_zone", "\"zone\" is a time zone such as Europe/Berlin or UTC.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
