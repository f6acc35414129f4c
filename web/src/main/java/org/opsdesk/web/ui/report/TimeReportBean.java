package org.opsdesk.web.ui.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.ReportService;
import org.opsdesk.application.ReportService.Days;
import org.opsdesk.application.ReportService.TimeReport;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.ViewerZone;

/**
 * The time worked report ({@code reports.xhtml?from=2026-12-01&to=2026-12-31}): days in the agent's zone, this month
 * so far unless chosen; a link to the same period's entries as a spreadsheet.
 */
@Named("timeReport")
@RequestScoped
public class TimeReportBean {

    @EJB
    ReportService reports;

    @Inject
    CurrentAgent me;

    @Inject
    ViewerZone zone;

    private String from;
    private String to;
    private Days days;
    private TimeReport report;

    /** The view action: reads the period (a wrong day is said, and this month shown instead). */
    public void load() {
        Days month = Days.thisMonth(Instant.now(), zone.get());
        if (blank(from) && blank(to)) {
            days = month;
        } else {
            try {
                days = new Days(blank(from) ? month.first() : LocalDate.parse(from.strip()),
                        blank(to) ? month.last() : LocalDate.parse(to.strip()), zone.get());
            } catch (DateTimeException e) {
                Messages.error("A day is written as 2026-12-01; showing this month instead.");
                days = month;
            } catch (RuntimeException e) {
                Messages.failure(e);
                days = month;
            }
        }
        from = days.first().toString();
        to = days.last().toString();
        report = reports.timeWorked(days.from(), days.to(), me.caller());
    }

    /** The entries of the period as CSV, from the API (the page's session signs the request in). */
    public String getCsvPath() {
        return "/api/reports/time/entries.csv?from=" + days.first() + "&to=" + days.last() + "&zone="
                + URLEncoder.encode(days.zone().getId(), StandardCharsets.UTF_8);
    }

    public TimeReport getReport() {
        return report;
    }

    public String getZone() {
        return days.zone().getId();
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
