package org.opsdesk.it.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Benchmark clients in parallel: the same task on several threads at once. */
final class Concurrently {

    /** What each client thread does; {@code client} is its number, from 0. */
    interface Client {
        void run(int client) throws Exception;
    }

    private Concurrently() {
    }

    /**
     * Runs {@code client} on {@code clients} threads at once and returns when all are done; a failure of one is
     * thrown (wrapped in an {@link java.util.concurrent.ExecutionException}) and stops the others.
     */
    static void run(int clients, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int number = c;
                parts.add(pool.submit(() -> {
                    client.run(number);
                    return null;
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
