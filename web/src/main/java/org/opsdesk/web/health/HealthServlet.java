package org.opsdesk.web.health;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code GET /health} on the application port: the MicroProfile Health checks of OpsDesk (readiness and
 * liveness) in the MicroProfile Health JSON format; 200 when all are UP, 503 otherwise. The server's
 * own {@code :9990/health} reports the same checks on the management port.
 */
@WebServlet(urlPatterns = {"/health", "/health/ready", "/health/live"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @Readiness
    @Any
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    @Any
    Instance<HealthCheck> liveness;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<HealthCheck> checks = new ArrayList<>();
        String path = req.getServletPath();
        if (!path.endsWith("/live")) {
            readiness.forEach(checks::add);
        }
        if (!path.endsWith("/ready")) {
            liveness.forEach(checks::add);
        }
        boolean up = true;
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse r;
            try {
                r = check.call();
            } catch (RuntimeException e) {
                r = HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
            }
            up &= r.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder o = Json.createObjectBuilder().add("name", r.getName()).add("status", r.getStatus().name());
            r.getData().ifPresent(data -> {
                JsonObjectBuilder d = Json.createObjectBuilder();
                data.forEach((k, v) -> d.add(k, String.valueOf(v)));
                o.add("data", d);
            });
            results.add(o);
        }
        resp.setStatus(up ? 200 : 503);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", results)
                .build().toString());
    }
}
