package org.opsdesk.application;

import java.util.Optional;

/** Checks an agent's credentials: a password (login form, HTTP Basic) or a personal API token. */
public interface AuthenticationService {

    /**
     * The agent whose password this is. {@code address} is the client's: failures count per account and per
     * address, and past the limits the attempt is refused unchecked.
     *
     * @throws LoginThrottledException while the account or the address is locked
     */
    Optional<Caller> byPassword(String login, String password, String address);

    /**
     * The agent whose API token this is. A wrong token does not count as a failed login (256 random bits are not
     * guessed, and a monitoring tool retrying with a revoked token must not lock out its whole address), but an
     * address locked by password guessing is refused here too.
     */
    Optional<Caller> byToken(String secret, String address);

    /**
     * The agent behind a login session, if still active and with the password the session was opened with
     * ({@code stamp}, from {@link #sessionStamp}): a password changed or reset ends the agent's other sessions
     * (checked on every request of the session).
     */
    Optional<Caller> bySession(String login, String stamp);

    /** What a login session of this agent carries, to be given to {@link #bySession}; empty for no active agent. */
    Optional<String> sessionStamp(String login);
}
