package org.opsdesk.web.ui.http;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.TicketViews.AttachmentData;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.security.Callers;

/**
 * Downloads of a ticket's files for the logged-in agent: an attachment, {@code GET /attachments/{ticket}/{id}}, and
 * the mail a message was read from, {@code GET /originals/{ticket}/{message}}. Always a download ({@code
 * Content-Disposition: attachment}, {@code nosniff}, a sandboxing CSP), never rendered as a page of ours.
 */
@WebServlet({"/attachments/*", "/originals/*"})
public class AttachmentServlet extends HttpServlet {

    @EJB
    TicketService tickets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        if (parts.length != 3 || !parts[1].matches("\\d{1,18}") || !parts[2].matches("\\d{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Caller caller = Callers.orUnauthorized(request, response).orElse(null);
        if (caller == null) {
            return;
        }
        AttachmentData a;
        try {
            long number = Long.parseLong(parts[1]);
            long id = Long.parseLong(parts[2]);
            a = "/originals".equals(request.getServletPath()) ? tickets.originalMail(number, id, caller)
                    : tickets.attachment(number, id, caller);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (DomainException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Downloads.attachment(response, a.contentType(), a.filename(), a.bytes());
    }
}
