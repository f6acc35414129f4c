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
}
