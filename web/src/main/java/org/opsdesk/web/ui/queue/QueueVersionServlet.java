package org.opsdesk.web.ui.queue;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.Caller;
import org.opsdesk.application.TicketService;
import org.opsdesk.web.security.Callers;
import org.opsdesk.web.ui.http.ScriptResponses;

/**
 * {@code GET /queue-version?<the queue view's query>}: the {@link QueueVersion} of the view. The queue
 * view's script asks for it when a change is pushed (or, without push, every few seconds) and refreshes the
 * list when it differs from the one the page was rendered with.
 */
@WebServlet("/queue-version")
public class QueueVersionServlet extends HttpServlet {

    @EJB
    TicketService tickets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = Callers.orUnauthorized(request, response).orElse(null);
        if (caller == null) {
            return;
        }
        String version = QueueVersion.of(tickets, QueueFilter.from(request::getParameter), caller);
        ScriptResponses.text(response, version);
    }
}
