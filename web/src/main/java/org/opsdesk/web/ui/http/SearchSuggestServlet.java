package org.opsdesk.web.ui.http;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonStructure;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import org.opsdesk.application.Caller;
import org.opsdesk.application.SearchService;
import org.opsdesk.application.SearchService.Suggestion;

/** Suggestions for the search box as the agent types: {@code GET /search-suggest?q=} → JSON list. */
@WebServlet("/search-suggest")
public class SearchSuggestServlet extends SessionJsonServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    SearchService search;

    @Override
    protected JsonStructure answer(HttpServletRequest request, Caller caller) {
        List<Suggestion> found = search.suggest(request.getParameter("q"), 8, caller);
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Suggestion s : found) {
            a.add(Json.createObjectBuilder().add("kind", s.kind()).add("id", s.id()).add("label", s.label()));
        }
        return a.build();
    }
}
