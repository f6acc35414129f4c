package org.opsdesk.it.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
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

/** The life of a ticket over REST: status moves, ownership, history, optimistic locking. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TicketLifecycleIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @Test
    void createdTakenRepliedResolvedReopenedClosedShowsACompleteHistory() {
        String queue = Fixtures.queue();
        String login = Fixtures.agent(false);
        Api agent = Api.basic(login, Fixtures.PASSWORD);
        JsonObject t = Fixtures.ticket(agent, queue, "Disk full on db01");
        long n = t.getJsonNumber("number").longValue();
        assertThat(t.getString("status")).isEqualTo("new");

        agent.post("/api/tickets/" + n + "/owner", "{\"action\":\"take\"}").expect(200);
        JsonObject replied = agent.post("/api/tickets/" + n + "/replies", "{\"body\":\"Cleaning /var now\"}")
                .expect(201).json();
        assertThat(replied.getString("status")).isEqualTo("open");
        assertThat(replied.getString("owner")).isEqualTo(login);
        agent.post("/api/tickets/" + n + "/status", "{\"status\":\"resolved\",\"note\":\"freed 20 GB\"}").expect(200);
        agent.post("/api/tickets/" + n + "/status", "{\"status\":\"open\",\"note\":\"back again\"}").expect(200);
        agent.post("/api/tickets/" + n + "/status", "{\"status\":\"resolved\"}").expect(200);
        JsonObject closed = agent.post("/api/tickets/" + n + "/status", "{\"status\":\"closed\"}").expect(200).json();
        assertThat(closed.getString("status")).isEqualTo("closed");

        List<String> history = new ArrayList<>();
        for (JsonValue v : agent.get("/api/tickets/" + n + "/history").expect(200).array()) {
            JsonObject h = v.asJsonObject();
            history.add(h.getString("kind") + ":" + h.getString("oldValue", "") + ">" + h.getString("newValue", "")
                    + "@" + h.getString("actor"));
            assertThat(h.getString("at")).isNotBlank();
        }
        assertThat(history).containsExactly(
                "created:>Disk full on db01@" + login,
                "inbound_added:>" + t.getJsonArray("requesters").getString(0) + "@"
                        + t.getJsonArray("requesters").getString(0),
                "owner:>" + login + "@" + login,
                "reply_added:>0@" + login,
                "status:new>open@" + login,
                "status:open>resolved@" + login,
                "status:resolved>open@" + login,
                "status:open>resolved@" + login,
                "status:resolved>closed@" + login);
    }

    @Test
    void illegalMoveIs409NamingTheAllowedOnes() {
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(Api.admin(), queue, "Illegal move"));
        Api.Reply r = Api.admin().post("/api/tickets/" + n + "/status", "{\"status\":\"pending\"}").expect(409);
        assertThat(r.json().getString("error")).isEqualTo("illegal_transition");
        assertThat(r.json().getString("message")).contains("open", "resolved", "rejected");
        assertThat(Api.admin().post("/api/tickets/" + n + "/status", "{\"status\":\"done\"}").expect(400)
                .json().getString("message")).contains("resolved");
    }

    @Test
    void onlyAnAdminReopensAClosedTicket() {
        String queue = Fixtures.queue();
        Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        long n = number(Fixtures.ticket(agent, queue, "Closed for good"));
        agent.post("/api/tickets/" + n + "/status", "{\"status\":\"resolved\"}").expect(200);
        agent.post("/api/tickets/" + n + "/status", "{\"status\":\"closed\"}").expect(200);
        assertThat(agent.post("/api/tickets/" + n + "/status", "{\"status\":\"open\"}").expect(403).json()
                .getString("error")).isEqualTo("admin_required");
        Api.admin().post("/api/tickets/" + n + "/status", "{\"status\":\"open\"}").expect(200);
    }

    @Test
    void ownershipTakeStealAssignRelease() {
        String queue = Fixtures.queue();
        String aliceLogin = Fixtures.agent(false);
        String bobLogin = Fixtures.agent(false);
        Api alice = Api.basic(aliceLogin, Fixtures.PASSWORD);
        Api bob = Api.basic(bobLogin, Fixtures.PASSWORD);
        long n = number(Fixtures.ticket(alice, queue, "Who owns this"));
        String owner = "/api/tickets/" + n + "/owner";

        bob.post(owner, "{\"action\":\"steal\"}").expect(409);
        alice.post(owner, "{\"action\":\"take\"}").expect(200);
        assertThat(bob.post(owner, "{\"action\":\"take\"}").expect(409).json().getString("message")).contains("steal");
        bob.post(owner, "{\"action\":\"release\"}").expect(403);
        assertThat(bob.post(owner, "{\"action\":\"steal\"}").expect(200).json().getString("owner")).isEqualTo(bobLogin);
        assertThat(bob.post(owner, "{\"action\":\"assign\",\"agent\":\"" + aliceLogin + "\"}").expect(200).json()
                .getString("owner")).isEqualTo(aliceLogin);
        bob.post(owner, "{\"action\":\"assign\",\"agent\":\"nobody-here\"}").expect(400);
        bob.post(owner, "{\"action\":\"grab\"}").expect(400);
        JsonObject released = alice.post(owner, "{\"action\":\"release\"}").expect(200).json();
        assertThat(released.isNull("owner")).isTrue();

        List<String> notes = alice.get("/api/tickets/" + n + "/history").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(h -> h.getString("kind").equals("owner"))
                .map(h -> h.getString("note")).toList();
        assertThat(notes).containsExactly("take", "steal from " + aliceLogin, "assign", "release");
    }

    @Test
    public void staleUpdatesAre409NeverSilentOverwrites() throws Exception {
        String queue = Fixtures.queue();
        Api admin = Api.admin();
        JsonObject t = Fixtures.ticket(admin, queue, "Edited twice");
        long n = number(t);
        long version = t.getJsonNumber("version").longValue();
        admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("priority", "high").add("version", version)
                .build()).expect(200);
        Api.Reply stale = admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("priority", "low")
                .add("version", version).build()).expect(409);
        assertThat(stale.json().getString("error")).isEqualTo("stale_ticket");
        assertThat(admin.send("POST", "/api/tickets/" + n + "/status", "{\"status\":\"open\"}", "application/json",
                "If-Match", "\"" + version + "\"").status()).isEqualTo(409);

        // two agents at the same moment, four edits each, all from the same version: exactly one edit wins, and the
        // history names its author and its subject
        String alice = Fixtures.agent(false);
        String bob = Fixtures.agent(false);
        List<String> logins = List.of(alice, bob);
        List<Api> agents = List.of(Api.basic(alice, Fixtures.PASSWORD), Api.basic(bob, Fixtures.PASSWORD));
        long current = admin.get("/api/tickets/" + n).expect(200).json().getJsonNumber("version").longValue();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            // all eight wait at the barrier, so that they are sent together rather than one after another
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(8);
            for (int i = 0; i < 8; i++) {
                Api agent = agents.get(i % 2);
                String subject = "Edited by " + logins.get(i % 2) + " #" + i;
                Callable<Integer> edit = () -> {
                    together.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    return agent.patch("/api/tickets/" + n, Json.createObjectBuilder()
                            .add("subject", subject).add("version", current).build()).status();
                };
                results.add(pool.submit(edit));
            }
            for (int i = 0; i < results.size(); i++) {
                statuses.add(results.get(i).get());
                if (statuses.get(i) == 200) {
                    winners.add("Edited by " + logins.get(i % 2) + " #" + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(winners).hasSize(1);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("subject")).isEqualTo(winners.get(0));
        List<JsonObject> subjectChanges = admin.get("/api/tickets/" + n + "/history").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(h -> h.getString("kind").equals("subject")).toList();
        assertThat(subjectChanges).singleElement().satisfies(h -> {
            assertThat(h.getString("newValue")).isEqualTo(winners.get(0));
            assertThat(h.getString("actor")).isEqualTo(winners.get(0).split(" ")[2]);
        });
    }

    static long number(JsonObject ticket) {
        return ticket.getJsonNumber("number").longValue();
    }

    @Test
    void twoAdminsChoosingTwoDefaultQueuesAtOnceLeaveOneDefault() throws Exception {
        // each cleared the others' marks, then set its own: both marks stayed, and the one that counted was the
        // older queue's, whatever either admin saw answered
        Api admin = Api.admin();
        String before = defaultQueue(admin);
        try {
            for (int round = 0; round < 5; round++) {
                String one = Fixtures.queue();
                String two = Fixtures.queue();
                java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
                // one admin edits the default queue's description as the other makes another queue the default
                admin.patch("/api/queues/" + one, Json.createObjectBuilder().add("isDefault", true).build()).expect(200);
                List<Integer> statuses = Fixtures.atOnce(2, () -> turn.getAndIncrement() == 0
                        ? admin.patch("/api/queues/" + one, Json.createObjectBuilder().add("isDefault", true)
                                .add("description", "edited " + System.nanoTime()).build()).status()
                        : admin.patch("/api/queues/" + two, Json.createObjectBuilder().add("isDefault", true)
                                .build()).status());
                assertThat(statuses).containsOnly(200);
                assertThat(admin.get("/api/queues").expect(200).array().stream()
                        .filter(q -> q.asJsonObject().getBoolean("isDefault")).count()).as("round " + round).isEqualTo(1);
            }
        } finally {
            admin.patch("/api/queues/" + before, Json.createObjectBuilder().add("isDefault", true).build()).expect(200);
        }
    }

    private static String defaultQueue(Api admin) {
        return admin.get("/api/queues").expect(200).array().stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(q -> q.getBoolean("isDefault")).findFirst().orElseThrow().getString("name");
    }
}
