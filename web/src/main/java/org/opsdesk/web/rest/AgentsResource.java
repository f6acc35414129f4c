package org.opsdesk.web.rest;

import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.AgentService;
import org.opsdesk.application.AgentService.AgentView;
import org.opsdesk.application.AgentService.CreateAgent;

/** Agents: listed by every agent; created, disabled and reset by admins; an agent changes their own password. */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentsResource {

    public record PasswordRequest(String password, String currentPassword) {
    }

    public record ActiveRequest(Boolean active) {
    }

    public record AdminRequest(Boolean admin) {
    }

    @EJB
    AgentService agents;

    @Inject
    CallerProducer caller;

    @GET
    public List<AgentView> list() {
        return agents.list(caller.caller());
    }

    @GET
    @Path("/{login}")
    public AgentView get(@PathParam("login") String login) {
        return agents.get(login, caller.caller());
    }

    @POST
    public Response create(CreateAgent body) {
        AgentView a = agents.create(Bodies.required(body), caller.caller());
        return Response.created(URI.create("/api/agents/" + a.login())).entity(a).build();
    }

    @POST
    @Path("/{login}/password")
    public Response password(@PathParam("login") String login, PasswordRequest body) {
        PasswordRequest r = Bodies.required(body);
        agents.changePassword(login, r.password(), r.currentPassword(), caller.caller());
        return Response.noContent().build();
    }

    @POST
    @Path("/{login}/admin")
    public AgentView admin(@PathParam("login") String login, AdminRequest body) {
        return agents.setAdmin(login, Bodies.required(body).admin(), caller.caller());
    }

    @POST
    @Path("/{login}/active")
    public AgentView active(@PathParam("login") String login, ActiveRequest body) {
        // no body is refused by the service like a missing field, after its admin check (403 first)
        return agents.setActive(login, body == null ? null : body.active(), caller.caller());
    }
}
