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

    /**
     * Failures so far and, once over the limit, the time until which attempts are refused; for an account, the
     * attempts in flight (see {@link #attempt}).
     */
    private record Counter(int failures, Instant first, Instant last, Instant lockedUntil, int pending) {
    }

    /** How long this login from this address must wait, if it must. */
    public Optional<Duration> wait(String login, String address, Instant now) {
        Instant until = later(lockedUntil(accounts.get(key(login)), now),
                address == null ? null : lockedUntil(addresses.get(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    private static Instant lockedUntil(Counter c, Instant now) {
        return c != null && c.lockedUntil() != null && now.isBefore(c.lockedUntil()) ? c.lockedUntil() : null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /**
     * A password attempt about to be checked: the wait when the account or the address is locked, else empty, and the
     * attempt is then in flight until {@link #succeeded}, {@link #failed} or {@link #abandoned}. An account one failure
     * from its lock (or past a lock that ran out) takes one attempt at a time: looked at apart from the count, guesses
     * sent together all passed before the first failure was counted (a check takes a fifth of a second), a worker
     * pool's worth per lock instead of one. An account without failures takes any number at once (a script's
     * parallel requests).
     */
    public Optional<Duration> attempt(String login, String address, Instant now) {
        Optional<Duration> locked = wait(login, address, now);
        if (locked.isPresent() || login == null || login.isBlank()) {
            return locked;
        }
        boolean[] busy = new boolean[1];
        bounded(accounts, now);
        accounts.compute(key(login), (k, c) -> {
            if (c == null) {
                return new Counter(0, now, now, null, 1);
            }
            if (c.failures() >= perAccount - 1 && c.pending() > 0) {
                busy[0] = true; // another attempt decides first whether the account locks
                return c;
            }
            return new Counter(c.failures(), c.first(), now, c.lockedUntil(), c.pending() + 1);
        });
        return busy[0] ? Optional.of(Duration.ofSeconds(1)) : Optional.empty();
    }

    /** An attempt of {@link #attempt} that ended without a verdict on the password (a failure of the check itself). */
    public void abandoned(String login) {
        if (login != null && !login.isBlank()) {
            accounts.computeIfPresent(key(login), (k, c) -> c.failures() == 0 && c.pending() <= 1 ? null
                    : new Counter(c.failures(), c.first(), c.last(), c.lockedUntil(), Math.max(0, c.pending() - 1)));
        }
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

    private Counter accountFailure(Counter c, Instant now) {
        int failures = c == null ? 1 : c.failures() + 1;
        Instant locked = null;
        if (failures >= perAccount) {
            long doublings = Math.min(failures - perAccount, 10);
            Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
            locked = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
        }
        return new Counter(failures, c == null ? now : c.first(), now, locked,
                c == null ? 0 : Math.max(0, c.pending() - 1));
    }

    private Counter addressFailure(Counter c, Instant now) {
        Counter fresh = c == null || c.first().plus(ADDRESS_WINDOW).isBefore(now) && lockedUntil(c, now) == null
                ? new Counter(0, now, now, null, 0) : c;
        int failures = fresh.failures() + 1;
        Instant locked = failures >= perAddress ? now.plus(ADDRESS_WINDOW) : fresh.lockedUntil();
        return new Counter(failures, fresh.first(), now, locked, 0);
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
