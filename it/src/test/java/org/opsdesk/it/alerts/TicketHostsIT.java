package org.opsdesk.it.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;

/** Tickets link to hosts by hand, and hosts that a ticket's text names are suggested. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TicketHostsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api admin = Api.admin();

    static List<String> names(JsonObject hosts, String which) {
        return hosts.getJsonArray(which).stream().map(v -> v.asJsonObject().getString("name")).toList();
    }

    @Test
    void aKnownHostNamedInAMailIsSuggestedAndAgentsLinkAndUnlinkIt() {
        String queue = Fixtures.queue();
        String source = Fixtures.unique("src");
        String host = Fixtures.unique("db").replaceAll("[^a-z0-9-]", "") + ".prod.example.com";
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue).build())
                .expect(201);
        admin.post("/api/alerts?source=" + source, Json.createObjectBuilder().add("source", source).add("host", host)
                .add("service", "Load").add("state", "WARNING").build()).expect(200);
        String shortName = host.substring(0, host.indexOf('.'));

        long n = admin.post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                .add("subject", "Slow queries").add("body", "Since 9:00 " + shortName + " answers slowly.")
                .add("requester", "ops@customer.example").build()).expect(201).json().getJsonNumber("number")
                .longValue();
        JsonObject hosts = admin.get("/api/tickets/" + n + "/hosts").expect(200).json();
        assertThat(names(hosts, "linked")).isEmpty();
        assertThat(names(hosts, "suggested")).containsExactly(host);

        hosts = admin.post("/api/tickets/" + n + "/hosts", "{\"host\":\"" + shortName + "\"}").expect(200).json();
        assertThat(names(hosts, "linked")).containsExactly(host);
        assertThat(names(hosts, "suggested")).isEmpty();
        assertThat(admin.get("/api/hosts/" + host).json().getJsonArray("openTickets").stream()
                .map(v -> v.asJsonObject().getJsonNumber("number").longValue())).contains(n);

        hosts = admin.delete("/api/tickets/" + n + "/hosts/" + host).expect(200).json();
        assertThat(names(hosts, "linked")).isEmpty();
        // both in the ticket's history, by the agent
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array().stream()
                .map(v -> v.asJsonObject()).filter(h -> h.getString("kind").startsWith("host_"))
                .map(h -> h.getString("kind") + " " + (h.isNull("newValue") ? h.getString("oldValue")
                        : h.getString("newValue")))).containsExactly("host_linked " + host, "host_unlinked " + host);
        admin.post("/api/tickets/" + n + "/hosts", "{\"host\":\"no-such-host.example\"}").expect(404);
        admin.post("/api/tickets/" + n + "/hosts", "{}").expect(400);
        admin.get("/api/tickets/999999999/hosts").expect(404);
    }

    @Test
    void aHostDeletedAsItIsLinkedToATicketIsEitherLinkedOrGoneNeverA500() throws Exception {
        // the link looked the host up, the delete removed it, and the link's insert broke the foreign key: a 500
        String queue = Fixtures.queue();
        for (int round = 0; round < 6; round++) {
            String host = Fixtures.unique("tmp").replaceAll("[^a-z0-9-]", "") + ".lab.example";
            admin.post("/api/hosts", "{\"name\":\"" + host + "\"}").expect(201);
            long n = Fixtures.ticket(admin, queue, "link " + round).getJsonNumber("number").longValue();
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<String> answers = Fixtures.atOnce(2, () -> turn.getAndIncrement() == 0
                    ? "delete " + admin.delete("/api/hosts/" + host).status()
                    : "link " + admin.post("/api/tickets/" + n + "/hosts", "{\"host\":\"" + host + "\"}").status());
            assertThat(answers).as("round " + round).isSubsetOf("delete 204", "delete 409", "link 200", "link 404");
            boolean gone = admin.get("/api/hosts/" + host).status() == 404;
            assertThat(answers.contains("delete 204")).isEqualTo(gone);
            assertThat(admin.get("/api/tickets/" + n + "/hosts").expect(200).json().getJsonArray("linked"))
                    .as("a ticket links no host that is gone").hasSize(gone ? 0 : answers.contains("link 200") ? 1 : 0);
        }
    }

    /**
     * A host added by hand is deleted as monitoring's first alert about it arrives: either the delete is refused (the
     * alert came first) or the alert finds the host gone and makes it anew; never an alert naming a host that is gone
     * (H2's foreign key check reads the host as last committed, so without the lock on its row both committed).
     */
    @Test
    void aHostDeletedAsItsFirstAlertArrivesIsKeptOrMadeAnewNeverLost() throws Exception {
        String queue = Fixtures.queue();
        String source = Fixtures.unique("mon");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue).build())
                .expect(201);
        for (int round = 0; round < 20; round++) {
            String host = Fixtures.unique("gone").replaceAll("[^a-z0-9-]", "") + ".lab.example";
            admin.post("/api/hosts", "{\"name\":\"" + host + "\"}").expect(201);
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            // a problem opens an alert; an acknowledgement of a check never reported is only an event naming the host
            List<String> answers = Fixtures.atOnce(3, () -> switch (turn.getAndIncrement()) {
                case 0 -> "delete " + admin.delete("/api/hosts/" + host).status();
                case 1 -> "alert " + admin.post("/api/alerts?source=" + source, Json.createObjectBuilder()
                        .add("host", host).add("service", "disk").add("state", "CRITICAL").build()).status();
                default -> "alert " + admin.post("/api/alerts?source=" + source, Json.createObjectBuilder()
                        .add("host", host).add("service", "ping").add("type", "ACKNOWLEDGEMENT").build()).status();
            });
            assertThat(answers).as("round " + round).isSubsetOf("delete 204", "delete 409", "alert 200");
            JsonObject kept = admin.get("/api/hosts/" + host).expect(200).json();
            assertThat(kept.getJsonArray("openTickets")).as("round %d: %s", round, answers).hasSize(1);
            assertThat(admin.delete("/api/hosts/" + host).expect(409).json().getString("error"))
                    .as("monitoring reported on it").isEqualTo("host_monitored");
        }
    }

    /**
     * A ticket linked to a host added by hand is merged as the host is deleted: whichever comes first, the host is gone
     * and the merged ticket links to no host (the merge copies the source's links; on H2 a copy made as the delete
     * committed named a host that was gone).
     */
    @Test
    void aMergeAndTheDeleteOfAHostItLinksLeaveNoLinkToAHostGone() throws Exception {
        String queue = Fixtures.queue();
        for (int round = 0; round < 10; round++) {
            String host = Fixtures.unique("merged").replaceAll("[^a-z0-9-]", "") + ".lab.example";
            admin.post("/api/hosts", "{\"name\":\"" + host + "\"}").expect(201);
            long source = Fixtures.ticket(admin, queue, "about " + host).getJsonNumber("number").longValue();
            long target = Fixtures.ticket(admin, queue, "the same outage").getJsonNumber("number").longValue();
            admin.post("/api/tickets/" + source + "/hosts", "{\"host\":\"" + host + "\"}").expect(200);
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<String> answers = Fixtures.atOnce(2, () -> turn.getAndIncrement() == 0
                    ? "delete " + admin.delete("/api/hosts/" + host).status()
                    : "merge " + admin.post("/api/tickets/" + source + "/merge", "{\"into\":" + target + "}").status());
            assertThat(answers).as("round " + round).containsExactlyInAnyOrder("delete 204", "merge 200");
            admin.get("/api/hosts/" + host).expect(404);
            assertThat(admin.get("/api/tickets/" + target + "/hosts").expect(200).json().getJsonArray("linked"))
                    .as("round %d: %s", round, answers).isEmpty();
        }
    }

    @Test
    void anAgentAddsAHostByHandWhichMonitoringThenReportsOn() {
        Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        String host = Fixtures.unique("nas").replaceAll("[^a-z0-9-]", "") + ".lab.example";
        String shortName = host.substring(0, host.indexOf('.'));
        JsonObject added = agent.post("/api/hosts", Json.createObjectBuilder().add("name", host)
                .add("address", "10.9.8.7").add("aliases", Json.createArrayBuilder().add("backup-nas-" + shortName))
                .add("tags", Json.createArrayBuilder().add("storage")).add("notes", "In rack 4.").build())
                .expect(201).json();
        assertThat(added.getString("name")).isEqualTo(host);
        assertThat(added.getString("address")).isEqualTo("10.9.8.7");
        assertThat(added.getJsonArray("aliases").getString(0)).isEqualTo("backup-nas-" + shortName);
        assertThat(added.getBoolean("monitored")).as("no monitoring has named it yet: it may be deleted").isFalse();

        assertThat(agent.post("/api/hosts", "{\"name\":\"" + host + "\"}").expect(409).json().getString("error"))
                .isEqualTo("host_exists");
        assertThat(agent.post("/api/hosts", "{\"name\":\"" + shortName + "\"}").expect(409).json().getString("error"))
                .as("its short name names it").isEqualTo("host_exists");
        assertThat(agent.post("/api/hosts", "{\"name\":\"backup-nas-" + shortName + "\"}").expect(409).json()
                .getString("error")).as("its alias names it").isEqualTo("host_exists");
        agent.post("/api/hosts", "{\"name\":\"not a host!\"}").expect(400);
        agent.post("/api/hosts", "{}").expect(400);
        String other = Fixtures.unique("other").replaceAll("[^a-z0-9-]", "") + ".lab.example";
        assertThat(agent.post("/api/hosts", Json.createObjectBuilder().add("name", other)
                .add("aliases", Json.createArrayBuilder().add("backup-nas-" + shortName)).build()).expect(409).json()
                .getString("error")).isEqualTo("alias_taken");
        agent.get("/api/hosts/" + other).expect(404);
        assertThat(agent.post("/api/hosts", Json.createObjectBuilder().add("name", other)
                .add("aliases", Json.createArrayBuilder().add(shortName)).build()).expect(409).json()
                .getString("message")).as("another host's short name").contains("short name");

        // monitoring's first alert about it lands on the host added by hand, by its short name
        String queue = Fixtures.queue();
        String source = Fixtures.unique("mon");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue).build())
                .expect(201);
        JsonObject outcome = admin.post("/api/alerts?source=" + source, Json.createObjectBuilder().add("host", shortName)
                .add("service", "disk").add("state", "CRITICAL").build()).expect(200).json().getJsonArray("alerts")
                .getJsonObject(0);
        assertThat(outcome.getString("host")).isEqualTo(host);
        JsonObject reported = admin.get("/api/hosts/" + host).expect(200).json();
        assertThat(reported.getJsonArray("openTickets")).hasSize(1);
        assertThat(reported.getBoolean("monitored")).isTrue();
        assertThat(agent.delete("/api/hosts/" + host).expect(409).json().getString("error"))
                .as("monitoring's record keeps it").isEqualTo("host_monitored");

        // a host added with a typo goes again, unlinked from its tickets in their history
        String typo = Fixtures.unique("nsa").replaceAll("[^a-z0-9-]", "") + ".lab.example";
        agent.post("/api/hosts", "{\"name\":\"" + typo + "\"}").expect(201);
        long n = Fixtures.ticket(agent, queue, "linked by mistake").getJsonNumber("number").longValue();
        agent.post("/api/tickets/" + n + "/hosts", "{\"host\":\"" + typo + "\"}").expect(200);
        agent.delete("/api/hosts/" + typo).expect(204);
        agent.get("/api/hosts/" + typo).expect(404);
        assertThat(agent.get("/api/tickets/" + n + "/hosts").expect(200).json().getJsonArray("linked")).isEmpty();
        assertThat(agent.get("/api/tickets/" + n + "/history").expect(200).array().stream()
                .map(h -> h.asJsonObject().getString("kind"))).contains("host_unlinked");
        agent.post("/api/hosts", "{\"name\":\"" + typo + "\"}").expect(201);

        // linked to a ticket merged since: the merged ticket's link goes too, and the surviving ticket says so
        long from = Fixtures.ticket(agent, queue, "merged away").getJsonNumber("number").longValue();
        long into = Fixtures.ticket(agent, queue, "kept").getJsonNumber("number").longValue();
        agent.post("/api/tickets/" + from + "/hosts", "{\"host\":\"" + typo + "\"}").expect(200);
        agent.post("/api/tickets/" + from + "/merge", "{\"into\":" + into + "}").expect(200);
        agent.delete("/api/hosts/" + typo).expect(204);
        assertThat(agent.get("/api/tickets/" + into + "/hosts").expect(200).json().getJsonArray("linked")).isEmpty();
        assertThat(agent.get("/api/tickets/" + into + "/history").expect(200).array().stream()
                .map(h -> h.asJsonObject().getString("kind"))).containsOnlyOnce("host_unlinked");
    }
}
