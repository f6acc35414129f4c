package org.opsdesk.infrastructure.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.PersonRepository.AgentRow;
import org.opsdesk.infrastructure.persistence.PersonRepository.TokenRow;

/**
 * Who the active agents are and whose each API token is, remembered for a short while, so that a request with a
 * token or a UI session does not read the database again for what the last request read (two reads of every API
 * request, a tenth of a search's time).
 *
 * <p>Any change to a person or a token ({@link CallerChanges}, on every update or delete JPA writes) forgets all of
 * it at once: when the change is flushed, and again when its transaction ends, since a request that read the
 * database between those two moments read the old state. What a request read is remembered only if nothing changed
 * since it began to read. Changes made behind JPA's back (SQL by hand) are seen within {@link #TTL}. Unknown and
 * revoked tokens and inactive agents are not remembered: they are read every time. What is remembered is read as
 * values ({@link AgentRow}, {@link TokenRow}), never as entities: a persistence context may hold an entity as it was
 * before a change, and remembering that after the change would undo the forgetting.
 */
@ApplicationScoped
public class KnownCallers {

    /** How long an entry is trusted without a change: the bound on changes JPA does not see. */
    static final Duration TTL = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    /** An active agent, as a caller. */
    public record Agent(String login, String displayName, boolean admin, String passwordStamp) {
    }

    /** A valid token: its id, its owner's login and when it was last marked as used. */
    public record Token(long id, String login, Instant lastUsedAt) {
    }

    /** A valid token with its owner. */
    public record Owned(Token token, Agent owner) {
    }

    private record Timed<T>(T value, Instant until) {
    }

    private final Map<String, Timed<Agent>> agents = new ConcurrentHashMap<>();
    private final Map<String, Timed<Token>> tokens = new ConcurrentHashMap<>();
    /** Moves on with every change: a reading begun in an older generation is not remembered. */
    private final AtomicLong generation = new AtomicLong();
    /** The key under which a transaction holds its "forget at the end" registration. */
    private final Object registered = new Object();

    @Inject
    PersonRepository people;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The active agent of this login (normalised as stored), or empty when there is none. */
    public Optional<Agent> activeAgent(String login, Instant now) {
        if (login == null) {
            return Optional.empty();
        }
        Timed<Agent> known = agents.get(login);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.value());
        }
        long readAt = generation.get();
        Optional<Agent> agent = people.agentRow(login).filter(AgentRow::canWorkTickets).map(KnownCallers::agent);
        agent.ifPresent(a -> remember(agents, login, new Timed<>(a, now.plus(TTL)), readAt));
        return agent;
    }

    /**
     * The valid token of this SHA-256 and its owner, an active agent; empty when the token is unknown or revoked or
     * its owner cannot work tickets.
     */
    public Optional<Owned> token(String hash, Instant now) {
        Timed<Token> known = tokens.get(hash);
        if (known != null && now.isBefore(known.until())) {
            return activeAgent(known.value().login(), now).map(owner -> new Owned(known.value(), owner));
        }
        long readAt = generation.get();
        Optional<TokenRow> found = people.tokenRowByHash(hash)
                .filter(t -> t.revokedAt() == null && t.owner().canWorkTickets());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TokenRow row = found.get();
        Owned owned = new Owned(new Token(row.id(), row.owner().login(), row.lastUsedAt()), agent(row.owner()));
        Instant until = now.plus(TTL);
        remember(agents, owned.owner().login(), new Timed<>(owned.owner(), until), readAt);
        remember(tokens, hash, new Timed<>(owned.token(), until), readAt);
        return Optional.of(owned);
    }

    /** Notes that a token was marked as used (its row written at {@code now}). */
    public void touched(String hash, Instant now) {
        tokens.computeIfPresent(hash,
                (h, t) -> new Timed<>(new Token(t.value().id(), t.value().login(), now), t.until()));
    }

    /**
     * Forgets everything, now and when the current transaction (if any) ends. Called by {@link CallerChanges} for
     * every change of a person or a token that JPA writes.
     */
    public void changed() {
        forgetAll();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                && transactions.getResource(registered) == null) {
            transactions.putResource(registered, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing: only the end counts
                }

                @Override
                public void afterCompletion(int status) {
                    forgetAll();
                }
            });
        }
    }

    private void forgetAll() {
        generation.incrementAndGet();
        agents.clear();
        tokens.clear();
    }

    /**
     * Remembers what was read in generation {@code readAt}, unless a change came since. A change that comes while
     * this runs either finds the entry (and clears it) or has moved the generation on (and this takes it back).
     */
    private <T> void remember(Map<String, Timed<T>> map, String key, Timed<T> value, long readAt) {
        if (generation.get() != readAt) {
            return;
        }
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, value);
        if (generation.get() != readAt) {
            map.remove(key, value);
        }
    }

    private static Agent agent(AgentRow row) {
        return new Agent(row.login(), row.displayName(), row.admin(), row.passwordStamp());
    }
}
