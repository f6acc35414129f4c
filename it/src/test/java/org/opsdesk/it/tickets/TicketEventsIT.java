package org.opsdesk.it.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.EventStream;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.support.UiClient;

/** {@code GET /api/events}: committed ticket changes pushed as server-sent events, to authenticated callers only. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TicketEventsIT {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @Test
    void pushesEachCommittedChangeOfATicket() {
        String queue = Fixtures.queue();
        Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        String token = agent.post("/api/me/tokens", "{\"name\":\"events\"}").expect(201).json().getString("secret");
        try (EventStream events = EventStream.open(Api.BASE, "/api/events", "Bearer " + token)) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.contentType()).startsWith("text/event-stream");
            events.until(": connected"::equals, SOON);

            long n = Fixtures.ticket(agent, queue, "pushed to listeners").getJsonNumber("number").longValue();
            List<String> created = events.until(line -> line.startsWith("data: ") && line.contains("\"ticket\":" + n
                    + ","), SOON);
            assertThat(created.get(created.size() - 1)).contains("\"change\":\"created\"");
            assertThat(created.get(created.size() - 2)).isEqualTo("event: ticket");

            agent.post("/api/tickets/" + n + "/comments", "{\"body\":\"looking\"}").expect(201);
            events.until(line -> line.startsWith("data: ") && line.contains("\"ticket\":" + n + ",")
                    && !line.contains("\"change\":\"created\""), SOON);
        }
    }

    @Test
    void refusesCallersWithoutCredentials() {
        try (EventStream events = EventStream.open(Api.BASE, "/api/events", null)) {
            assertThat(events.status()).isEqualTo(401);
        }
        try (EventStream events = EventStream.open(Api.BASE, "/api/events", "Bearer odt_no-such-token")) {
            assertThat(events.status()).isEqualTo(401);
        }
    }

    /**
     * A stream is authenticated when it opens and lasts minutes: it ends when its session logs out (another session's
     * stream goes on), and when the token it was opened with is revoked.
     */
    @Test
    void aStreamEndsWhenItsCallerLogsOutOrItsTokenIsRevoked() {
        String login = Fixtures.agent(false);
        UiClient leaving = UiClient.loggedIn(login, Fixtures.PASSWORD);
        UiClient staying = UiClient.loggedIn(login, Fixtures.PASSWORD);
        Api agent = Api.basic(login, Fixtures.PASSWORD);
        JsonObject issued = agent.post("/api/me/tokens", "{\"name\":\"revoked\"}").expect(201).json();
        try (EventStream left = EventStream.openWith(Api.BASE, "/events", "Cookie", leaving.cookieHeader());
                EventStream stays = EventStream.openWith(Api.BASE, "/events", "Cookie", staying.cookieHeader());
                EventStream byToken = EventStream.open(Api.BASE, "/api/events",
                        "Bearer " + issued.getString("secret"))) {
            for (EventStream s : List.of(left, stays, byToken)) {
                assertThat(s.status()).isEqualTo(200);
                s.until(": connected"::equals, SOON);
            }
            assertThat(leaving.post("/logout", "").statusCode()).isEqualTo(303);
            left.awaitEnd(SOON);
            agent.delete("/api/me/tokens/" + issued.getJsonObject("token").getJsonNumber("id").longValue())
                    .expect(204);
            byToken.awaitEnd(SOON);

            long n = Fixtures.ticket(agent, Fixtures.queue(), "after a logout elsewhere").getJsonNumber("number")
                    .longValue();
            stays.until(line -> line.startsWith("data: ") && line.contains("\"ticket\":" + n + ","), SOON);
        }
    }

    @Test
    void aStreamOpenedWithAPasswordEndsWhenThePasswordIsChanged() {
        String login = Fixtures.agent(false);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((login + ":" + Fixtures.PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (EventStream events = EventStream.open(Api.BASE, "/api/events", basic)) {
            assertThat(events.status()).isEqualTo(200);
            events.until(": connected"::equals, SOON);
            Api.admin().post("/api/agents/" + login + "/password", "{\"password\":\"another-long-password\"}")
                    .expect(204);
            events.awaitEnd(SOON);
        }
    }

    @Test
    void theAgentUiStreamNeedsALoginSession() {
        try (EventStream events = EventStream.open(Api.BASE, "/events", null)) {
            assertThat(events.status()).as("redirected to the login page").isEqualTo(303);
        }
    }
}
