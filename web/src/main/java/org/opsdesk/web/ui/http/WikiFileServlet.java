package org.opsdesk.web.ui.http;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.WikiService;
import org.opsdesk.application.WikiService.AttachmentData;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.http.SafeFiles;
import org.opsdesk.web.security.Callers;

/**
 * A wiki page's files for the logged-in agent: {@code GET /wiki-files/{page path}/{file}}. Images are shown inline
 * (pages embed them); everything is {@code nosniff} and sandboxed.
 */
@WebServlet("/wiki-files/*")
public class WikiFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    WikiService wiki;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        int slash = info == null ? -1 : info.lastIndexOf('/');
        if (slash <= 0 || slash == info.length() - 1) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (Callers.orUnauthorized(request, response).isEmpty()) {
            return;
        }
        AttachmentData a;
        try {
            // the path info is decoded already: a second decoding made '+' a space and failed on a '%'
            a = wiki.attachment(info.substring(1, slash), info.substring(slash + 1));
        } catch (NotFoundException | DomainException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(SafeFiles.servedAs(a.contentType()));
        response.setHeader("Content-Disposition", SafeFiles.disposition(a.fileName(), a.contentType()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SafeFiles.CSP);
        response.setHeader("Cache-Control", "private, max-age=300");
        response.setContentLength(a.bytes().length);
        response.getOutputStream().write(a.bytes());
    }
}
