package org.opsdesk.it.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Test data that each test creates for itself, with unique names so no test depends on another. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Waits (up to {@code atMost}) until the search index is not rebuilding and holds every committed change. */
    public static void awaitSearchIndexed(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonObject s = Api.admin().get("/api/search/status").expect(200).json();
            return !s.getBoolean("rebuilding") && s.getJsonNumber("pending").longValue() == 0;
        });
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new queue (as admin); answers its name. */
    public static String queue() {
        String name = unique("q");
        Api.admin().post("/api/queues", Json.createObjectBuilder().add("name", name)
                .add("description", "queue of a test")
                .add("correspondAddress", name + "@support.example")
                .add("commentAddress", name + "-comment@support.example").build()).expect(201);
        return name;
    }

    /** A new agent (as admin); answers the login, whose password is {@link #PASSWORD}. */
    public static String agent(boolean admin) {
        String login = unique("agent");
        Api.admin().post("/api/agents", Json.createObjectBuilder().add("login", login).add("displayName", login)
                .add("email", login + "@ops.example").add("password", PASSWORD).add("admin", admin).build())
                .expect(201);
        return login;
    }

    public static final String PASSWORD = "agent-password-1";

    /** A new ticket in {@code queue} from a unique customer; answers the created ticket. */
    public static JsonObject ticket(Api as, String queue, String subject) {
        return as.post("/api/tickets", Json.createObjectBuilder().add("queue", queue).add("subject", subject)
                .add("body", "Body of " + subject).add("requester", unique("customer") + "@customer.example")
                .build()).expect(201).json();
    }

    /** Runs {@code call} on {@code times} threads released together; answers each result, in no particular order. */
    public static <T> java.util.List<T> atOnce(int times, java.util.concurrent.Callable<T> call) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(times);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            java.util.List<T> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
