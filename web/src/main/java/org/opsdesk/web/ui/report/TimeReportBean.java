package org.opsdesk.web.ui.report;

import java.time.Instant;

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

    /** The view action: reads the period (a wrong one is said, and this month shown instead). */
    public void load() {
        try {
            days = Days.parse(from, to, zone.get(), Instant.now());
        } catch (RuntimeException e) {
            Messages.failure(e);
            days = Days.thisMonth(Instant.now(), zone.get());
        }
        from = days.first().toString();
        to = days.last().toString();
        report = reports.timeWorked(days.from(), days.to(), me.caller());
    }

    /** The entries of the period as CSV, downloaded under the page's session (days in the same zone). */
    public String getCsvPath() {
        return "/export/time-entries.csv?from=" + days.first() + "&to=" + days.last();
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

}
