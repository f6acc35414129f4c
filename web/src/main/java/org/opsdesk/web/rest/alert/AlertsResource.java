package org.opsdesk.web.rest.alert;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.AlertNotification;
import org.opsdesk.application.AlertService;
import org.opsdesk.application.AlertService.AlertOutcome;
import org.opsdesk.application.AlertService.SourceCommand;
import org.opsdesk.application.AlertService.SourceView;
import org.opsdesk.application.Caller;
import org.opsdesk.application.LostRaces;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.rest.error.ErrorBody;
import org.opsdesk.web.security.Callers;

/**
 * Monitoring intake: Alertmanager's webhook, Nagios's form or JSON, the generic JSON; each answers 200
 * with what became of every alert once it is committed. Callers authenticate like the rest of the API,
 * or with the source's secret ({@code ?source=NAME&secret=…}) when the tool cannot send a header.
 * Admins manage the sources under {@code /alerts/sources}.
 */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    /** What the intake answers: how many alerts the request carried and what became of each. */
    public record IntakeAnswer(int received, List<AlertOutcome> alerts) {
    }

    /** How often a batch of notifications is received when it keeps losing races to concurrent ones. */
    private static final int INTAKE_ATTEMPTS = 10;

    @EJB
    AlertService alerts;

    @Inject
    org.opsdesk.web.rest.CallerProducer caller;

    @Context
    HttpServletRequest request;

    @POST
    @Path("/alertmanager")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecretBeforeBody
    public IntakeAnswer alertmanager(@QueryParam("source") @DefaultValue("alertmanager") String source,
            @QueryParam("secret") String secret, JsonObject body) {
        return intake(source, secret, AlertmanagerWebhook.parse(required(body), source));
    }

    @POST
    @Path("/nagios")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SecretBeforeBody
    public IntakeAnswer nagiosForm(@QueryParam("source") @DefaultValue("nagios") String source,
            @QueryParam("secret") String secret, MultivaluedMap<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((k, v) -> fields.put(k, v == null || v.isEmpty() ? "" : v.get(0)));
        }
        return intake(source, secret, List.of(NagiosWebhook.fromForm(fields, source)));
    }

    @POST
    @Path("/nagios")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecretBeforeBody
    public IntakeAnswer nagiosJson(@QueryParam("source") @DefaultValue("nagios") String source,
            @QueryParam("secret") String secret, JsonObject body) {
        return intake(source, secret, List.of(NagiosWebhook.fromJson(required(body), source)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecretBeforeBody
    public IntakeAnswer generic(@QueryParam("source") String source, @QueryParam("secret") String secret,
            JsonStructure body) {
        List<AlertNotification> ns = GenericAlert.parse(required(body), source);
        String s = source != null ? source : ns.get(0).source();
        if (s == null || ns.stream().anyMatch(n -> n.source() != null && !n.source().equalsIgnoreCase(s))) {
            throw DomainException.invalid("source_required", "Name one source: ?source=NAME or \"source\" in each alert.");
        }
        return intake(s, secret, ns);
    }

    private IntakeAnswer intake(String source, String secret, List<AlertNotification> notifications) {
        java.util.Optional<Caller> c = Callers.of(request);
        if (c.isEmpty() && secret == null) {
            throw new NotAuthorizedException("Basic realm=\"OpsDesk\"");
        }
        // every alert is checked before any is taken: a bad one in the tenth part must not leave nine taken
        notifications.forEach(AlertNotification::check);
        List<AlertOutcome> outcomes = new java.util.ArrayList<>(notifications.size());
        for (int from = 0; from < notifications.size(); from += AlertService.MAX_BATCH) {
            outcomes.addAll(receive(c, source, secret, notifications.subList(from,
                    Math.min(notifications.size(), from + AlertService.MAX_BATCH))));
        }
        return new IntakeAnswer(notifications.size(), outcomes);
    }

    /** One part of a request, in one transaction, received again on the fresh state after a lost race. */
    private List<AlertOutcome> receive(java.util.Optional<Caller> c, String source, String secret,
            List<AlertNotification> notifications) {
        for (int attempt = 1; ; attempt++) {
            try {
                return c.isPresent() ? alerts.receive(source, notifications, c.get())
                        : alerts.receiveWithSecret(source, secret, notifications);
            } catch (RuntimeException e) {
                if (!LostRaces.isLostRace(e)) {
                    throw e;
                }
                if (attempt == INTAKE_ATTEMPTS) {
                    // monitoring resends on 5xx (Alertmanager does not on 4xx): the notification is not dropped
                    throw new WebApplicationException(Response.fromResponse(ErrorBody.response(503, "busy",
                            "Other notifications of the same alerts kept changing them; send this one again."))
                            .header("Retry-After", "1").build());
                }
                LostRaces.pauseBeforeAttemptAfter(attempt); // the part was rolled back whole: again on the fresh state
            }
        }
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw DomainException.invalid("body_required", "Send a JSON body (Content-Type: application/json).");
        }
        return body;
    }

    // ------------------------------------------------------------------ sources (admins)

    @GET
    @Path("/sources")
    public List<SourceView> sources() {
        return alerts.sources(caller.caller());
    }

    @POST
    @Path("/sources")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createSource(SourceCommand body) {
        SourceView s = alerts.createSource(required(body), caller.caller());
        return Response.created(URI.create("/api/alerts/sources/" + s.name())).entity(s).build();
    }

    @PATCH
    @Path("/sources/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SourceView updateSource(@PathParam("name") String name, SourceCommand body) {
        return alerts.updateSource(name, required(body), caller.caller());
    }

    @DELETE
    @Path("/sources/{name}")
    public Response deleteSource(@PathParam("name") String name) {
        alerts.deleteSource(name, caller.caller());
        return Response.noContent().build();
    }
}
