package org.opsdesk.web.rest;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.Page;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.TicketViews.TicketSummary;
import org.opsdesk.web.http.ContentDisposition;
import org.opsdesk.web.http.CsvExports;

/**
 * A ticket listing as a spreadsheet (RT's "Spreadsheet" of a search): {@code GET /api/tickets.csv} with the filters
 * and sort of {@code GET /api/tickets}, up to 10,000 rows a call ({@code offset} pages on); {@code X-Total-Count}
 * says how many tickets the filter matches.
 */
@Path("/tickets.csv")
public class TicketExportResource {

    @EJB
    TicketService tickets;

    @Inject
    CallerProducer caller;

    @GET
    @Produces("text/csv")
    public Response export(@QueryParam("queue") String queue, @QueryParam("status") List<String> status,
            @QueryParam("priority") List<String> priority,
            @QueryParam("owner") String owner, @QueryParam("requester") String requester,
            @QueryParam("unowned") @DefaultValue("false") String unowned,
            @QueryParam("overdue") @DefaultValue("false") String overdue, @QueryParam("q") String text,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("0") int limit,
            @QueryParam("sort") String sort, @QueryParam("tag") String tag) {
        Page<TicketSummary> page = tickets.export(TicketsResource.query(queue, status, priority, owner, requester,
                unowned, overdue, text, offset, limit, sort, tag), caller.caller());
        return Response.ok(CsvExports.tickets(page.items()).toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", ContentDisposition.attachment("tickets.csv"))
                .header("X-Total-Count", page.total())
                .build();
    }
}
