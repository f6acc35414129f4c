package org.opsdesk.web.ui.shell;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import org.opsdesk.application.Caller;
import org.opsdesk.application.DashboardService;
import org.opsdesk.application.DashboardService.Count;
import org.opsdesk.web.ui.http.SessionJsonServlet;

/**
 * The navigation's counts of active tickets per queue, {@code GET /nav-counts} → {@code {"queue": count, …}}: pages
 * other than the queue view (which refreshes its navigation with its list) keep their sidebar current with it.
 */
@WebServlet("/nav-counts")
public class NavCountsServlet extends SessionJsonServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    DashboardService dashboard;

    @Override
    protected JsonStructure answer(HttpServletRequest request, Caller caller) {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        for (Count queue : dashboard.activePerQueue(caller)) {
            counts.add(queue.key(), queue.count());
        }
        return counts.build();
    }
}
