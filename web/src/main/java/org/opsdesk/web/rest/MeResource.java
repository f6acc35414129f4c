package org.opsdesk.web.rest;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.AgentService;
import org.opsdesk.application.AgentService.AgentView;
import org.opsdesk.application.AgentService.NewToken;
import org.opsdesk.application.AgentService.TokenView;

/** The calling agent and their personal API tokens. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    public record TokenRequest(String name) {
    }

    @EJB
    AgentService agents;

    @Inject
    CallerProducer caller;

    @GET
    public AgentView me() {
        var c = caller.caller();
        return agents.get(c.login(), c);
    }

    @GET
    @Path("/tokens")
    public List<TokenView> tokens() {
        return agents.tokens(caller.caller());
    }

    /** Creates a token; the answer carries its secret, shown only this once. */
    @POST
    @Path("/tokens")
    public Response createToken(TokenRequest body) {
        NewToken t = agents.createToken(Bodies.required(body).name(), caller.caller());
        return Response.created(URI.create("/api/me/tokens/" + t.token().id())).entity(t).build();
    }

    @DELETE
    @Path("/tokens/{id}")
    public Response revoke(@PathParam("id") long id) {
        agents.revokeToken(id, caller.caller());
        return Response.noContent().build();
    }
}
