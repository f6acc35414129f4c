package org.opsdesk.web.ui.http;

import java.io.IOException;

import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.application.Caller;
import org.opsdesk.web.security.Callers;

/**
 * A {@code GET} that a page's script makes for JSON (counts, index status, suggestions): the agent's session is
 * required (401 without one), and the answer is never cached ({@link ScriptResponses#json}).
 */
public abstract class SessionJsonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = Callers.orUnauthorized(request, response).orElse(null);
        if (caller != null) {
            ScriptResponses.json(response, answer(request, caller));
        }
    }

    /** What {@code caller} is answered to {@code request}. */
    protected abstract JsonStructure answer(HttpServletRequest request, Caller caller);
}
