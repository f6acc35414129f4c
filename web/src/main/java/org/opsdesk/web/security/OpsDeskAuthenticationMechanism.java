package org.opsdesk.web.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.opsdesk.application.AuthenticationService;
import org.opsdesk.application.Caller;
import org.opsdesk.application.LoginThrottledException;

/**
 * How callers prove who they are. The API: HTTP Basic with an agent's login and password, or
 * {@code Authorization: Bearer} with a personal API token, on every request; a missing or wrong
 * credential gets 401 with a JSON error. The agent UI: a login form ({@code POST /login}) that starts a
 * session (new session id on login); pages without one redirect to the login page.
 */
@ApplicationScoped
public class OpsDeskAuthenticationMechanism implements HttpAuthenticationMechanism {

    /**
     * The request attribute set (true) when the request authenticated with an API token: what a token alone may not
     * do (make another token, which would outlive the revocation of a leaked one) asks for it.
     */
    public static final String VIA_TOKEN = "opsdesk.viaToken";


    /** The session attribute that holds the logged-in agent's login. */
    public static final String SESSION_LOGIN = "opsdesk.login";
    /** The password the session was opened with, as a stamp: a changed password ends the session. */
    static final String SESSION_STAMP = "opsdesk.passwordStamp";

    @Inject
    PublicPaths paths;

    @EJB
    AuthenticationService authentication;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        // the path as dispatched (decoded and normalised): the raw URI read /resources/../queue.xhtml as public
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (paths.isApi(path)) {
            return api(request, response, context, path);
        }
        if (path.equals(PublicPaths.LOGIN) && "POST".equals(request.getMethod())) {
            if (isCrossSite(request)) {
                // another site's page would log the browser into an account of its choosing
                return redirect(response, request.getContextPath() + PublicPaths.LOGIN + "?error");
            }
            return formLogin(request, response, context);
        }
        if (path.equals(PublicPaths.LOGOUT)) {
            // the layout's button posts; a link or a form on another site's page (a GET, or a cross-site POST: the
            // session cookie goes along with both) no longer ends the agent's session
            if ("POST".equals(request.getMethod()) && !isCrossSite(request)) {
                HttpSession old = request.getSession(false);
                if (old != null) {
                    old.invalidate();
                }
                return redirect(response, request.getContextPath() + PublicPaths.LOGIN + "?bye");
            }
            return redirect(response, request.getContextPath() + "/");
        }
        String expiry = expiry(request); // before a session of a disabled agent is ended below
        HttpSession session = request.getSession(false);
        String login = session == null ? null : (String) session.getAttribute(SESSION_LOGIN);
        if (login != null) {
            Optional<Caller> caller = authentication.bySession(login, (String) session.getAttribute(SESSION_STAMP));
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(caller.get().login(), groups(caller.get()));
            }
            session.invalidate();
        }
        if (paths.isPublic(path)) {
            return context.doNothing();
        }
        // back to the URL as the browser wrote it (escapes kept): the decoded path serves the access decision only
        String next = nextAfterLogin(request, request.getRequestURI().substring(request.getContextPath().length()));
        return redirect(response, request.getContextPath() + PublicPaths.LOGIN + "?" + expiry + "next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String path) {
        if (request.getRequestURI().toLowerCase(java.util.Locale.ROOT).contains("%2e")) {
            // this check reads the path normalised, JAX-RS routes it as sent: an encoded dot segment could make the
            // two disagree on which endpoint a request is for (an alert intake here, a wiki page there)
            return error(request, response, HttpServletResponse.SC_BAD_REQUEST, "invalid_path",
                    "The path holds an encoded dot (%2e): send it with plain dots and without . or .. segments.");
        }
        if (isCrossSite(request)) {
            return error(request, response, HttpServletResponse.SC_FORBIDDEN, "cross_site_request",
                    "A change sent by another site's page is refused. The API is for scripts and monitoring, which"
                            + " send no Origin or Sec-Fetch-Site header of another site.");
        }
        String header = request.getHeader("Authorization");
        if ((header == null || header.isBlank()) && paths.isSecretIntake(path, request.getQueryString())) {
            return context.doNothing(); // the alert service checks the source's secret
        }
        Credential credential = credential(header);
        if (credential == null) {
            return unauthorized(request, response, header != null && !header.isBlank()
                    ? "Unsupported Authorization header: use Basic (login and password) or Bearer (an API token)."
                    : "Authentication required: HTTP Basic with an agent's login and password,"
                            + " or Authorization: Bearer with an API token.");
        }
        Optional<Caller> caller;
        try {
            caller = validate(credential, request.getRemoteAddr());
        } catch (LoginThrottledException e) {
            return throttled(request, response, e);
        }
        if (caller.isEmpty()) {
            return unauthorized(request, response, credential instanceof ApiTokenCredential
                    ? "The API token is unknown or revoked."
                    : "Wrong login or password.");
        }
        if (credential instanceof ApiTokenCredential) {
            request.setAttribute(VIA_TOKEN, Boolean.TRUE);
        }
        return context.notifyContainerAboutLogin(caller.get().login(), groups(caller.get()));
    }

    /**
     * Whether a browser sent this change from another site's page. A browser that once asked for the API's Basic login
     * keeps the credentials and adds them to any request to the desk, a form posted by another site included
     * (SameSite covers cookies only): such a page could resolve an alert or post a mail. Browsers name the page's
     * site in Sec-Fetch-Site and Origin; scripts and monitoring send neither. Reading (GET, HEAD, OPTIONS) stays open.
     */
    static boolean isCrossSite(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        try {
            java.net.URI o = java.net.URI.create(origin.strip());
            return host == null || o.getHost() == null || !authority(o).equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException opaque) {
            return true; // "null" (a sandboxed page) or anything else that names no site of ours
        }
    }

    /** host[:port] as a Host header writes it: without the scheme's default port. */
    private static String authority(java.net.URI origin) {
        int port = origin.getPort();
        boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(origin.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(origin.getScheme()) && port == 80);
        return defaultPort ? origin.getHost() : origin.getHost() + ":" + port;
    }

    /** Checks a password or a token; the address counts towards the limits on failed logins. */
    private Optional<Caller> validate(Credential credential, String address) {
        if (credential instanceof UsernamePasswordCredential up) {
            return authentication.byPassword(up.getCaller(), up.getPasswordAsString(), address);
        }
        return authentication.byToken(((ApiTokenCredential) credential).secret(), address);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        String next = safeNext(request.getParameter("next"));
        if (user == null || password == null || user.isBlank()) {
            return redirect(response, request.getContextPath() + PublicPaths.LOGIN + "?error&next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        Optional<Caller> caller;
        try {
            caller = authentication.byPassword(user, password, request.getRemoteAddr());
        } catch (LoginThrottledException e) {
            return redirect(response, request.getContextPath() + PublicPaths.LOGIN + "?locked&next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        if (caller.isEmpty()) {
            return redirect(response, request.getContextPath() + PublicPaths.LOGIN + "?error&next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(SESSION_LOGIN, caller.get().login());
        session.setAttribute(SESSION_STAMP, authentication.sessionStamp(caller.get().login()).orElse(""));
        return redirect(response, request.getContextPath() + next);
    }

    /**
     * Where the login leads: the page asked for; for a form sent without a session, the page the form was on (its
     * {@code Referer}, when it is a page of this application): a form posts to its view's bare path, which without
     * the page's parameters ({@code ?n=123}) shows nothing.
     */
    public static String nextAfterLogin(HttpServletRequest request, String path) {
        String asked = safeNext(path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        String referer = request.getHeader("Referer");
        if (!"POST".equals(request.getMethod()) || referer == null) {
            return asked;
        }
        try {
            java.net.URI from = java.net.URI.create(referer);
            String context = request.getContextPath();
            if (from.getHost() == null || !from.getHost().equalsIgnoreCase(request.getServerName())
                    || from.getRawPath() == null || !from.getRawPath().startsWith(context + "/")) {
                return asked;
            }
            String page = from.getRawPath().substring(context.length());
            return safeNext(page + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
        } catch (IllegalArgumentException unreadable) {
            return asked;
        }
    }

    /**
     * Why the login page is shown, when the browser came with a session that has ended (timed out, or the server
     * restarted): {@code expired=form&} when it was sending a form, whose content is lost, {@code expired&} otherwise;
     * {@code ""} for a browser without a session.
     */
    private static String expiry(HttpServletRequest request) {
        if (request.getRequestedSessionId() == null || request.isRequestedSessionIdValid()) {
            return "";
        }
        return "POST".equals(request.getMethod()) ? "expired=form&" : "expired&";
    }

    /** Only paths of this application: no scheme, no host, no protocol-relative "//". */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith(PublicPaths.LOGIN)
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            // browsers drop tabs and line breaks from a URL and read a backslash as a slash: "/<TAB>/evil.example"
            // and "/\\evil.example" would lead off-site
            return "/";
        }
        return next;
    }

    private static Set<String> groups(Caller c) {
        return c.admin() ? Set.of(Roles.AGENT, Roles.ADMIN) : Set.of(Roles.AGENT);
    }

    static Credential credential(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null
                    : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = h.substring(7).strip();
            return token.isEmpty() ? null : new ApiTokenCredential(token);
        }
        return null;
    }

    private static AuthenticationStatus redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static AuthenticationStatus throttled(HttpServletRequest request, HttpServletResponse response,
            LoginThrottledException e) {
        response.setHeader("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return error(request, response, 429, "too_many_failed_logins", e.getMessage());
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
            String message) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"OpsDesk\", Bearer realm=\"OpsDesk\"");
        return error(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", message);
    }

    /** The largest request body read (and dropped) to answer a refusal in full: see {@link #error}. */
    private static final long DRAINED_BODY_LIMIT = 64 * 1024;

    /**
     * Answers the refusal with a JSON body. Only a request read to its end and answered in full is complete; for an
     * incomplete one the container sends its own error page, and an answer already sent makes it log an error at
     * every refused POST. So a small body (up to {@value #DRAINED_BODY_LIMIT} bytes, of a stated length, the client
     * not waiting for a "100 Continue") is read and dropped and the JSON answer sent; a larger one is never read:
     * nobody uploads megabytes, slowly or not, to hear 401. It gets the status and headers with the container's
     * error page, and the connection is closed.
     */
    private static AuthenticationStatus error(HttpServletRequest request, HttpServletResponse response, int status,
            String code, String message) {
        long length = request.getContentLengthLong();
        boolean waitsToSend = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
        boolean noBody = length == 0 || length < 0 && request.getHeader("Transfer-Encoding") == null;
        if (!noBody && (length < 0 || length > DRAINED_BODY_LIMIT || waitsToSend)) {
            response.setHeader("Connection", "close");
            response.setStatus(status);
            return AuthenticationStatus.SEND_FAILURE;
        }
        try {
            if (!noBody) {
                request.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away: the answer below is still tried
        }
        try {
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder()
                    .add("error", code).add("message", message).build().toString());
            // closed, not only flushed: a complete response is not overwritten by the container's error page
            response.getWriter().close();
        } catch (IOException e) {
            // the client went away; nothing else to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
