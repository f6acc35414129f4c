package org.opsdesk.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An open {@code text/event-stream}: its lines as they arrive, read on a thread of its own. */
public final class EventStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String END = "\u0000end";

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code base + path} with this Authorization header (or none) and waits for the answer's headers. */
    public static EventStream open(String base, String path, String authorization) {
        return authorization == null ? openWith(base, path) : openWith(base, path, "Authorization", authorization);
    }

    /** Opens {@code base + path} with these headers (name, value, …) and waits for the answer's headers. */
    public static EventStream openWith(String base, String path, String... headers) {
        // the timeout bounds the wait for the answer's headers, not the stream
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return new EventStream(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /**
     * The lines up to and including the first one that matches, waiting at most {@code timeout} in all.
     *
     * @throws AssertionError when none matched in time or the stream ended; the message has the lines read
     */
    public List<String> until(Predicate<String> wanted, Duration timeout) {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (END.equals(line)) {
                    lines.add(END); // for the next caller too
                }
                if (line == null || END.equals(line)) {
                    throw new AssertionError((line == null ? "no matching line within " + timeout
                            : "the stream ended without a matching line") + "; lines read: " + seen);
                }
                seen.add(line);
                if (wanted.test(line)) {
                    return seen;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for the server to end the stream, at most {@code timeout}; the lines read meanwhile are dropped.
     *
     * @throws AssertionError when it is still open after that
     */
    public void awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            String line;
            do {
                line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("the stream is still open after " + timeout);
                }
            } while (!END.equals(line));
            lines.add(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // closed by close(), or the server went away: the stream ends either way
        } finally {
            lines.add(END);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        reader.interrupt();
    }
}
