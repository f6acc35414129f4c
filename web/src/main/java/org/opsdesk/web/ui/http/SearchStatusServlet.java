package org.opsdesk.web.ui.http;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import org.opsdesk.application.Caller;
import org.opsdesk.application.SearchService;
import org.opsdesk.application.SearchService.IndexStatus;

/**
 * {@code GET /search-status}: the search index's state as JSON, for the progress bar of the admin page (the session's
 * twin of {@code GET /api/search/status}, which takes no session cookie).
 */
@WebServlet("/search-status")
public class SearchStatusServlet extends SessionJsonServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    SearchService search;

    @Override
    protected JsonStructure answer(HttpServletRequest request, Caller caller) {
        IndexStatus s = search.status(caller);
        JsonObjectBuilder json = Json.createObjectBuilder().add("tickets", s.tickets()).add("pages", s.pages())
                .add("pending", s.pending()).add("rebuilding", s.rebuilding()).add("rebuildDone", s.rebuildDone())
                .add("rebuildTotal", s.rebuildTotal()).add("databaseTickets", s.databaseTickets())
                .add("databasePages", s.databasePages());
        if (s.rebuildError() != null) {
            json.add("rebuildError", s.rebuildError());
        }
        return json.build();
    }
}
