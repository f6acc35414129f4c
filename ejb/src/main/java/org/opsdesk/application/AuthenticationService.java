package org.opsdesk.application;

import java.util.Optional;

/** Checks an agent's credentials: a password (login form, HTTP Basic) or a personal API token. */
public interface AuthenticationService {

    Optional<Caller> byPassword(String login, String password);

    Optional<Caller> byToken(String secret);

    /** The agent behind a login session, if still active (checked on every request of the session). */
    Optional<Caller> bySession(String login);
}
