package org.opsdesk.infrastructure.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opsdesk.infrastructure.config.Settings;

/**
 * Slows down password guessing, per account and per client address (like Znuny's and Zammad's lockouts, but
 * time-limited so a guesser cannot lock a colleague out for good).
 * <ul>
 * <li>An account: after {@code perAccount} failed logins in a row, password logins to it are refused for a
 * minute, doubling with each further failure up to 15 minutes. Refused means refused even with the right
 * password; API tokens still work. A successful login starts the count again.</li>
 * <li>An address: after {@code perAddress} failed logins (any account) within 10 minutes,
 * password and token logins from it are refused for 10 minutes. Behind a reverse proxy the address must be the client's
 * (see the README).</li>
 * </ul>
 * A refused attempt is answered without the slow hash. Memory is bounded: at most {@code MAX_ENTRIES}
 * counters of each kind; past that the oldest quiet ones are dropped first.
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 50_000;

    /** The limits; their defaults live with the other settings ({@link Settings#loginFailuresPerAccount()}). */
    private int perAccount;
    private int perAddress;
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    @Inject
    Settings settings;

    public LoginThrottle() {
    }

    LoginThrottle(int perAccount, int perAddress) {
        limits(perAccount, perAddress);
    }

    @PostConstruct
    void configure() {
        limits(settings.loginFailuresPerAccount(), settings.loginFailuresPerAddress());
    }

    private void limits(int account, int address) {
        if (account < 1 || address < 1) {
            throw new IllegalArgumentException("OPSDESK_LOGIN_FAILURES_PER_ACCOUNT and _PER_ADDRESS must be at least 1");
        }
        this.perAccount = account;
        this.perAddress = address;
    }

    /** Failures so far and, once over the limit, the time until which attempts are refused. */
    private record Counter(int failures, Instant first, Instant last, Instant lockedUntil) {
    }

    /** How long this login from this address must wait, if it must. */
    public Optional<Duration> wait(String login, String address, Instant now) {
        Instant until = later(lockedUntil(accounts.get(key(login)), now), lockedUntil(addresses.get(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    private static Instant lockedUntil(Counter c, Instant now) {
        return c != null && c.lockedUntil() != null && now.isBefore(c.lockedUntil()) ? c.lockedUntil() : null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /**
     * A password attempt, counted as a failure before the slow check, in one step with the look at the locks: the
     * wait when the account or the address is locked (nothing counted), else empty, and {@link #succeeded} takes the
     * count back for a right password. Looked at apart, requests sent together all passed before any failure was
     * counted (a check takes a fifth of a second): a worker pool's worth of guesses per lock instead of one.
     */
    public Optional<Duration> attempt(String login, String address, Instant now) {
        Instant[] lockedUntil = new Instant[1];
        if (address != null) {
            bounded(addresses, now);
            addresses.compute(address, (k, c) -> {
                lockedUntil[0] = lockedUntil(c, now);
                return lockedUntil[0] != null ? c : addressFailure(c, now);
            });
            if (lockedUntil[0] != null) {
                return Optional.of(Duration.between(now, lockedUntil[0]));
            }
        }
        if (login != null && !login.isBlank()) {
            bounded(accounts, now);
            accounts.compute(key(login), (k, c) -> {
                lockedUntil[0] = lockedUntil(c, now);
                return lockedUntil[0] != null ? c : accountFailure(c, now);
            });
            if (lockedUntil[0] != null) {
                forgive(address);
                return Optional.of(Duration.between(now, lockedUntil[0]));
            }
        }
        return Optional.empty();
    }

    /** A right password after {@link #attempt}: the account's count starts again, the address's failure is undone. */
    public void succeeded(String login, String address) {
        succeeded(login);
        forgive(address);
    }

    private void forgive(String address) {
        if (address != null) {
            addresses.computeIfPresent(address, (k, c) -> c.failures() <= 1 && c.lockedUntil() == null ? null
                    : new Counter(c.failures() - 1, c.first(), c.last(),
                            c.failures() - 1 >= perAddress ? c.lockedUntil() : null));
        }
    }

    private Counter accountFailure(Counter c, Instant now) {
        int failures = c == null ? 1 : c.failures() + 1;
        Instant locked = null;
        if (failures >= perAccount) {
            long doublings = Math.min(failures - perAccount, 10);
            Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
            locked = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
        }
        return new Counter(failures, c == null ? now : c.first(), now, locked);
    }

    private Counter addressFailure(Counter c, Instant now) {
        Counter fresh = c == null || c.first().plus(ADDRESS_WINDOW).isBefore(now) && lockedUntil(c, now) == null
                ? new Counter(0, now, now, null) : c;
        int failures = fresh.failures() + 1;
        Instant locked = failures >= perAddress ? now.plus(ADDRESS_WINDOW) : fresh.lockedUntil();
        return new Counter(failures, fresh.first(), now, locked);
    }

    /** A wrong password (with a null login only the address counts). */
    public void failed(String login, String address, Instant now) {
        if (login != null && !login.isBlank()) {
            bounded(accounts, now);
            accounts.compute(key(login), (k, c) -> accountFailure(c, now));
        }
        if (address != null) {
            bounded(addresses, now);
            addresses.compute(address, (k, c) -> addressFailure(c, now));
        }
    }

    /** A correct password: the account's count starts again (the address's does not). */
    public void succeeded(String login) {
        accounts.remove(key(login));
    }

    private static String key(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }

    /** Drops counters that are over and quiet; if still full, the oldest. */
    private static void bounded(Map<String, Counter> map, Instant now) {
        if (map.size() < MAX_ENTRIES) {
            return;
        }
        map.values().removeIf(c -> lockedUntil(c, now) == null && c.last().plus(LONGEST_LOCK).isBefore(now));
        if (map.size() >= MAX_ENTRIES) {
            map.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> a.last().compareTo(b.last())))
                    .ifPresent(e -> map.remove(e.getKey()));
        }
    }
}
