package org.opsdesk.it.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsdesk.it.tickets.TicketLifecycleIT.number;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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

/** Macros over REST: admins keep them, any agent applies one to a ticket, all of it or none of it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MacrosIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api admin = Api.admin();

    private long macro(JsonObject definition) {
        return admin.post("/api/macros", definition).expect(201).json().getJsonNumber("id").longValue();
    }

    @Test
    void anAgentAppliesAMacroAndEveryChangeLandsRecordedAsTheirs() {
        String queue = Fixtures.queue();
        String escalation = Fixtures.queue();
        String name = Fixtures.unique("Hand to network team");
        long id = macro(Json.createObjectBuilder().add("name", name).add("note", "Handed over: looks like the"
                + " uplink.").add("priority", "high").add("queue", escalation).add("owner", "take")
                .add("status", "open").add("addTags", Json.createArrayBuilder().add("network"))
                .add("removeTags", Json.createArrayBuilder().add("triage")).build());
        String agent = Fixtures.agent(false);
        Api as = Api.basic(agent, Fixtures.PASSWORD);
        assertThat(as.get("/api/macros").expect(200).array().stream().map(m -> m.asJsonObject().getString("name"))
                .toList()).contains(name);

        JsonObject ticket = Fixtures.ticket(admin, queue, "Packet loss to the DC");
        long n = number(ticket);
        admin.post("/api/tickets/" + n + "/tags", "{\"add\":[\"triage\",\"customer-x\"]}").expect(200);
        long version = admin.get("/api/tickets/" + n).expect(200).json().getJsonNumber("version").longValue();
        JsonObject after = as.post("/api/tickets/" + n + "/macro", Json.createObjectBuilder().add("macro", id)
                .add("version", version).build()).expect(200).json();
        assertThat(after.getString("priority")).isEqualTo("high");
        assertThat(after.getString("queue")).isEqualTo(escalation);
        assertThat(after.getString("owner")).isEqualTo(agent);
        assertThat(after.getString("status")).isEqualTo("open");
        assertThat(after.getJsonArray("tags").getValuesAs(JsonString::getString)).containsExactlyInAnyOrder(
                "customer-x", "network");
        List<JsonObject> messages = after.getJsonArray("messages").getValuesAs(JsonValue::asJsonObject);
        JsonObject note = messages.get(messages.size() - 1);
        assertThat(note.getString("kind")).isEqualTo("comment");
        assertThat(note.getString("author")).isEqualTo(agent);
        assertThat(note.getString("text")).isEqualTo("Handed over: looks like the uplink.");
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array().stream()
                .map(h -> h.asJsonObject().getString("kind")).toList()).contains("priority", "queue", "comment_added",
                        "tag_added", "tag_removed", "owner", "status");

        // applied again: what the ticket has already is left as it is, the note is added again
        JsonObject again = as.post("/api/tickets/" + n + "/macro", "{\"macro\":" + id + "}").expect(200).json();
        assertThat(again.getJsonArray("messages")).hasSize(messages.size() + 1);
    }

    @Test
    void aMacroThatCannotBeAppliedChangesNothingAndAStalePageIsRefused() {
        String queue = Fixtures.queue();
        long id = macro(Json.createObjectBuilder().add("name", Fixtures.unique("Take and tag")).add("note",
                "mine now").add("addTags", Json.createArrayBuilder().add("taken")).add("owner", "take").build());
        long n = number(Fixtures.ticket(admin, queue, "Owned by someone else"));
        String owner = Fixtures.agent(false);
        admin.post("/api/tickets/" + n + "/owner", "{\"action\":\"assign\",\"agent\":\"" + owner + "\"}").expect(200);
        JsonObject before = admin.get("/api/tickets/" + n).expect(200).json();

        JsonObject refused = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD).post("/api/tickets/" + n + "/macro",
                "{\"macro\":" + id + "}").expect(409).json();
        assertThat(refused.getString("error")).isEqualTo("already_owned");
        JsonObject unchanged = admin.get("/api/tickets/" + n).expect(200).json();
        assertThat(unchanged.getJsonArray("messages")).as("its note rolled back").hasSameSizeAs(
                before.getJsonArray("messages"));
        assertThat(unchanged.getJsonArray("tags")).isEmpty();
        assertThat(unchanged.getJsonNumber("version")).isEqualTo(before.getJsonNumber("version"));

        assertThat(admin.post("/api/tickets/" + n + "/macro", Json.createObjectBuilder().add("macro", id)
                .add("version", before.getJsonNumber("version").longValue() - 1).build()).expect(409).json()
                .getString("error")).isEqualTo("stale_ticket");
        // a status the ticket may not move to: refused at the last step, the note and the priority rolled back
        long close = macro(Json.createObjectBuilder().add("name", Fixtures.unique("Close")).add("note", "done")
                .add("priority", "low").add("status", "closed").build());
        assertThat(admin.post("/api/tickets/" + n + "/macro", "{\"macro\":" + close + "}").expect(409).json()
                .getString("error")).isEqualTo("illegal_transition");
        JsonObject still = admin.get("/api/tickets/" + n).expect(200).json();
        assertThat(still.getString("priority")).isEqualTo(before.getString("priority"));
        assertThat(still.getJsonArray("messages")).hasSameSizeAs(before.getJsonArray("messages"));

        assertThat(admin.post("/api/tickets/" + n + "/macro", "{}").expect(400).json().getString("error"))
                .isEqualTo("macro_required");
        assertThat(admin.post("/api/tickets/" + n + "/macro", "{\"macro\":987654321}").expect(404).json()
                .getString("error")).isEqualTo("macro_not_found");
    }

    @Test
    void adminsKeepMacrosWithClearRefusals() {
        String name = Fixtures.unique("Resolve");
        long id = macro(Json.createObjectBuilder().add("name", name).add("status", "resolved").build());
        assertThat(admin.post("/api/macros", Json.createObjectBuilder().add("name", name.toUpperCase())
                .add("status", "resolved").build()).expect(409).json().getString("error")).isEqualTo("macro_exists");
        for (Object[] bad : new Object[][] {
                {Json.createObjectBuilder().add("name", Fixtures.unique("m")).build(), "empty_macro"},
                {Json.createObjectBuilder().add("name", "").add("status", "open").build(), "invalid_macro_name"},
                {Json.createObjectBuilder().add("name", Fixtures.unique("m")).add("status", "done").build(),
                        "unknown_status"},
                {Json.createObjectBuilder().add("name", Fixtures.unique("m")).add("queue", "no-such-queue").build(),
                        "unknown_queue"},
                {Json.createObjectBuilder().add("name", Fixtures.unique("m")).add("owner", "steal").build(),
                        "invalid_owner_action"}}) {
            JsonObject error = admin.post("/api/macros", (JsonObject) bad[0]).expect(400).json();
            assertThat(error.getString("error")).isEqualTo(bad[1]);
        }
        Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        agent.post("/api/macros", Json.createObjectBuilder().add("name", Fixtures.unique("m")).add("status", "open")
                .build()).expect(403);

        JsonObject changed = admin.put("/api/macros/" + id, Json.createObjectBuilder().add("name", name + " fast")
                .add("priority", "low").build()).expect(200).json();
        assertThat(changed.getString("name")).isEqualTo(name + " fast");
        assertThat(changed.isNull("status")).as("the whole new definition").isTrue();
        admin.delete("/api/macros/" + id).expect(204);
        admin.delete("/api/macros/" + id).expect(404);
    }
}
