package org.opsdesk.it.tickets;

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

/** Saved views over {@code /api/me/views}: an agent's own, shared ones, saved again under a name, deleted. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SavedViewsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private static JsonObject view(String name, String query, boolean shared) {
        return Json.createObjectBuilder().add("name", name).add("query", query).add("shared", shared).build();
    }

    /** The views {@code api}'s agent sees that {@code owner} saved (other tests' agents share views too). */
    private static List<JsonObject> views(Api api, String owner) {
        return api.get("/api/me/views").expect(200).array().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("owner").equals(owner)).toList();
    }

    @Test
    void anAgentSavesViewsSharesOneSavesItAgainByNameAndOthersSeeOnlyTheSharedOne() {
        String alice = Fixtures.agent(false);
        String bob = Fixtures.agent(false);
        Api a = Api.basic(alice, Fixtures.PASSWORD);
        Api b = Api.basic(bob, Fixtures.PASSWORD);
        String queue = Fixtures.queue();

        JsonObject urgent = a.post("/api/me/views", view("  Urgent\nof mine ",
                "?view=mine&priority=urgent&page=4&bogus=1&sort=-updated", false)).expect(201).json();
        assertThat(urgent.getString("name")).as("on one line, trimmed").isEqualTo("Urgent of mine");
        assertThat(urgent.getString("query")).as("as the queue page writes it: no page, no unknown parameter,"
                + " no default sort").isEqualTo("view=mine&priority=urgent");
        assertThat(urgent.getBoolean("mine")).isTrue();
        assertThat(urgent.getString("owner")).isEqualTo(alice);

        JsonObject team = a.post("/api/me/views", view("VPN tickets", "name=" + queue + "&tag=vpn", true))
                .expect(201).json();
        assertThat(views(a, alice)).extracting(v -> v.getString("name")).containsExactly("Urgent of mine",
                "VPN tickets");
        assertThat(views(b, alice)).singleElement().satisfies(v -> {
            assertThat(v.getString("name")).isEqualTo("VPN tickets");
            assertThat(v.getBoolean("mine")).isFalse();
            assertThat(v.getBoolean("shared")).isTrue();
        });

        JsonObject again = a.post("/api/me/views", view("VPN tickets", "name=" + queue + "&tag=vpn&status=all",
                false)).expect(200).json();
        assertThat(again.getJsonNumber("id").longValue()).as("the same view saved again")
                .isEqualTo(team.getJsonNumber("id").longValue());
        assertThat(again.getString("query")).isEqualTo("name=" + queue + "&status=all&tag=vpn");
        assertThat(views(b, alice)).as("no longer shared").isEmpty();

        long id = urgent.getJsonNumber("id").longValue();
        b.delete("/api/me/views/" + id).expect(404);
        assertThat(views(Api.admin(), alice)).as("a private view is its owner's alone").isEmpty();
        Api.admin().delete("/api/me/views/" + id).expect(404); // an admin's too
        a.delete("/api/me/views/" + id).expect(204);
        assertThat(views(a, alice)).extracting(v -> v.getString("name")).containsExactly("VPN tickets");
        a.delete("/api/me/views/" + id).expect(404);

        JsonObject shared = a.post("/api/me/views", view("vpn TICKETS", "tag=vpn", true)).expect(200).json();
        assertThat(shared.getJsonNumber("id").longValue()).as("a name in another case is the same view")
                .isEqualTo(team.getJsonNumber("id").longValue());
        assertThat(views(b, alice)).hasSize(1);
        Api.admin().post("/api/agents/" + alice + "/active", "{\"active\":false}").expect(200);
        assertThat(views(b, alice)).as("a disabled agent's shared views are off the lists").isEmpty();
    }

    @Test
    void oneNameSavedInTwoCasesAtOnceIsOneView() throws Exception {
        for (int round = 0; round < 5; round++) {
            String login = Fixtures.agent(false);
            Api a = Api.basic(login, Fixtures.PASSWORD);
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<Integer> answers = Fixtures.atOnce(2, () -> a.post("/api/me/views",
                    view(turn.getAndIncrement() == 0 ? "VPN" : "vpn", "tag=vpn", false)).status());
            assertThat(answers).as("round " + round).containsExactlyInAnyOrder(201, 200);
            assertThat(views(a, login)).as("round " + round).hasSize(1);
        }
    }

    @Test
    void aViewWithoutANameOrWithTooLongAQueryIsRefusedSayingWhatToFix() {
        Api a = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        assertThat(a.post("/api/me/views", view(" ", "view=mine", false)).expect(400).json().getString("error"))
                .isEqualTo("invalid_view_name");
        assertThat(a.post("/api/me/views", view("x".repeat(101), "view=mine", false)).expect(400).json()
                .getString("message")).contains("1-100 characters");
        assertThat(a.post("/api/me/views", view("long", "q=" + "x".repeat(2100), false)).expect(400).json()
                .getString("error")).isEqualTo("invalid_view_query");
        a.post("/api/me/views", "").expect(400);
        for (int i = 0; i < 50; i++) {
            a.post("/api/me/views", view("view " + i, "tag=t" + i, false)).expect(201);
        }
        assertThat(a.post("/api/me/views", view("one more", "view=mine", false)).expect(400).json()
                .getString("error")).isEqualTo("too_many_views");
        a.post("/api/me/views", view("view 7", "view=overdue", false)).expect(200); // saved again: no new one
    }
}
