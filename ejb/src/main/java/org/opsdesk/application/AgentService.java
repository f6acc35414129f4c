package org.opsdesk.application;

import java.time.Instant;
import java.util.List;

/** Agents and their API tokens. Admins manage agents; every agent manages their own tokens. */
public interface AgentService {

    record AgentView(String login, String displayName, String email, boolean admin, boolean active) {
    }

    /** {@code admin}: null for no (a JSON body may leave it out; a boxed field takes true or false only). */
    record CreateAgent(String login, String displayName, String email, String password, Boolean admin) {
    }

    record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** A new token: {@code secret} is shown this once and stored only as a hash. */
    record NewToken(TokenView token, String secret) {
    }

    List<AgentView> list(Caller caller);

    AgentView get(String login, Caller caller);

    AgentView create(CreateAgent command, Caller caller);

    /** Enables ({@code true}) or disables an agent; {@code null} is refused (a missing field must not enable). */
    AgentView setActive(String login, Boolean active, Caller caller);

    /** An admin grants or withdraws the admin role (never their own, so an admin always remains). */
    AgentView setAdmin(String login, Boolean admin, Caller caller);

    /**
     * An admin resets anyone else's password; an agent changes their own, giving the current one
     * ({@code currentPassword}): a leaked API token must not be enough to take the account over.
     */
    void changePassword(String login, String newPassword, String currentPassword, Caller caller);

    NewToken createToken(String name, Caller caller);

    List<TokenView> tokens(Caller caller);

    void revokeToken(long id, Caller caller);
}
