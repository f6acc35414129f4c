package org.opsdesk.web.rest.alert;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.opsdesk.application.AlertService;
import org.opsdesk.application.AlertService.TicketHosts;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.rest.CallerProducer;

/** The hosts a ticket is about: linked (by alerts or agents) and suggested from the names its text mentions. */
@Path("/tickets/{number}/hosts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketHostsResource {

    /** {@code POST} body. */
    public record LinkRequest(String host) {
    }

    @EJB
    AlertService alerts;

    @Inject
    CallerProducer caller;

    @GET
    public TicketHosts hosts(@PathParam("number") long number) {
        return alerts.ticketHosts(number, caller.caller());
    }

    @POST
    public TicketHosts link(@PathParam("number") long number, LinkRequest body) {
        if (body == null || body.host() == null || body.host().isBlank()) {
            throw DomainException.invalid("host_required", "Send {\"host\": \"db01.example.com\"}.");
        }
        return alerts.linkHost(number, body.host(), caller.caller());
    }

    @DELETE
    @Path("/{host}")
    public TicketHosts unlink(@PathParam("number") long number, @PathParam("host") String host) {
        return alerts.unlinkHost(number, host, caller.caller());
    }
}
