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

import org.opsdesk.application.MacroService;
import org.opsdesk.application.MacroService.MacroCommand;
import org.opsdesk.application.MacroService.MacroView;

/** Macros: listed for every agent, kept by admins; applied with {@code POST /api/tickets/{n}/macro}. */
@Path("/macros")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MacrosResource {

    @EJB
    MacroService macros;

    @Inject
    CallerProducer caller;

    @GET
    public List<MacroView> list() {
        return macros.list(caller.caller());
    }

    @POST
    public Response create(MacroCommand body) {
        MacroView m = macros.create(Bodies.required(body), caller.caller());
        return Response.created(URI.create("/api/macros/" + m.id())).entity(m).build();
    }

    /** The whole new definition: a part left out leaves that part of a ticket alone from now on. */
    @PUT
    @Path("/{id}")
    public MacroView update(@PathParam("id") long id, MacroCommand body) {
        return macros.update(id, Bodies.required(body), caller.caller());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        macros.delete(id, caller.caller());
        return Response.noContent().build();
    }
}
