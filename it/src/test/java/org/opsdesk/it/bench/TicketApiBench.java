package org.opsdesk.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.json.Json;

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
 * Benchmark (profile {@code bench}): tickets created over REST with 1 and 2 clients, then the agent's pages
 * (dashboard, a queue of 50 rows, a ticket) as whole HTML answers of a logged-in session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TicketApiBench {

    static final int TICKETS = 1000;
    static final int ROUNDS = 50;
    /** Untimed requests of a page before it is timed (the JIT compiles its path meanwhile), as UiSession does. */
    static final int UNTIMED_ROUNDS = 20;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @Test
    void createTicketsThenTimeThePages() throws Exception {
        String login = Fixtures.agent(true);
        // a Bearer token: the figures are the use case's, not the password hash's
        Api api = Api.token(Api.basic(login, Fixtures.PASSWORD).post("/api/me/tokens", "{\"name\":\"bench\"}")
                .expect(201).json().getString("secret"));
        String queue = Fixtures.queue();
        create(api, queue, 50, 1, false); // warm-up
        long last = 0;
        for (int clients : new int[] {1, 2}) {
            last = create(api, queue, TICKETS, clients, true);
        }
        UiSession ui = new UiSession(login, Fixtures.PASSWORD);
        page(ui, "dashboard", "/dashboard.xhtml");
        page(ui, "queue page, 50 rows", "/queue.xhtml?name=" + queue);
        page(ui, "ticket page", "/ticket.xhtml?n=" + last);
        page(ui, "ticket over REST", "/api/tickets/" + last, api);
    }

    private static void page(UiSession ui, String figure, String path) {
        List<Long> times = ui.time(path, ROUNDS);
        BenchReport.latency("agent-ui", figure, times);
        print(figure, times);
    }

    private static void page(UiSession ui, String figure, String path, Api api) {
        for (int i = 0; i < UNTIMED_ROUNDS; i++) { // untimed first, as the pages are (UiSession)
            api.get(path).expect(200);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            api.get(path).expect(200);
            times.add(System.nanoTime() - t0);
        }
        BenchReport.latency("agent-ui", figure, times);
        print(figure, times);
    }

    private static void print(String figure, List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("bench agent-ui %s p50-ms=%.1f p95-ms=%.1f%n", figure, BenchReport.pct(sorted, 0.50),
                BenchReport.pct(sorted, 0.95));
    }

    /** Creates {@code count} tickets with {@code clients} parallel clients; answers the last ticket's number. */
    private static long create(Api api, String queue, int count, int clients, boolean report) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> numbers = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        Concurrently.run(clients, client -> {
            for (int i = client; i < count; i += clients) {
                long t0 = System.nanoTime();
                numbers.add(api.post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                        .add("subject", "db" + (i % 50) + ".prod.example: disk at 9" + (i % 10) + "%")
                        .add("body", "Bench ticket " + i + ": /var is filling up on db" + (i % 50))
                        .add("requester", "bench" + (i % 200) + "@customer.example").build()).expect(201)
                        .json().getJsonNumber("number").longValue());
                latencies.add(System.nanoTime() - t0);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(numbers).hasSize(count).doesNotHaveDuplicates();
        if (report) {
            System.out.printf("bench rest-create clients=%d tickets=%d seconds=%.1f tickets/s=%.0f%n", clients, count,
                    seconds, count / seconds);
            BenchReport.value("rest-create", "POST /api/tickets, " + clients + " client(s)", count / seconds,
                    "tickets/s");
            BenchReport.latency("rest-create", "one POST /api/tickets, " + clients + " client(s)", latencies);
        }
        return Collections.max(numbers);
    }
}
