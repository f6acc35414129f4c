package org.opsdesk.infrastructure.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers for a few minutes that a login's password checked out, keyed by a SHA-256 of login and
 * password (never the password), so HTTP Basic clients do not pay the slow hash on every request.
 * Forgotten at once when the password changes or the agent is disabled.
 */
@ApplicationScoped
public class VerifiedCredentials {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final String pepper = Secrets.random(16);

    public boolean isFresh(String login, String password, Instant now) {
        Instant until = verified.get(key(login, password));
        return until != null && now.isBefore(until);
    }

    public void remember(String login, String password, Instant now) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key(login, password), now.plus(TTL));
    }

    public void forget(String login) {
        verified.keySet().removeIf(k -> k.startsWith(login + ":"));
    }

    private String key(String login, String password) {
        return login + ":" + Secrets.sha256Hex(pepper + "\u0000" + login + "\u0000" + password);
    }
}
