package org.opsdesk.web.rest;

import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.OrganizationService;
import org.opsdesk.application.OrganizationService.OrganizationCommand;
import org.opsdesk.application.OrganizationService.OrganizationView;

/** Organizations: listed for every agent, kept by admins; their tickets are {@code GET /api/tickets?organization=}. */
@Path("/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    @EJB
    OrganizationService organizations;

    @Inject
    CallerProducer caller;

    @GET
    public List<OrganizationView> list() {
        return organizations.list(caller.caller());
    }

    @GET
    @Path("/{name}")
    public OrganizationView get(@PathParam("name") String name) {
        return organizations.get(name, caller.caller());
    }

    @POST
    public Response create(OrganizationCommand body) {
        OrganizationView o = organizations.create(Bodies.required(body), caller.caller());
        return Response.created(URI.create("/api/organizations/" + java.net.URLEncoder.encode(o.name(),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))).entity(o).build();
    }

    @PATCH
    @Path("/{name}")
    public OrganizationView update(@PathParam("name") String name, OrganizationCommand body) {
        return organizations.update(name, Bodies.required(body), caller.caller());
    }

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        organizations.delete(name, caller.caller());
        return Response.noContent().build();
    }
}
