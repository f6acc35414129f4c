package org.opsdesk.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How callers prove who they are: HTTP Basic with an agent's login and password, or
 * {@code Authorization: Bearer} with a personal API token. Every {@code /api} path needs one of them;
 * a missing or wrong credential gets 401 with a JSON error.
 */
@ApplicationScoped
public class OpsDeskAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    PublicPaths publicPaths;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        Credential credential = credential(header);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (credential == null) {
            if (header != null && !header.isBlank()) {
                return unauthorized(response, "Unsupported Authorization header: use Basic (login and password)"
                        + " or Bearer (an API token).");
            }
            return publicPaths.needsAuthentication(path)
                    ? unauthorized(response, "Authentication required: HTTP Basic with an agent's login and password,"
                            + " or Authorization: Bearer with an API token.")
                    : context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(response, credential instanceof ApiTokenCredential
                    ? "The API token is unknown or revoked."
                    : "Wrong login or password.");
        }
        return context.notifyContainerAboutLogin(result);
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

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String message) {
        try {
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"OpsDesk\", Bearer realm=\"OpsDesk\"");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder()
                    .add("error", "unauthorized").add("message", message).build().toString());
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing else to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
