package org.opsdesk.web.ui.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.Caller;
import org.opsdesk.application.Page;
import org.opsdesk.application.ReportService;
import org.opsdesk.application.ReportService.Days;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.TicketViews.TicketSummary;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.http.Csv;
import org.opsdesk.web.http.CsvExports;
import org.opsdesk.web.security.Callers;
import org.opsdesk.web.ui.ViewerZone;
import org.opsdesk.web.ui.queue.QueueFilter;

/**
 * The agent UI's spreadsheets, under the page's session (the API takes a login or a token instead):
 * {@code /export/tickets.csv} with a queue view's parameters (every ticket of the view, in its sort, up to 10,000: the
 * file's name says when there were more) and
 * {@code /export/time-entries.csv?from=&to=} (the time report's days, in the agent's zone). The CSV is the API's, led
 * by a byte-order mark so that spreadsheet programs read its UTF-8 as such.
 */
@WebServlet("/export/*")
public class ExportServlet extends HttpServlet {

    @EJB
    TicketService tickets;

    @EJB
    ReportService reports;

    @Inject
    ViewerZone zone;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String what = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!what.equals("/tickets.csv") && !what.equals("/time-entries.csv")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Caller caller = Callers.orUnauthorized(request, response).orElse(null);
        if (caller == null) {
            return;
        }
        Csv csv;
        String fileName;
        try {
            if (what.equals("/tickets.csv")) {
                QueueFilter view = QueueFilter.from(request::getParameter);
                Page<TicketSummary> page = tickets.export(view.query(0, 0, view.sort()), caller);
                csv = CsvExports.tickets(page.items());
                // a browser shows no header: the file's name says when the view held more than one export takes
                fileName = page.total() > page.items().size()
                        ? "tickets-first-" + page.items().size() + "-of-" + page.total() + ".csv" : "tickets.csv";
                response.setHeader("X-Total-Count", String.valueOf(page.total()));
            } else {
                Days days = Days.parse(request.getParameter("from"), request.getParameter("to"), zone.get(),
                        Instant.now());
                csv = CsvExports.timeEntries(reports.timeEntries(days.from(), days.to(), caller));
                fileName = CsvExports.timeEntriesFile(days);
            }
        } catch (DomainException e) {
            response.setContentType("text/plain; charset=UTF-8");
            response.setStatus(e.kind() == DomainException.Kind.FORBIDDEN ? HttpServletResponse.SC_FORBIDDEN
                    : HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().write(e.getMessage());
            return;
        }
        Downloads.attachment(response, CsvExports.CONTENT_TYPE, fileName,
                ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }
}
