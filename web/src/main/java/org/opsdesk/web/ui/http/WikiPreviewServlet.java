package org.opsdesk.web.ui.http;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.WikiService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.security.Callers;

/**
 * The editor's live preview: {@code POST /wiki-preview} with {@code path} and {@code markdown} (form-encoded)
 * answers the rendered HTML (the one renderer, raw HTML escaped). Read-only, so it needs no form token.
 */
@WebServlet("/wiki-preview")
public class WikiPreviewServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    WikiService wiki;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Callers.orUnauthorized(request, response).isEmpty()) {
            return;
        }
        request.setCharacterEncoding("UTF-8");
        String markdown = request.getParameter("markdown");
        String html;
        try {
            html = wiki.preview(request.getParameter("path"), markdown);
        } catch (DomainException e) { // a bad path, or a text longer than a page may be
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        ScriptResponses.html(response, html);
    }
}
