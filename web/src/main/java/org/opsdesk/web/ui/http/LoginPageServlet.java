package org.opsdesk.web.ui.http;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opsdesk.web.security.PublicPaths;

/**
 * The login page ({@code GET /login}). The form posts to {@code /login}, which the authentication
 * mechanism handles: it starts the session and redirects to {@code next}, or back here with
 * {@code ?error}. A plain servlet, so the page needs no session and no view state.
 */
@WebServlet(PublicPaths.LOGIN)
public class LoginPageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String context = request.getContextPath();
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(context + "/");
            return;
        }
        String next = request.getParameter("next");
        String notice = request.getParameter("error") != null
                ? "<p class=\"msg msg-error\" role=\"alert\">Wrong login or password.</p>"
                : request.getParameter("locked") != null
                        ? "<p class=\"msg msg-error\" role=\"alert\">Too many failed logins for this account or"
                                + " from this address: try again in a few minutes.</p>"
                : request.getParameter("bye") != null
                        ? "<p class=\"msg msg-info\" role=\"status\">You are logged out.</p>"
                : "form".equals(request.getParameter("expired"))
                        ? "<p class=\"msg msg-error\" role=\"alert\">Your session had expired, so what you just sent was"
                                + " not saved. Log in again, then send it once more: text typed into a reply, a"
                                + " comment, a new ticket or a wiki page is offered back.</p>"
                : request.getParameter("expired") != null
                        ? "<p class=\"msg msg-info\" role=\"status\">Your session has expired: log in again to go on."
                                + "</p>"
                        : "";
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        PrintWriter out = response.getWriter();
        out.write("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Log in · OpsDesk</title>
                <link rel="stylesheet" href="%1$s/resources/css/opsdesk.css">
                <link rel="icon" type="image/svg+xml" href="%1$s/resources/img/favicon.svg">
                <script src="%1$s/resources/js/timezone.js"></script>
                <script src="%1$s/resources/js/login.js" defer></script>
                </head>
                <body class="login-page">
                <main class="login-box">
                <h1 class="brand">OpsDesk</h1>
                %2$s
                <form method="post" action="%1$s/login" class="stack login-form">
                <input type="hidden" name="next" value="%3$s">
                <label for="username">Login</label>
                <input id="username" name="username" type="text" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit" class="primary">Log in</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(Html.escape(context), notice, Html.escape(next == null ? "/" : next)));
    }
}
