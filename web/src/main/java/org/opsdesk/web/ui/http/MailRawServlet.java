package org.opsdesk.web.ui.http;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.mail.InboundMailService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.security.Callers;

/**
 * A quarantined mail's raw bytes for the admin page (Admin → Mail): {@code GET /mail-raw/{id}}, for admins only
 * (the page is theirs; a customer's raw mail holds more than the ticket shows) and for quarantined or ignored mail
 * only (what no ticket shows);
 * always a download, never shown as a page of ours.
 */
@WebServlet("/mail-raw/*")
public class MailRawServlet extends HttpServlet {

    @EJB
    InboundMailService inbound;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (!id.matches("\\d{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Caller caller = Callers.orUnauthorized(request, response).orElse(null);
        if (caller == null) {
            return;
        }
        if (!caller.admin()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        byte[] raw;
        try {
            InboundMailService.RawMail mail = inbound.raw(Long.parseLong(id));
            if (!mail.keptAside()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            raw = mail.raw();
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (DomainException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Downloads.attachment(response, "message/rfc822", "mail-" + id + ".eml", raw);
    }
}
