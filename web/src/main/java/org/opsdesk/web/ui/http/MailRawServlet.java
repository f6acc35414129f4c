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
 * A quarantined mail's raw bytes for the logged-in admin page ({@code GET /mail-raw/{id}}), as {@code GET
 * /api/mail/quarantine/{id}/raw} answers an API login: always a download, never shown as a page of ours.
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
        byte[] raw;
        try {
            inbound.checkReprocessable(Long.parseLong(id), caller);
            raw = inbound.raw(Long.parseLong(id)).raw();
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (DomainException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("message/rfc822");
        response.setHeader("Content-Disposition", "attachment; filename=\"mail-" + id + ".eml\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setContentLength(raw.length);
        response.getOutputStream().write(raw);
    }
}
