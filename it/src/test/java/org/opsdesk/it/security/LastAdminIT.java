package org.opsdesk.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.support.Postgres;
import org.opsdesk.it.support.ServerProcess;

/**
 * The last active admin stays: on a server of its own (the shared one always has its 'admin'), two admins disable
 * each other at the same moment. Each saw the other still active, so both were disabled and nobody could log in
 * to enable anyone (the start-up bootstrap saw admins, only disabled ones).
 */
class LastAdminIT {

    private static final String DATABASE = "opsdesk_last_admin";

    @Test
    void twoAdminsDisablingEachOtherAtOnceLeaveOneActive() throws Exception {
        // the run's database is the shared server's: on PostgreSQL this server gets one of its own, else H2 on disk
        boolean postgres = System.getenv("OPSDESK_DB_URL") != null;
        Map<String, String> env = postgres ? Postgres.freshDatabase(DATABASE) : Map.of();
        try (ServerProcess server = new ServerProcess("last-admin", 300, env, List.of())) {
            server.start();
            Api admin = Api.admin().on(server.url());
            for (int round = 0; round < 3; round++) {
                String other = "second-admin-" + round;
                admin.post("/api/agents", Json.createObjectBuilder().add("login", other).add("displayName", other)
                        .add("password", Fixtures.PASSWORD).add("admin", true).build()).expect(201);
                Api second = Api.basic(other, Fixtures.PASSWORD).on(server.url());
                AtomicInteger next = new AtomicInteger();
                List<Api.Reply> replies = Fixtures.atOnce(2, () -> next.getAndIncrement() == 0
                        ? admin.post("/api/agents/" + other + "/active", "{\"active\":false}")
                        : second.post("/api/agents/admin/active", "{\"active\":false}"));
                List<Integer> statuses = replies.stream().map(Api.Reply::status).sorted().toList();
                // the loser is refused, or (once disabled before it was heard) no longer let in at all
                assertThat(statuses).as("round " + round).isIn(List.of(200, 409), List.of(200, 401));
                replies.stream().filter(r -> r.status() == 409).forEach(r -> assertThat(r.json().getString("error"))
                        .isEqualTo("last_admin"));

                boolean adminSurvived = admin.get("/api/me").status() == 200;
                Api survivor = adminSurvived ? admin : second;
                List<JsonObject> activeAdmins = survivor.get("/api/agents").expect(200).array().stream()
                        .map(JsonValue::asJsonObject).filter(a -> a.getBoolean("admin") && a.getBoolean("active"))
                        .toList();
                assertThat(activeAdmins).as("round " + round).singleElement()
                        .satisfies(a -> assertThat(a.getString("login")).isEqualTo(adminSurvived ? "admin" : other));
                assertThat(survivor.post("/api/agents/" + (adminSurvived ? "admin" : other) + "/admin",
                        "{\"admin\":false}").expect(409).json().getString("error")).as("nor demoted")
                        .isIn("self_demote", "last_admin");
                if (!adminSurvived) { // back to the shared starting point: 'admin' the one active admin
                    second.post("/api/agents/admin/active", "{\"active\":true}").expect(200);
                    admin.post("/api/agents/" + other + "/active", "{\"active\":false}").expect(200);
                }
            }
        } finally {
            if (postgres) {
                Postgres.drop(DATABASE);
            }
        }
    }
}
