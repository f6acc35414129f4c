package org.opsdesk.web.rest.wiki;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.opsdesk.application.WikiService;
import org.opsdesk.application.WikiService.AttachmentData;
import org.opsdesk.application.WikiService.AttachmentView;
import org.opsdesk.application.WikiService.BrokenLink;
import org.opsdesk.application.WikiService.DiffView;
import org.opsdesk.application.WikiService.ImportReport;
import org.opsdesk.application.WikiService.PageSummary;
import org.opsdesk.application.WikiService.PageView;
import org.opsdesk.application.WikiService.RevisionSummary;
import org.opsdesk.application.WikiService.RevisionView;
import org.opsdesk.application.WikiService.RunbookCoverage;
import org.opsdesk.application.WikiService.SaveCommand;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.http.ContentDisposition;
import org.opsdesk.web.http.SafeFiles;
import org.opsdesk.web.rest.CallerProducer;

/**
 * The runbook wiki. A page's path may hold slashes ({@code /api/wiki/pages/runbooks/disk-space-low}); the words
 * {@code revisions}, {@code diff}, {@code move}, {@code backlinks} and {@code attachments} after it address its
 * history, links and files.
 */
@Path("/wiki")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WikiResource {

    /** {@code POST .../move} body. */
    public record MoveRequest(String to) {
    }

    /** {@code POST .../restore} body. */
    public record RestoreRequest(Integer revision) {
    }

    /** {@code POST /api/wiki/preview} body and answer. */
    public record PreviewRequest(String path, String markdown) {
    }

    public record PreviewResponse(String html) {
    }

    @EJB
    WikiService wiki;

    @Inject
    CallerProducer caller;

    @GET
    @Path("/pages")
    public List<PageSummary> list(@QueryParam("prefix") String prefix,
            @QueryParam("limit") @DefaultValue("1000") int limit) {
        caller.caller();
        return wiki.list(prefix, limit);
    }

    @GET
    @Path("/pages/{path: .+}")
    public PageView get(@PathParam("path") String path) {
        caller.caller();
        return wiki.get(path);
    }

    @PUT
    @Path("/pages/{path: .+}")
    public Response save(@PathParam("path") String path, SaveCommand body) {
        if (body == null) {
            throw DomainException.invalid("body_required",
                    "Send {\"markdown\": ..., \"title\": ..., \"baseRevision\": n, \"comment\": ...} as JSON.");
        }
        PageView page = wiki.save(path, body, caller.caller());
        return page.revision() == 1 && body.baseRevision() == null
                ? Response.created(URI.create("/api/wiki/pages/" + page.path())).entity(page).build()
                : Response.ok(page).build();
    }

    @GET
    @Path("/pages/{path: .+}/revisions")
    public List<RevisionSummary> revisions(@PathParam("path") String path) {
        caller.caller();
        return wiki.revisions(path);
    }

    @GET
    @Path("/pages/{path: .+}/revisions/{n: [0-9]+}")
    public RevisionView revision(@PathParam("path") String path, @PathParam("n") int n) {
        caller.caller();
        return wiki.revision(path, n);
    }

    @GET
    @Path("/pages/{path: .+}/diff")
    public DiffView diff(@PathParam("path") String path, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to) {
        caller.caller();
        if (from == null || to == null) {
            throw DomainException.invalid("revisions_required", "Say which revisions to compare: ?from=1&to=2.");
        }
        return wiki.diff(path, from, to);
    }

    @POST
    @Path("/pages/{path: .+}/move")
    public PageView move(@PathParam("path") String path, MoveRequest body) {
        if (body == null || body.to() == null || body.to().isBlank()) {
            throw DomainException.invalid("target_required", "Send {\"to\": \"new/path\"}.");
        }
        return wiki.move(path, body.to(), caller.caller());
    }

    @POST
    @Path("/pages/{path: .+}/restore")
    public PageView restore(@PathParam("path") String path, RestoreRequest body) {
        if (body == null || body.revision() == null) {
            throw DomainException.invalid("revision_required", "Send {\"revision\": n}.");
        }
        return wiki.restore(path, body.revision(), caller.caller());
    }

    @GET
    @Path("/pages/{path: .+}/backlinks")
    public List<PageSummary> backlinks(@PathParam("path") String path) {
        caller.caller();
        return wiki.backlinks(path);
    }

    @GET
    @Path("/pages/{path: .+}/attachments")
    public List<AttachmentView> attachments(@PathParam("path") String path) {
        caller.caller();
        return wiki.attachments(path);
    }

    /**
     * A file, as the bytes of its own type. JSON named here too: with the wildcard alone, RESTEasy ranks an exact
     * media type before path specificity and saved a {@code .json} file sent as {@code application/json} as a page
     * named {@code .../attachments/x.json}.
     */
    @PUT
    @Path("/pages/{path: .+}/attachments/{file}")
    @Consumes({MediaType.WILDCARD, MediaType.APPLICATION_JSON})
    public AttachmentView attach(@PathParam("path") String path, @PathParam("file") String file,
            @jakarta.ws.rs.HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] bytes) {
        return wiki.attach(path, file, contentType == null ? null : contentType.split(";")[0].strip(), bytes,
                caller.caller());
    }

    /**
     * The file with its own content type. No wildcard {@code @Produces} here: with one, RESTEasy would prefer the
     * page's JSON method for {@code .../attachments/x.png} (media type before path specificity).
     */
    @GET
    @Path("/pages/{path: .+}/attachments/{file}")
    public Response attachment(@PathParam("path") String path, @PathParam("file") String file) {
        caller.caller();
        AttachmentData a = wiki.attachment(path, file);
        return SafeFiles.headers(Response.ok(a.bytes(), SafeFiles.servedAs(a.contentType())), a.fileName(),
                a.contentType()).build();
    }

    @POST
    @Path("/preview")
    public PreviewResponse preview(PreviewRequest body) {
        caller.caller();
        return new PreviewResponse(wiki.preview(body == null ? null : body.path(), body == null ? "" : body.markdown()));
    }

    @GET
    @Path("/broken-links")
    public List<BrokenLink> brokenLinks() {
        caller.caller();
        return wiki.brokenLinks();
    }

    @GET
    @Path("/runbook-coverage")
    public RunbookCoverage coverage() {
        caller.caller();
        return wiki.runbookCoverage();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    public ImportReport importArchive(@QueryParam("into") String into, InputStream body) {
        return wiki.importArchive(body, into, caller.caller());
    }

    @GET
    @Path("/export")
    @Produces("application/zip")
    public Response export(@QueryParam("prefix") String prefix) {
        caller.caller();
        StreamingOutput out = os -> wiki.export(prefix, os);
        return Response.ok(out, "application/zip")
                .header("Content-Disposition", ContentDisposition.attachment(WikiService.exportFileName(prefix)))
                .build();
    }
}
