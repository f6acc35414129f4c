package org.opsdesk.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(5, 30);

    private void fail(String login, String address, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            throttle.failed(login, address, at);
        }
    }

    @Test
    void anAccountIsLockedAfterFiveFailuresForAMinuteThenLongerEachTime() {
        fail("ann", "10.0.0.1", 4, T0);
        assertThat(throttle.wait("ann", "10.0.0.1", T0)).isEmpty();
        throttle.failed("ann", "10.0.0.2", T0);
        assertThat(throttle.wait("ann", "10.0.0.3", T0)).contains(Duration.ofMinutes(1));
        assertThat(throttle.wait("ANN ", "10.0.0.3", T0)).as("logins compare case-blind").isPresent();
        assertThat(throttle.wait("bob", "10.0.0.1", T0)).as("another account, same address").isEmpty();
        Instant later = T0.plusSeconds(61);
        assertThat(throttle.wait("ann", "10.0.0.1", later)).isEmpty();
        throttle.failed("ann", "10.0.0.1", later);
        assertThat(throttle.wait("ann", "10.0.0.1", later)).contains(Duration.ofMinutes(2));
        fail("ann", "10.0.0.1", 20, later);
        assertThat(throttle.wait("ann", "10.0.0.1", later)).contains(LoginThrottle.LONGEST_LOCK);
    }

    @Test
    void anAccountOneFailureFromItsLockTakesOneAttemptAtATime() throws Exception {
        // looked at apart from the count, 32 guesses sent together all passed before the first failure was counted
        fail("ann", "10.0.0.1", 4, T0);
        assertThat(concurrentAttempts("ann", T0)).as("guesses let through at once").isEqualTo(1);
        throttle.failed("ann", "10.0.0.1", T0); // the one that went through was wrong: locked
        assertThat(throttle.attempt("ann", "10.0.0.1", T0)).isPresent();
        Instant later = T0.plus(LoginThrottle.FIRST_LOCK).plusSeconds(1);
        assertThat(concurrentAttempts("ann", later)).as("after the lock, again one at a time").isEqualTo(1);
    }

    @Test
    void anAccountWithoutFailuresTakesParallelRequests() throws Exception {
        // a script's parallel requests with the right password: nothing to hold back
        assertThat(concurrentAttempts("bob", T0)).isEqualTo(32);
    }

    private int concurrentAttempts(String login, Instant at) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> let = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int n = i;
            let.add(pool.submit(() -> {
                go.await();
                return throttle.attempt(login, "10.0.1." + n, at).isEmpty();
            }));
        }
        go.countDown();
        int through = 0;
        for (java.util.concurrent.Future<Boolean> f : let) {
            through += f.get() ? 1 : 0;
        }
        pool.shutdown();
        return through;
    }

    @Test
    void aSuccessStartsTheAccountCountAgain() {
        fail("ann", "10.0.0.1", 4, T0);
        throttle.succeeded("ann");
        fail("ann", "10.0.0.1", 4, T0);
        assertThat(throttle.wait("ann", "10.0.0.1", T0)).isEmpty();
    }

    @Test
    void anAddressIsLockedAfterThirtyFailuresWithinTenMinutesWhateverTheAccount() {
        for (int i = 0; i < 29; i++) {
            throttle.failed("user" + i, "203.0.113.9", T0.plusSeconds(i));
        }
        assertThat(throttle.wait("someone", "203.0.113.9", T0.plusSeconds(30))).isEmpty();
        throttle.failed(null, "203.0.113.9", T0.plusSeconds(30)); // no login named: only the address counts
        assertThat(throttle.wait("someone", "203.0.113.9", T0.plusSeconds(30))).contains(Duration.ofMinutes(10));
        assertThat(throttle.wait(null, "203.0.113.9", T0.plusSeconds(30))).isPresent();
        assertThat(throttle.wait("someone", "198.51.100.1", T0.plusSeconds(30))).isEmpty();
        assertThat(throttle.wait("someone", "203.0.113.9", T0.plusSeconds(30 + 601))).isEmpty();
    }

    @Test
    void slowFailuresFromAnAddressDoNotAddUp() {
        for (int i = 0; i < 60; i++) {
            throttle.failed("user" + i, "203.0.113.9", T0.plus(Duration.ofMinutes(11L * i)));
        }
        assertThat(throttle.wait("x", "203.0.113.9", T0.plus(Duration.ofMinutes(11L * 60)))).isEmpty();
    }
}
