package org.opsdesk.web.security;

import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.opsdesk.application.AuthenticationService;
import org.opsdesk.application.LoginThrottledException;

/**
 * Whether the caller who opened a long-lived response (an event stream) may still have it. A stream is authenticated
 * once, when it opens, and lasts minutes: without a second look, logging out, a changed or reset password, a disabled
 * agent or a revoked token left it sending ticket changes until it ended by itself. The check asks what each request
 * of the same kind would ask: the UI's session (still valid, same agent, same password), an API token (not revoked),
 * HTTP Basic (the agent active with the password the stream was opened with).
 */
public final class StillSignedIn {

    private static final Logger LOG = Logger.getLogger(StillSignedIn.class.getName());

    private StillSignedIn() {
    }

    /** The check for the authenticated {@code request}; {@code api}: it was authenticated as an API request. */
    public static BooleanSupplier of(HttpServletRequest request, boolean api, AuthenticationService authentication) {
        String login = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        if (login == null) {
            return () -> false;
        }
        if (api) {
            Credential credential = OpsDeskAuthenticationMechanism.credential(request.getHeader("Authorization"));
            if (credential instanceof ApiTokenCredential token) {
                String address = request.getRemoteAddr();
                return () -> quietly(() -> authentication.byToken(token.secret(), address).isPresent());
            }
            // Basic: the password is not checked again (a changed one would count as failed logins); its stamp is
            String stamp = authentication.sessionStamp(login).orElse(null);
            return () -> stamp != null && quietly(() -> authentication.bySession(login, stamp).isPresent());
        }
        HttpSession session = request.getSession(false);
        String stamp = session == null ? null
                : (String) session.getAttribute(OpsDeskAuthenticationMechanism.SESSION_STAMP);
        if (stamp == null) {
            return () -> false;
        }
        return () -> quietly(() -> login.equals(session.getAttribute(OpsDeskAuthenticationMechanism.SESSION_LOGIN))
                && authentication.bySession(login, stamp).isPresent());
    }

    /**
     * The check's answer; false for an ended session (which throws) and a locked address; true when the check itself
     * failed (the database away for a moment): every stream ending at once, to reconnect at once, helps no one, and
     * the next check decides.
     */
    private static boolean quietly(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (IllegalStateException | LoginThrottledException e) {
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A stream's caller could not be checked again; checked at the next round", e);
            return true;
        }
    }
}
