package org.opsdesk.web.rest.wiki;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.opsdesk.application.WikiService;
import org.opsdesk.application.WikiService.TicketRunbooks;
import org.opsdesk.web.rest.CallerProducer;

/**
 * A ticket's runbooks: {@code pages} of this wiki (those its alerts' runbook URLs open, then those covering its
 * alerts or naming its hosts or the ticket) and {@code links}, its alerts' runbook URLs outside this wiki.
 */
@Path("/tickets/{number}/runbooks")
@Produces(MediaType.APPLICATION_JSON)
public class TicketRunbooksResource {

    @EJB
    WikiService wiki;

    @Inject
    CallerProducer caller;

    @GET
    public TicketRunbooks runbooks(@PathParam("number") long number) {
        return wiki.runbooksForTicket(number, caller.caller());
    }
}
