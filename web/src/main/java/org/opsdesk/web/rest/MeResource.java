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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.AgentService;
import org.opsdesk.application.AgentService.AgentView;
import org.opsdesk.application.AgentService.NewToken;
import org.opsdesk.application.AgentService.TokenView;
import org.opsdesk.application.LostRaces;
import org.opsdesk.application.ViewService;
import org.opsdesk.application.ViewService.SavedViewView;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.security.OpsDeskAuthenticationMechanism;
import org.opsdesk.web.ui.queue.QueueFilter;

/** The calling agent, their personal API tokens and their saved views. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    @Context
    jakarta.servlet.http.HttpServletRequest request;

    public record TokenRequest(String name) {
    }

    /** {@code {"name","query","shared"}}: {@code query} the queue view's query string, {@code view=mine&tag=vpn}. */
    public record ViewRequest(String name, String query, Boolean shared) {
    }

    private static final int RETRIES = 3;

    @EJB
    ViewService views;

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
        if (Boolean.TRUE.equals(request.getAttribute(OpsDeskAuthenticationMechanism.VIA_TOKEN))) {
            // as a password change asks for the password: a leaked token must not make one that outlives its revocation
            throw DomainException.forbidden("password_required", "An API token cannot make tokens: log in with your"
                    + " password (HTTP Basic) or use My API tokens in the UI.");
        }
        NewToken t = agents.createToken(Bodies.required(body).name(), caller.caller());
        return Response.created(URI.create("/api/me/tokens/" + t.token().id())).entity(t).build();
    }

    @DELETE
    @Path("/tokens/{id}")
    public Response revoke(@PathParam("id") long id) {
        agents.revokeToken(id, caller.caller());
        return Response.noContent().build();
    }

    /** The caller's saved views and the ones other agents share, by name. */
    @GET
    @Path("/views")
    public List<SavedViewView> views() {
        return views.views(caller.caller());
    }

    /**
     * Saves a view under its name: 201 with a new one, 200 with the caller's view of that name saved again. The query
     * is kept as the queue view writes it (unknown parameters and the page dropped).
     */
    @POST
    @Path("/views")
    public Response saveView(ViewRequest body) {
        ViewRequest r = Bodies.required(body);
        String query = QueueFilter.parse(r.query()).queryString();
        boolean shared = Boolean.TRUE.equals(r.shared());
        ViewService.Saved saved = LostRaces.retried(RETRIES, () -> views.save(r.name(), query, shared,
                caller.caller()));
        return saved.created()
                ? Response.created(URI.create("/api/me/views/" + saved.view().id())).entity(saved.view()).build()
                : Response.ok(saved.view()).build();
    }

    @DELETE
    @Path("/views/{id}")
    public Response deleteView(@PathParam("id") long id) {
        // two deletes at once: the one that lost the race, made again, finds no view (404)
        LostRaces.retried(RETRIES, () -> {
            views.delete(id, caller.caller());
            return null;
        });
        return Response.noContent().build();
    }
}
