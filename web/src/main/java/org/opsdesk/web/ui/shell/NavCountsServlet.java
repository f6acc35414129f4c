package org.opsdesk.web.ui.shell;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.Caller;
import org.opsdesk.application.DashboardService;
import org.opsdesk.application.DashboardService.Count;
import org.opsdesk.web.security.Callers;
import org.opsdesk.web.ui.http.ScriptResponses;

/**
 * The navigation's counts of active tickets per queue, {@code GET /nav-counts} → {@code {"queue": count, …}}: pages
 * other than the queue view (which refreshes its navigation with its list) keep their sidebar current with it.
 */
@WebServlet("/nav-counts")
public class NavCountsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    DashboardService dashboard;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = Callers.orUnauthorized(request, response).orElse(null);
        if (caller == null) {
            return;
        }
        JsonObjectBuilder counts = Json.createObjectBuilder();
        for (Count queue : dashboard.activePerQueue(caller)) {
            counts.add(queue.key(), queue.count());
        }
        ScriptResponses.json(response, counts.build());
    }
}
