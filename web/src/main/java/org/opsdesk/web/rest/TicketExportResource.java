package org.opsdesk.web.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
    public Response export(@BeanParam ListingParams listing) {
        Page<TicketSummary> page = tickets.export(listing.query(), caller.caller());
        return Response.ok(CsvExports.tickets(page.items()).toString(), CsvExports.CONTENT_TYPE)
                .header("Content-Disposition", ContentDisposition.attachment("tickets.csv"))
                .header("X-Total-Count", page.total())
                .build();
    }
}
