package org.opsdesk.web.ui.http;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.WikiService;
import org.opsdesk.web.http.ContentDisposition;
import org.opsdesk.web.security.Callers;

/**
 * The wiki as a zip of Markdown for the logged-in agent: {@code GET /wiki-export?prefix=}, what {@code GET
 * /api/wiki/export} answers an API login. The tools page linked to the API, which answered a browser's session with
 * a password prompt.
 */
@WebServlet("/wiki-export")
public class WikiExportServlet extends HttpServlet {

    @EJB
    WikiService wiki;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Callers.orUnauthorized(request, response).isEmpty()) {
            return;
        }
        String prefix = request.getParameter("prefix");
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", ContentDisposition.attachment(WikiService.exportFileName(prefix)));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        wiki.export(prefix, response.getOutputStream());
    }
}
