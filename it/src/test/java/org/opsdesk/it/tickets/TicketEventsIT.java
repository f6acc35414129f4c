package org.opsdesk.it.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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

    @Test
    void theAgentUiStreamNeedsALoginSession() {
        try (EventStream events = EventStream.open(Api.BASE, "/events", null)) {
            assertThat(events.status()).as("redirected to the login page").isEqualTo(303);
        }
    }
}
