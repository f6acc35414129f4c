package org.opsdesk.web.rest;

import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.TriggerService;
import org.opsdesk.application.TriggerService.TriggerCommand;
import org.opsdesk.application.TriggerService.TriggerView;

/** Triggers: listed for every agent, kept by admins; run on new tickets and on customers' replies. */
@Path("/triggers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TriggersResource {

    @EJB
    TriggerService triggers;

    @Inject
    CallerProducer caller;

    @GET
    public List<TriggerView> list() {
        return triggers.list(caller.caller());
    }

    @POST
    public Response create(TriggerCommand body) {
        TriggerView t = triggers.create(Bodies.required(body), caller.caller());
        return Response.created(URI.create("/api/triggers/" + t.id())).entity(t).build();
    }

    /** The whole new definition: a condition left out matches any ticket, an action left out leaves that part alone. */
    @PUT
    @Path("/{id}")
    public TriggerView update(@PathParam("id") long id, TriggerCommand body) {
        return triggers.update(id, Bodies.required(body), caller.caller());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        triggers.delete(id, caller.caller());
        return Response.noContent().build();
    }
}
