package org.opsdesk.web.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opsdesk.application.Page;
import org.opsdesk.application.mail.BlockedSenderService;
import org.opsdesk.application.mail.BlockedSenderService.BlockedSenderView;
import org.opsdesk.application.LostRaces;
import org.opsdesk.application.mail.InboundMailService;
import org.opsdesk.application.mail.InboundMailService.StoredMail;
import org.opsdesk.application.mail.MailGateway;
import org.opsdesk.application.mail.MailOutcome;
import org.opsdesk.application.mail.MailboxService;
import org.opsdesk.application.mail.MailboxService.MailboxCommand;
import org.opsdesk.application.mail.MailboxService.MailboxView;
import org.opsdesk.application.mail.OutboxService;
import org.opsdesk.application.mail.OutboxService.OutboxEntry;
import org.opsdesk.domain.DomainException;

/** Mail over HTTP: the MTA pipe's intake, the quarantine, mailboxes to poll, the outbox. */
@Path("/mail")
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

    @EJB
    MailGateway gateway;

    @EJB
    InboundMailService inbound;

    @EJB
    MailboxService mailboxes;

    @EJB
    OutboxService outbox;

    @EJB
    BlockedSenderService blocked;

    @Inject
    CallerProducer caller;

    /**
     * One RFC 822 message, raw. Answers 200 with the committed outcome: created, appended, duplicate,
     * ignored or quarantined (the raw mail is kept in every case).
     */
    @POST
    @Path("/inbound")
    @Consumes({"message/rfc822", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    public MailOutcome inbound(@QueryParam("queue") String queue,
            @QueryParam("action") @DefaultValue("correspond") String action,
            @QueryParam("alertSource") String alertSource, InputStream body) throws IOException {
        // the account that handed the mail in is kept with it (the pipe takes any agent's credentials, and a mail's
        // From line is the sender's word only): the stored mail says "pipe:login"
        String by = caller.caller().login();
        // read here, not by the byte[] entity provider: that one grows a buffer by doubling and copies it
        // once more at the end, which was half the server's CPU time for the corpus' larger mails. The size is the
        // server's request limit alone (OPSDESK_MAX_REQUEST_BYTES, enforced by the server before this runs): a mail
        // the server takes in is stored, whatever its size; the attachment limit applies to the files it carries
        byte[] raw = body == null ? null : body.readAllBytes();
        if (raw == null || raw.length == 0) {
            throw DomainException.invalid("empty_mail", "Send one RFC 822 message as the request body.");
        }
        if (!"correspond".equals(action) && !"comment".equals(action)) {
            throw DomainException.invalid("invalid_action", "action is correspond or comment.");
        }
        return gateway.ingest(raw, "pipe:" + by, queue, action, alertSource);
    }

    /** Stored inbound mail counted by state and disposition: nothing is in flight when "received" is absent. */
    @GET
    @Path("/stats")
    public java.util.Map<String, Long> stats() {
        return inbound.stats(caller.caller());
    }

    @GET
    @Path("/quarantine")
    public Page<StoredMail> quarantine(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return inbound.quarantined(offset, limit, caller.caller());
    }

    /** The stored raw message, for a look at what could not be processed. */
    @GET
    @Path("/quarantine/{id}/raw")
    @Produces("message/rfc822")
    public Response raw(@PathParam("id") long id) {
        inbound.checkReprocessable(id, caller.caller());
        return Response.ok(inbound.raw(id).raw()).header("Content-Disposition", "attachment; filename=\"mail-" + id
                + ".eml\"").header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("/quarantine/{id}/reprocess")
    public MailOutcome reprocess(@PathParam("id") long id) {
        inbound.checkReprocessable(id, caller.caller());
        return gateway.reprocess(id);
    }

    /** Mail kept and ignored (blocked senders, loops, auto-replies to no ticket), newest first, with why. */
    @GET
    @Path("/ignored")
    public Page<StoredMail> ignored(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return inbound.ignored(offset, limit, caller.caller());
    }

    /** An ignored mail as it came (admins). */
    @GET
    @Path("/ignored/{id}/raw")
    @Produces("message/rfc822")
    public Response ignoredRaw(@PathParam("id") long id) {
        return Response.ok(inbound.ignoredRaw(id, caller.caller())).header("Content-Disposition",
                "attachment; filename=\"mail-" + id + ".eml\"").header("X-Content-Type-Options", "nosniff").build();
    }

    /** Senders whose mail is stored and ignored: {@code [{"id","pattern","note","createdAt","createdBy"}]}. */
    @GET
    @Path("/blocked")
    public List<BlockedSenderView> blocked() {
        return blocked.list(caller.caller());
    }

    /** {@code {"pattern":"spam@example.com" or "@example.com","note"}} → 201. */
    @POST
    @Path("/blocked")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response block(BlockRequest r) {
        // no body is no pattern: the service answers who may block before what is missing
        var view = LostRaces.retried(3, () -> blocked.block(r == null ? null : r.pattern(),
                r == null ? null : r.note(), caller.caller()));
        return Response.created(URI.create("/api/mail/blocked/" + view.id())).entity(view).build();
    }

    /** A rule to block mail by its sender. */
    public record BlockRequest(String pattern, String note) {
    }

    @DELETE
    @Path("/blocked/{id}")
    public Response unblock(@PathParam("id") long id) {
        blocked.unblock(id, caller.caller());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/quarantine/{id}")
    public Response delete(@PathParam("id") long id) {
        inbound.delete(id, caller.caller());
        return Response.noContent().build();
    }

    @GET
    @Path("/mailboxes")
    public List<MailboxView> mailboxes() {
        return mailboxes.list(caller.caller());
    }

    @POST
    @Path("/mailboxes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createMailbox(MailboxCommand body) {
        MailboxView m = mailboxes.create(Bodies.required(body), caller.caller());
        return Response.created(URI.create("/api/mail/mailboxes/" + m.name())).entity(m).build();
    }

    @PATCH
    @Path("/mailboxes/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MailboxView updateMailbox(@PathParam("name") String name, MailboxCommand body) {
        return mailboxes.update(name, Bodies.required(body), caller.caller());
    }

    @DELETE
    @Path("/mailboxes/{name}")
    public Response deleteMailbox(@PathParam("name") String name) {
        mailboxes.delete(name, caller.caller());
        return Response.noContent().build();
    }

    @GET
    @Path("/outbox")
    public Page<OutboxEntry> outbox(@QueryParam("state") String state, @QueryParam("ticket") Long ticket,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return outbox.list(state, ticket, offset, limit, caller.caller());
    }
}
