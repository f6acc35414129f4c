package org.opsdesk.it.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.opsdesk.it.support.Api;

/** An agent logged in through the login form, timing how long the server takes to answer whole pages. */
final class UiSession {

    /** HTTP/1.1, as a browser speaks to a plain-http server (see {@code Api}). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    UiSession(String login, String password) {
        String form = "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(Api.BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() != 303 || r.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.headers().map());
        }
    }

    /** Untimed views of a page before it is timed: the server's JIT compiles the page's code first. */
    static final int WARM_UP = 20;

    /** GETs {@code path} {@value #WARM_UP} times to warm up, then {@code rounds} times; answers the timed ones in ns. */
    List<Long> time(String path, int rounds) {
        for (int i = 0; i < WARM_UP; i++) {
            page(path);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            page(path);
            times.add(System.nanoTime() - t0);
        }
        return times;
    }

    private void page(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).GET().build());
        if (r.statusCode() != 200 || !r.body().contains("</html>")) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
