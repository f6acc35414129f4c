package org.opsdesk.web.rest.alert;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.opsdesk.application.AlertService;
import org.opsdesk.application.AlertService.AlertView;
import org.opsdesk.web.rest.CallerProducer;

/** The alerts that opened or joined a ticket, the latest first, each with its repeat count and last-seen time. */
@Path("/tickets/{number}/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class TicketAlertsResource {

    @EJB
    AlertService alerts;

    @Inject
    CallerProducer caller;

    @GET
    public List<AlertView> alerts(@PathParam("number") long number) {
        return alerts.ticketAlerts(number, caller.caller());
    }
}
