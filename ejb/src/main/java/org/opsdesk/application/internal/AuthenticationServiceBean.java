package org.opsdesk.application.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.AuthenticationService;
import org.opsdesk.application.Caller;
import org.opsdesk.application.LoginThrottledException;
import org.opsdesk.domain.party.Person;
import org.opsdesk.infrastructure.config.Settings;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.security.KnownCallers;
import org.opsdesk.infrastructure.security.LoginThrottle;
import org.opsdesk.infrastructure.security.PasswordHasher;
import org.opsdesk.infrastructure.security.Secrets;
import org.opsdesk.infrastructure.security.VerifiedCredentials;

@Stateless
public class AuthenticationServiceBean implements AuthenticationService {

    /** last_used_at of a token is written at most this often (no write per request). */
    private static final Duration TOKEN_TOUCH = Duration.ofMinutes(1);

    @Inject
    PersonRepository people;

    @Inject
    VerifiedCredentials verified;

    @Inject
    Settings settings;

    @Inject
    LoginThrottle throttle;

    @Inject
    KnownCallers callers;

    @Inject
    Clock clock;

    @Override
    public Optional<Caller> byPassword(String login, String password, String address) {
        if (login == null || password == null || login.isBlank() || password.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // in flight until the verdict: an account near its lock takes one attempt at a time (see LoginThrottle)
        throttle.attempt(login, address, now).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        Optional<Caller> caller;
        try {
            caller = checkPassword(login, password, now);
        } catch (RuntimeException e) {
            throttle.abandoned(login);
            throw e;
        }
        if (caller.isPresent()) {
            throttle.succeeded(login);
        } else {
            throttle.failed(login, address, now);
        }
        return caller;
    }

    private Optional<Caller> checkPassword(String login, String password, Instant now) {
        // no login holds a control character; a NUL one failed the lookup on PostgreSQL (a 500, not a 401)
        Optional<Person> agent = login.chars().anyMatch(Character::isISOControl) ? Optional.empty()
                : people.agent(login).filter(Person::canWorkTickets);
        if (agent.isEmpty() || agent.get().passwordHash() == null) {
            // spend the same time as a real check: no telling logins apart by timing
            new PasswordHasher(settings.passwordIterations()).verify(password, dummyHash(settings.passwordIterations()));
            return Optional.empty();
        }
        Person p = agent.get();
        if (verified.isFresh(p.login(), password, now)
                || new PasswordHasher(settings.passwordIterations()).verify(password, p.passwordHash())) {
            verified.remember(p.login(), password, now);
            return Optional.of(caller(p));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Caller> byToken(String secret, String address) {
        Instant now = clock.instant();
        throttle.wait(null, address, now).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        if (secret == null || !secret.startsWith(AgentServiceBean.TOKEN_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(secret);
        Optional<KnownCallers.Owned> token = callers.token(hash, now);
        token.map(KnownCallers.Owned::token).ifPresent(t -> {
            if (t.lastUsedAt() == null || t.lastUsedAt().plus(TOKEN_TOUCH).isBefore(now)) {
                people.markTokenUsed(t.id(), now);
                callers.touched(hash, now);
            }
        });
        return token.map(t -> caller(t.owner()));
    }

    @Override
    public Optional<Caller> bySession(String login, String stamp) {
        return callers.activeAgent(login, clock.instant()).filter(a -> a.passwordStamp().equals(stamp))
                .map(AuthenticationServiceBean::caller);
    }

    @Override
    public Optional<String> sessionStamp(String login) {
        return callers.activeAgent(login, clock.instant()).map(KnownCallers.Agent::passwordStamp);
    }

    private static Caller caller(Person p) {
        return new Caller(p.login(), p.displayName(), p.isAdmin());
    }

    private static Caller caller(KnownCallers.Agent a) {
        return new Caller(a.login(), a.displayName(), a.admin());
    }

    private static final java.util.Map<Integer, String> DUMMY_HASHES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A hash of the configured cost to check unknown logins against: a fixed one of 210,000 iterations answered
     * faster or slower than real accounts with OPSDESK_PASSWORD_ITERATIONS set otherwise, telling logins apart.
     */
    private static String dummyHash(int iterations) {
        return DUMMY_HASHES.computeIfAbsent(iterations, i -> new PasswordHasher(i).hash(Secrets.random(18)));
    }
}
