package org.opsdesk.web.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.QueueService;
import org.opsdesk.application.QueueService.QueueCommand;
import org.opsdesk.application.QueueService.QueueView;

/** Queues: every agent reads them, admins create and change them. */
@Path("/queues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueuesResource {

    @EJB
    QueueService queues;

    @Inject
    CallerProducer caller;

    @GET
    public List<QueueView> list() {
        caller.caller();
        return queues.list();
    }

    @GET
    @Path("/{name}")
    public QueueView get(@PathParam("name") String name) {
        caller.caller();
        return queues.get(name);
    }

    @POST
    public Response create(QueueCommand body) {
        QueueView q = queues.create(Bodies.required(body), caller.caller());
        return Response.created(URI.create("/api/queues/" + URLEncoder.encode(q.name(), StandardCharsets.UTF_8)
                .replace("+", "%20"))).entity(q).build();
    }

    @PATCH
    @Path("/{name}")
    public QueueView update(@PathParam("name") String name, QueueCommand body) {
        return queues.update(name, Bodies.required(body), caller.caller());
    }
}
