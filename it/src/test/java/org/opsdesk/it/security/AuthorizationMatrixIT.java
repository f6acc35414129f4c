package org.opsdesk.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;

/**
 * Every operation of the OpenAPI document, called as anonymous, with a revoked token, as an agent and as an admin
 * (and the alert intakes with a wrong source secret): 401 without valid credentials, 403 for an agent exactly on
 * the admin operations listed here, never 401/403 for an admin. A new endpoint is in the matrix the moment it is in
 * the OpenAPI document; if it is admin-only it must be added to {@link #ADMIN_ONLY}, or this test fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    /** "METHOD /path" of the operations only admins may call. */
    static final Set<String> ADMIN_ONLY = Set.of("POST /api/agents", "POST /api/agents/{login}/active",
            "POST /api/agents/{login}/admin", "POST /api/agents/{login}/password", "POST /api/queues",
            "PATCH /api/queues/{name}", "GET /api/alerts/sources", "POST /api/alerts/sources",
            "PATCH /api/alerts/sources/{name}", "DELETE /api/alerts/sources/{name}", "GET /api/mail/mailboxes",
            "POST /api/mail/mailboxes", "PATCH /api/mail/mailboxes/{name}", "DELETE /api/mail/mailboxes/{name}",
            "DELETE /api/mail/quarantine/{id}", "POST /api/search/rebuild", "GET /api/mail/blocked",
            "POST /api/mail/blocked", "DELETE /api/mail/blocked/{id}", "GET /api/mail/ignored/{id}/raw",
            "POST /api/macros", "PUT /api/macros/{id}", "DELETE /api/macros/{id}", "POST /api/organizations",
            "PATCH /api/organizations/{name}", "DELETE /api/organizations/{name}", "POST /api/triggers",
            "PUT /api/triggers/{id}", "DELETE /api/triggers/{id}");

    /** Alert intakes: reachable with a source's secret instead of credentials. */
    static final Set<String> SECRET_INTAKES = Set.of("POST /api/alerts", "POST /api/alerts/alertmanager",
            "POST /api/alerts/nagios");

    /**
     * Path parameters filled with values that name nothing (so no call changes anything that exists), but for
     * {login}: another agent, whom an agent may not manage (and the admin's empty body changes nothing).
     */
    static final Map<String, String> PARAMS = new java.util.HashMap<>(Map.of("number", "987654321", "id",
            "987654321", "name", "no-such-name", "path", "no/such/page", "file", "no-such-file.txt", "n", "1",
            "host", "no-such-host.example"));

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)[^}]*}");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    record Operation(String method, String template) {
        String key() {
            return method + " " + template;
        }

        String path() {
            Matcher m = PARAM.matcher(template);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = PARAMS.get(m.group(1));
                if (value == null) {
                    throw new AssertionError("no test value for path parameter {" + m.group(1) + "} of " + key()
                            + ": add one to PARAMS");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }

    static List<Operation> operations() {
        JsonObject doc = Api.anonymous().send("GET", "/openapi", null, null, "Accept", "application/json")
                .expect(200).json();
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonValue> p : doc.getJsonObject("paths").entrySet()) {
            for (String method : p.getValue().asJsonObject().keySet()) {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    ops.add(new Operation(method.toUpperCase(), p.getKey()));
                }
            }
        }
        return ops;
    }

    static Api.Reply call(Api as, Operation op, String query) {
        String body = Set.of("GET", "DELETE").contains(op.method()) ? null : "{}";
        return as.send(op.method(), op.path() + query, body, body == null ? null : "application/json");
    }

    @Test
    void everyOperationAnswersEachCallerAsExpected() {
        List<Operation> ops = operations();
        assertThat(ops).as("operations in the OpenAPI document").hasSizeGreaterThan(60);

        PARAMS.put("login", Fixtures.agent(false));
        String login = Fixtures.agent(false);
        Api agent = Api.basic(login, Fixtures.PASSWORD);
        JsonObject token = agent.post("/api/me/tokens", "{\"name\":\"matrix\"}").expect(201).json();
        agent.delete("/api/me/tokens/" + token.getJsonObject("token").getJsonNumber("id")).expect(204);
        Api revoked = Api.token(token.getString("secret"));
        Api admin = Api.basic(Fixtures.agent(true), Fixtures.PASSWORD);

        List<String> wrong = new ArrayList<>();
        Set<String> agentRefused = new TreeSet<>();
        int readsWithoutParameters = 0;
        for (Operation op : ops) {
            expect(wrong, op, "anonymous", call(Api.anonymous(), op, ""), 401);
            expect(wrong, op, "revoked token", call(revoked, op, ""), 401);
            if (SECRET_INTAKES.contains(op.key())) {
                Api.Reply r = call(Api.anonymous(), op, "?source=no-such-source&secret=wrong-secret");
                if (r.status() != 401 && r.status() != 403) {
                    wrong.add(op.key() + " with a wrong source secret: " + r.status() + " " + r.body());
                }
            }
            Api.Reply asAgent = call(agent, op, "");
            if (asAgent.status() == 403) {
                agentRefused.add(op.key());
            }
            if (asAgent.status() == 401) {
                wrong.add(op.key() + " as agent: 401 " + asAgent.body());
            }
            Api.Reply asAdmin = call(admin, op, "");
            if (asAdmin.status() == 401 || asAdmin.status() == 403 || asAdmin.status() >= 500) {
                wrong.add(op.key() + " as admin: " + asAdmin.status() + " " + asAdmin.body());
            }
            if (asAgent.status() >= 500) {
                wrong.add(op.key() + " as agent: " + asAgent.status() + " " + asAgent.body());
            }
            // a read that names nothing (a list, a status, an export) succeeds for whoever may call it
            if (op.method().equals("GET") && !op.template().contains("{")) {
                readsWithoutParameters++;
                if (!ADMIN_ONLY.contains(op.key()) && asAgent.status() / 100 != 2) {
                    wrong.add(op.key() + " as agent: expected 2xx, got " + asAgent.status() + " " + asAgent.body());
                }
                if (asAdmin.status() / 100 != 2) {
                    wrong.add(op.key() + " as admin: expected 2xx, got " + asAdmin.status() + " " + asAdmin.body());
                }
            }
        }
        assertThat(wrong).as("unexpected answers").isEmpty();
        assertThat(readsWithoutParameters).as("reads asserted to succeed").isGreaterThan(10);
        assertThat(agentRefused).as("operations refused to an agent (403)").containsExactlyInAnyOrderElementsOf(
                ADMIN_ONLY);
    }

    private static void expect(List<String> wrong, Operation op, String who, Api.Reply r, int status) {
        if (r.status() != status) {
            wrong.add(op.key() + " as " + who + ": " + r.status() + " " + r.body());
        } else if (!r.body().contains("\"error\"")) {
            wrong.add(op.key() + " as " + who + ": " + status + " without a JSON error: " + r.body());
        }
    }
}
