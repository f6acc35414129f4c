package org.opsdesk.it.support;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

/**
 * A small client of the OpsDesk JSON API for tests: real HTTP against the test server, one
 * credential per instance.
 */
public final class Api {

    public static final String BASE = System.getProperty("opsdesk.it.base.url", "http://127.0.0.1:8180");
    public static final String ADMIN_PASSWORD = System.getProperty("opsdesk.it.admin.password", "it-admin-password-1");

    /**
     * HTTP/1.1, as browsers, curl and the mail gate speak to a plain-http server. The JDK client's default is an h2c
     * upgrade, which no browser does; against the same warm server it measured the 20 search-bench queries at p95
     * 7.7-8.3 ms against 6.4-6.6 ms over HTTP/1.1 (and wrk's own HTTP/1.1 client agreed with the latter).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String authorization;
    private final String base;

    private Api(String authorization) {
        this(authorization, BASE);
    }

    private Api(String authorization, String base) {
        this.authorization = authorization;
        this.base = base;
    }

    /** The same caller against another server (a drill's own). */
    public Api on(String otherBase) {
        return new Api(authorization, otherBase);
    }

    public static Api admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    public static Api basic(String login, String password) {
        return new Api("Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static Api token(String secret) {
        return new Api("Bearer " + secret);
    }

    public static Api anonymous() {
        return new Api(null);
    }

    public static Api withHeader(String authorization) {
        return new Api(authorization);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Reply post(String path, JsonStructure json) {
        return post(path, json.toString());
    }

    /** {@code POST /api/mail/inbound}: one raw message, as the MTA pipe sends it. */
    public Reply mail(String queue, byte[] raw) {
        return mail(queue, "correspond", raw);
    }

    /** {@code POST /api/mail/inbound} with an action: {@code correspond} or {@code comment}. */
    public Reply mail(String queue, String action, byte[] raw) {
        return mailTo("/api/mail/inbound?queue=" + queue + "&action=" + action, raw);
    }

    /** {@code POST} one raw message to {@code pathAndQuery} (an intake URL with its parameters). */
    public Reply mailTo(String pathAndQuery, byte[] raw) {
        return bytes("POST", pathAndQuery, raw, "message/rfc822");
    }

    /** A request whose body is {@code body} as it is (an archive, a file, a mail). */
    public Reply bytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(method + " " + path, r.statusCode(), r.headers(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    public Reply put(String path, JsonStructure json) {
        return send("PUT", path, json.toString(), "application/json");
    }

    public Reply patch(String path, JsonStructure json) {
        return send("PATCH", path, json.toString(), "application/json");
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(method + " " + path, r.statusCode(), r.headers(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    /** An answer: status, headers, body, with JSON accessors. */
    public record Reply(String request, int status, java.net.http.HttpHeaders headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            try (var r = Json.createReader(new StringReader(body()))) {
                return r.readObject();
            }
        }

        public JsonArray array() {
            try (var r = Json.createReader(new StringReader(body()))) {
                return r.readArray();
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Fails with the whole answer unless the status is {@code expected}. */
        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError(request + ": expected " + expected + " but got " + status + ": " + body());
            }
            return this;
        }
    }
}
