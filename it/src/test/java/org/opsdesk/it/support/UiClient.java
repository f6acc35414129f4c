package org.opsdesk.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The agent UI's side of HTTP without a browser: a session cookie from the login form, then plain requests to the
 * UI's pages and servlets ({@code /attachments/…}, {@code /search-suggest}, …), answers as bytes. Redirects are not
 * followed, so a test sees where the server sends it.
 */
public final class UiClient {

    private final CookieManager cookies = new CookieManager();

    /** HTTP/1.1, as a browser speaks to a plain-http server (see {@link Api}). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A client without a session. */
    public static UiClient anonymous() {
        return new UiClient();
    }

    /** A client logged in through the login form. */
    public static UiClient loggedIn(String login, String password) {
        UiClient client = new UiClient();
        String form = "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() != 303 || r.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.headers().map());
        }
        return client;
    }

    /** A form post ({@code application/x-www-form-urlencoded}) with these extra headers (name, value, …). */
    public HttpResponse<byte[]> post(String path, String form, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    /** The session's cookies as a {@code Cookie} header sends them, for a request made by another client. */
    public String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "="
                + c.getValue()).toList());
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).GET().build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
