package org.opsdesk.web.ui.http;

import java.io.IOException;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.Caller;
import org.opsdesk.application.SearchService;
import org.opsdesk.application.SearchService.Suggestion;
import org.opsdesk.web.security.Callers;

/** Suggestions for the search box as the agent types: {@code GET /search-suggest?q=} → JSON list. */
@WebServlet("/search-suggest")
public class SearchSuggestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    SearchService search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = Callers.orUnauthorized(request, response).orElse(null);
        if (caller == null) {
            return;
        }
        List<Suggestion> found = search.suggest(request.getParameter("q"), 8, caller);
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Suggestion s : found) {
            a.add(Json.createObjectBuilder().add("kind", s.kind()).add("id", s.id()).add("label", s.label()));
        }
        ScriptResponses.json(response, a.build());
    }
}
