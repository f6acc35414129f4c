package org.opsdesk.web.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.AuthenticationService;
import org.opsdesk.web.security.Callers;
import org.opsdesk.web.security.StillSignedIn;

/**
 * {@code GET /api/events} (Basic or a token, like the API) and {@code GET /events} (the agent UI's
 * session): a {@code text/event-stream} of committed ticket changes (see {@link TicketEventHub}). A
 * stream lasts at most {@value #STREAM_MINUTES} minutes; clients reconnect (EventSource does so by
 * itself, after the {@code retry} it is told). It ends within {@value TicketEventHub#RECHECK_SECONDS} s of its caller
 * logging out, changing password, being disabled or losing the token it used ({@link StillSignedIn}).
 */
@WebServlet(urlPatterns = {"/events", "/api/events"}, asyncSupported = true)
public class TicketEventsServlet extends HttpServlet {

    static final int STREAM_MINUTES = 10;
    private static final int RETRY_MILLIS = 2000;

    @Inject
    TicketEventHub hub;

    @EJB
    AuthenticationService authentication;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Callers.orUnauthorized(request, response).isEmpty()) {
            return;
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass events on as they come
        // before the request goes async: should it fail, the container still ends the request
        var stillAllowed = StillSignedIn.of(request, request.getServletPath().startsWith("/api/"), authentication);
        AsyncContext context = request.startAsync();
        context.setTimeout(STREAM_MINUTES * 60_000L);
        StreamClient stream = new StreamClient(context, hub::leave, stillAllowed);
        // joined first, then greeted: a change committed after the client saw "connected" reaches it
        hub.join(stream);
        stream.send(("retry: " + RETRY_MILLIS + "\n: connected\n\n").getBytes(StandardCharsets.UTF_8));
    }
}
