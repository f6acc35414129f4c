package org.opsdesk.it.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opsdesk.it.support.UiClient;


/** An agent logged in through the login form, timing how long the server takes to answer whole pages. */
final class UiSession {

    private final UiClient ui;

    UiSession(String login, String password) {
        ui = UiClient.loggedIn(login, password);
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
        HttpResponse<byte[]> r = ui.get(path);
        if (r.statusCode() != 200 || !new String(r.body(), StandardCharsets.UTF_8).contains("</html>")) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
    }
}
