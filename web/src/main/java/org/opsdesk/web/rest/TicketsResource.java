package org.opsdesk.web.rest;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.LostRaces;
import org.opsdesk.application.Page;
import org.opsdesk.application.TicketCommands.AddMessage;
import org.opsdesk.application.TicketCommands.ChangeTicket;
import org.opsdesk.application.TicketCommands.CreateTicket;
import org.opsdesk.application.TicketCommands.ForwardMessage;
import org.opsdesk.application.TicketCommands.TicketQuery;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.TicketViews.AttachmentData;
import org.opsdesk.application.TicketViews.HistoryView;
import org.opsdesk.application.TicketViews.TicketSummary;
import org.opsdesk.application.TicketViews.TicketView;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.http.ContentDisposition;
import org.opsdesk.web.http.SafeFiles;
import org.opsdesk.web.rest.dto.TicketRequests.AttachmentUpload;
import org.opsdesk.web.rest.dto.TicketRequests.CreateTicketRequest;
import org.opsdesk.web.rest.dto.TicketRequests.ForwardRequest;
import org.opsdesk.web.rest.dto.TicketRequests.LinkRequest;
import org.opsdesk.web.rest.dto.TicketRequests.MergeRequest;
import org.opsdesk.web.rest.dto.TicketRequests.MessageRequest;
import org.opsdesk.web.rest.dto.TicketRequests.OwnerRequest;
import org.opsdesk.web.rest.dto.TicketRequests.SplitRequest;
import org.opsdesk.web.rest.dto.TicketRequests.StatusRequest;
import org.opsdesk.web.rest.dto.TicketRequests.TagsRequest;
import org.opsdesk.web.rest.dto.TicketRequests.TimeRequest;
import org.opsdesk.web.rest.dto.TicketRequests.WatchRequest;

/** Tickets over JSON: each method one service call. */
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketsResource {

    @EJB
    TicketService tickets;

    @EJB
    org.opsdesk.application.MacroService macros;

    @Inject
    CallerProducer caller;

    @POST
    public Response create(CreateTicketRequest r) {
        Bodies.required(r);
        CreateTicket command = new CreateTicket(r.queue(), r.subject(), r.body(), r.requester(), r.cc(),
                r.priority(), AttachmentUpload.toCommands(r.attachments()));
        // a race lost over the same new attachment bytes is no conflict of the caller's: made again, it goes through
        TicketView t = LostRaces.retried(RETRIES, () -> tickets.create(command, caller.caller()));
        return Response.created(URI.create("/api/tickets/" + t.number())).entity(t).build();
    }

    @GET
    public Page<TicketSummary> list(@BeanParam ListingParams listing) {
        return tickets.list(listing.query(), caller.caller());
    }

    @GET
    @Path("/{number}")
    public TicketView get(@PathParam("number") long number) {
        return tickets.get(number, caller.caller());
    }

    @POST
    @Path("/{number}/replies")
    public Response reply(@PathParam("number") long number, @HeaderParam("If-Match") String ifMatch,
            MessageRequest r) {
        AddMessage m = message(r, ifMatch);
        return created(unlessVersioned(m, () -> tickets.reply(number, m, caller.caller())));
    }

    @POST
    @Path("/{number}/comments")
    public Response comment(@PathParam("number") long number, @HeaderParam("If-Match") String ifMatch,
            MessageRequest r) {
        AddMessage m = message(r, ifMatch);
        return created(unlessVersioned(m, () -> tickets.comment(number, m, caller.caller())));
    }

    @POST
    @Path("/{number}/status")
    public TicketView status(@PathParam("number") long number, @HeaderParam("If-Match") String ifMatch,
            StatusRequest r) {
        Bodies.required(r);
        Instant until = r.pendingUntil() == null || r.pendingUntil().isBlank() ? null
                : instant(Json.createValue(r.pendingUntil()), "pendingUntil");
        return tickets.changeStatus(number, Bodies.requiredText(r.status(), "status"), r.note(), until,
                version(r.version(), ifMatch), caller.caller());
    }

    /** Applies a macro: {@code {"macro": id}} (and the version seen, or If-Match) → the ticket as the macro left it. */
    @POST
    @Path("/{number}/macro")
    public TicketView macro(@PathParam("number") long number, @HeaderParam("If-Match") String ifMatch,
            org.opsdesk.web.rest.dto.TicketRequests.MacroRequest r) {
        Bodies.required(r);
        if (r.macro() == null) {
            throw DomainException.invalid("macro_required", "Name the macro: {\"macro\": its id}.");
        }
        return macros.apply(number, r.macro(), version(r.version(), ifMatch), caller.caller());
    }

    @POST
    @Path("/{number}/owner")
    public TicketView owner(@PathParam("number") long number, @HeaderParam("If-Match") String ifMatch,
            OwnerRequest r) {
        Bodies.required(r);
        return tickets.changeOwner(number, Bodies.requiredText(r.action(), "action"), r.agent(),
                version(r.version(), ifMatch), caller.caller());
    }

    @PATCH
    @Path("/{number}")
    public TicketView change(@PathParam("number") long number, @HeaderParam("If-Match") String ifMatch,
            JsonObject body) {
        Bodies.required(body);
        knownFieldsOnly(body);
        boolean clearDue = body.containsKey("due") && body.isNull("due");
        Instant due = body.containsKey("due") && !body.isNull("due") ? instant(body.get("due"), "due") : null;
        Long version = version(body.get("version"));
        return tickets.change(number, new ChangeTicket(text(body, "priority"), text(body, "queue"),
                text(body, "subject"), due, clearDue, texts(body, "requesters"), texts(body, "cc"), texts(body, "tags"),
                version(version, ifMatch)), caller.caller());
    }

    @GET
    @Path("/{number}/history")
    public List<HistoryView> history(@PathParam("number") long number) {
        return tickets.history(number, caller.caller());
    }

    @POST
    @Path("/{number}/links")
    public Response link(@PathParam("number") long number, LinkRequest r) {
        Bodies.required(r);
        return created(tickets.link(number, Bodies.requiredText(r.type(), "type"),
                Bodies.requiredNumber(r.target(), "target"), caller.caller()));
    }

    @DELETE
    @Path("/{number}/links")
    public TicketView unlink(@PathParam("number") long number, @QueryParam("type") String type,
            @QueryParam("target") Long target) {
        return tickets.unlink(number, Bodies.requiredText(type, "type"), Bodies.requiredNumber(target, "target"),
                caller.caller());
    }

    @POST
    @Path("/{number}/merge")
    public TicketView merge(@PathParam("number") long number, @HeaderParam("If-Match") String ifMatch,
            MergeRequest r) {
        Bodies.required(r);
        return tickets.merge(number, Bodies.requiredNumber(r.into(), "into"), version(r.version(), ifMatch),
                caller.caller());
    }

    @POST
    @Path("/{number}/forward")
    public TicketView forward(@PathParam("number") long number, ForwardRequest r) {
        Bodies.required(r);
        return tickets.forward(number, new ForwardMessage(r.message(), r.to(), r.cc(), r.note()), caller.caller());
    }

    /**
     * Adds and takes off tags, the others kept: {@code {"add": ["vpn"], "remove": ["triage"]}} → the ticket. Two at
     * once on one ticket: the one that lost the race is made again on the list the other left.
     */
    @POST
    @Path("/{number}/tags")
    public TicketView tags(@PathParam("number") long number, TagsRequest r) {
        Bodies.required(r);
        return LostRaces.retried(RETRIES, () -> tickets.tag(number, r.add(), r.remove(), caller.caller()));
    }

    /**
     * Splits a message off into a new ticket: {@code {"message": 12, "subject": "…", "queue": "…"}} → 201 with the new
     * ticket (Location: its address).
     */
    @POST
    @Path("/{number}/split")
    public Response split(@PathParam("number") long number, SplitRequest r) {
        Bodies.required(r);
        if (r.message() == null) {
            throw DomainException.invalid("message_required", "\"message\" is required: the id of the message to"
                    + " split off (GET /api/tickets/" + number + " lists them).");
        }
        TicketView t = tickets.split(number, r.message(), r.subject(), r.queue(), caller.caller());
        return Response.created(URI.create("/api/tickets/" + t.number())).entity(t).build();
    }

    /**
     * An agent watches the ticket from now on: {@code {"agent": "login"}} (none, or no body: the caller) → the ticket,
     * its {@code watchers} included. Two at once of the same agent: the one that lost the race finds them watching.
     */
    @POST
    @Path("/{number}/watchers")
    public TicketView watch(@PathParam("number") long number, WatchRequest r) {
        String agent = r == null ? null : r.agent();
        return LostRaces.retried(RETRIES, () -> tickets.watch(number, agent, caller.caller()));
    }

    /** {@code login} ({@code me}: the caller) no longer watches the ticket → the ticket. */
    @DELETE
    @Path("/{number}/watchers/{login}")
    public TicketView unwatch(@PathParam("number") long number, @PathParam("login") String login) {
        return LostRaces.retried(RETRIES, () -> tickets.unwatch(number, login, caller.caller()));
    }

    /** Logs time worked on the ticket: {@code {"minutes": 30, "note": "…"}} → 201 with the ticket. */
    @POST
    @Path("/{number}/time")
    public Response logTime(@PathParam("number") long number, TimeRequest r) {
        Bodies.required(r);
        if (r.minutes() == null) {
            throw DomainException.invalid("minutes_required", "\"minutes\" is required: the minutes worked, such as"
                    + " 30 (a negative number corrects an earlier entry).");
        }
        // logging time overwrites nothing: one that lost the race over the ticket's row is logged again on the fresh one
        return created(LostRaces.retried(RETRIES, () -> tickets.logTime(number, r.minutes(), r.note(),
                caller.caller())));
    }

    /** The time logged on the ticket, oldest first: {@code [{"id","ticket","agent","minutes","at","message","note"}]}. */
    @GET
    @Path("/{number}/time")
    public List<org.opsdesk.application.TicketViews.TimeEntryView> time(@PathParam("number") long number) {
        return tickets.timeEntries(number, caller.caller());
    }

    /** Every canned response filled in for this ticket: {@code [{"page","title","text"}]}. */
    @GET
    @Path("/{number}/responses")
    public List<org.opsdesk.application.TicketViews.CannedResponse> responses(@PathParam("number") long number) {
        return tickets.responses(number, caller.caller());
    }

    /** A canned response (a wiki page in {@code responses/}) filled in for this ticket: {@code {"page","text"}}. */
    @GET
    @Path("/{number}/response")
    public Map<String, String> response(@PathParam("number") long number, @QueryParam("page") String page) {
        if (page == null || page.isBlank()) {
            throw DomainException.invalid("page_required", "Name the response: ?page=responses/NAME (GET"
                    + " /api/wiki/pages?prefix=responses lists them).");
        }
        return Map.of("page", page, "text", tickets.response(number, page, caller.caller()));
    }

    @GET
    @Path("/{number}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("number") long number, @PathParam("id") long id) {
        return download(tickets.attachment(number, id, caller.caller()));
    }

    /** The mail a message was read from, as it arrived: always a download, never shown as a page of ours. */
    @GET
    @Path("/{number}/messages/{id}/original")
    @Produces(MediaType.WILDCARD)
    public Response originalMail(@PathParam("number") long number, @PathParam("id") long id) {
        return download(tickets.originalMail(number, id, caller.caller()));
    }

    /** A ticket's stored bytes: always a download, sandboxed, never a script or stylesheet of this site. */
    private static Response download(AttachmentData a) {
        return Response.ok(a.bytes(), SafeFiles.servedAs(a.contentType()))
                .header("Content-Disposition", ContentDisposition.attachment(a.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .build();
    }

    private static Response created(TicketView t) {
        return Response.status(Response.Status.CREATED).entity(t).build();
    }

    private static AddMessage message(MessageRequest r, String ifMatch) {
        Bodies.required(r);
        return new AddMessage(r.body(), r.html(), AttachmentUpload.toCommands(r.attachments()), r.status(),
                version(r.version(), ifMatch), r.timeWorked(), r.signature());
    }

    /** The expected version from the body, or else from {@code If-Match: "7"}. */
    private static Long version(Long fromBody, String ifMatch) {
        if (fromBody != null) {
            return fromBody;
        }
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("invalid_if_match", "If-Match must be a ticket version such as \"3\".");
        }
    }

    private static String text(JsonObject body, String field) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw DomainException.invalid("invalid_" + field, "\"" + field + "\" must be a string.");
    }

    /** How often a request that overwrites nothing is made again when it loses a race (the mail gateway's too). */
    private static final int RETRIES = 10;

    /**
     * A message without a version overwrites nothing: two replies to one ticket at once both belong on it, so the
     * one that lost the race over the ticket's row is added again on the fresh ticket rather than refused. With a
     * version the caller asked to be refused when the ticket changed.
     */
    private static TicketView unlessVersioned(AddMessage m, java.util.function.Supplier<TicketView> add) {
        return m.expectedVersion() == null ? LostRaces.retried(RETRIES, add) : add.get();
    }

    /** A list of strings, or null when the field is absent. */
    private static List<String> texts(JsonObject body, String field) {
        JsonValue v = body.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof jakarta.json.JsonArray a && a.stream().allMatch(JsonString.class::isInstance)) {
            return a.stream().map(e -> ((JsonString) e).getString()).toList();
        }
        throw DomainException.invalid("invalid_" + field, "\"" + field + "\" must be a list of "
                + ("tags".equals(field) ? "tags (strings)." : "e-mail addresses."));
    }

    /** What a PATCH may change; anything else is refused rather than ignored, so a typo never looks like success. */
    private static final Set<String> CHANGEABLE = Set.of("priority", "queue", "subject", "due", "requesters", "cc",
            "tags", "version");

    private static void knownFieldsOnly(JsonObject body) {
        for (String field : body.keySet()) {
            if (!CHANGEABLE.contains(field)) {
                String where = switch (field) {
                    case "status" -> " Change the status with POST /api/tickets/{number}/status.";
                    case "owner" -> " Change the owner with POST /api/tickets/{number}/owner.";
                    default -> "";
                };
                throw DomainException.invalid("unknown_field", "\"" + field + "\" cannot be changed here; a PATCH"
                        + " changes " + String.join(", ", new TreeSet<>(CHANGEABLE)) + "." + where);
            }
        }
    }

    /** The version the change was made on: a whole number, or absent (or null) for none. */
    private static Long version(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact(); // 2^64+1 is no version 1
            } catch (ArithmeticException outOfRange) {
                // refused below
            }
        }
        throw DomainException.invalid("invalid_version",
                "\"version\" is the ticket's version, a whole number such as 3.");
    }

    /** An ISO-8601 instant (its range is the ticket's rule: {@code Ticket.dueBy}). */
    private static Instant instant(JsonValue v, String field) {
        if (v instanceof JsonString s) {
            try {
                return Instant.parse(s.getString());
            } catch (DateTimeParseException e) {
                // fall through to the error
            }
        }
        throw DomainException.invalid("invalid_" + ("due".equals(field) ? "due" : "pending_until"), "\"" + field
                + "\" is an ISO-8601 instant such as 2026-12-01T17:00:00Z" + ("due".equals(field) ? ", or null to clear it."
                        : "."));
    }
}
