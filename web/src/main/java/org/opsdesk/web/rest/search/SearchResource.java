package org.opsdesk.web.rest.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.opsdesk.application.SearchService;
import org.opsdesk.application.SearchService.IndexStatus;
import org.opsdesk.application.SearchService.Results;
import org.opsdesk.application.SearchService.Suggestion;
import org.opsdesk.web.rest.CallerProducer;

/** {@code GET /api/search?q=&type=&limit=&offset=&sort=}, suggestions as you type, and the index's status. */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    /** A hit: tickets carry {@code id} (the number), pages {@code path}. */
    public record HitDto(String type, Long id, String path, String title, String snippet, float score, String status,
            String queue, Instant updated) {
    }

    public record ResultsDto(long total, List<HitDto> hits, Map<String, Map<String, Long>> facets, Long jumpTo,
            String notice) {
    }

    @EJB
    SearchService search;

    @Inject
    CallerProducer caller;

    @GET
    public ResultsDto search(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("sort") String sort) {
        Results r = search.search(q, type, offset, limit, sort, caller.caller());
        return new ResultsDto(r.total(), r.hits().stream().map(h -> "ticket".equals(h.type())
                ? new HitDto(h.type(), Long.valueOf(h.id()), null, h.title(), h.snippet(), h.score(), h.status(),
                        h.queue(), h.updated())
                : new HitDto(h.type(), null, h.id(), h.title(), h.snippet(), h.score(), null, null, h.updated()))
                .toList(), r.facets(), r.jumpTo(), r.notice());
    }

    @GET
    @Path("/suggest")
    public List<Suggestion> suggest(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("8") int limit) {
        return search.suggest(q, limit, caller.caller());
    }

    @GET
    @Path("/status")
    public IndexStatus status() {
        return search.status(caller.caller());
    }

    @POST
    @Path("/rebuild")
    public IndexStatus rebuild() {
        return search.rebuild(caller.caller());
    }
}
