package org.opsdesk.web.security;

import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.opsdesk.application.AuthenticationService;
import org.opsdesk.application.Caller;

/**
 * The Jakarta Security identity store of OpsDesk: agents by login and password, or by API token.
 * Groups are the roles: every agent has {@code agent}, admins also {@code admin}.
 */
@ApplicationScoped
public class AgentIdentityStore implements IdentityStore {

    public static final String AGENT = "agent";
    public static final String ADMIN = "admin";

    @EJB
    AuthenticationService authentication;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        Optional<Caller> caller;
        if (credential instanceof UsernamePasswordCredential up) {
            caller = authentication.byPassword(up.getCaller(), up.getPasswordAsString());
        } else if (credential instanceof ApiTokenCredential token) {
            caller = authentication.byToken(token.secret());
        } else {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return caller.map(c -> new CredentialValidationResult(c.login(), c.admin() ? Set.of(AGENT, ADMIN) : Set.of(AGENT)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
