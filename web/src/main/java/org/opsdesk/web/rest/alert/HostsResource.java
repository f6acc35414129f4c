package org.opsdesk.web.rest.alert;

import java.nio.charset.StandardCharsets;

import java.net.URLEncoder;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.AlertService;
import org.opsdesk.application.AlertService.HostCommand;
import org.opsdesk.application.AlertService.HostSummary;
import org.opsdesk.application.AlertService.HostView;
import org.opsdesk.application.AlertService.NewHost;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.rest.CallerProducer;

/**
 * Hosts: listed and searched ({@code ?q=}), one host by any of its names with its open and past
 * tickets, alerts and timeline, and agents' edits of address, aliases, tags and notes.
 */
@Path("/hosts")
@Produces(MediaType.APPLICATION_JSON)
public class HostsResource {

    @EJB
    AlertService alerts;

    @Inject
    CallerProducer caller;

    @GET
    public List<HostSummary> list(@QueryParam("q") String query, @QueryParam("offset") int offset) {
        return alerts.hosts(query, offset, caller.caller());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewHost body) {
        if (body == null) {
            throw DomainException.invalid("body_required", "Send a JSON body (Content-Type: application/json).");
        }
        HostView h = alerts.createHost(body, caller.caller());
        return Response.created(URI.create("/api/hosts/" + URLEncoder.encode(h.name(), StandardCharsets.UTF_8)))
                .entity(h).build();
    }

    @GET
    @Path("/{name}")
    public HostView get(@PathParam("name") String name) {
        return alerts.host(name, caller.caller());
    }

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        alerts.deleteHost(name, caller.caller());
        return Response.noContent().build();
    }

    @PATCH
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HostView update(@PathParam("name") String name, HostCommand body) {
        if (body == null) {
            throw DomainException.invalid("body_required", "Send a JSON body (Content-Type: application/json).");
        }
        return alerts.updateHost(name, body, caller.caller());
    }
}
