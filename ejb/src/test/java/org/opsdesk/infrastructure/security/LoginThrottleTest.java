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
    void attemptsSentTogetherAreCountedBeforeAnyIsChecked() throws Exception {
        // looked at apart from the count, 32 guesses sent together all passed before the first failure was counted
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> let = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            let.add(pool.submit(() -> {
                go.await();
                return throttle.attempt("ann", "10.0.0." + Thread.currentThread().getId() % 200, T0).isEmpty();
            }));
        }
        go.countDown();
        int through = 0;
        for (java.util.concurrent.Future<Boolean> f : let) {
            through += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(through).as("guesses let through for the account's limit of five").isEqualTo(5);
    }

    @Test
    void aRightPasswordTakesItsAttemptBack() {
        for (int i = 0; i < 29; i++) {
            assertThat(throttle.attempt("ann" + i, "203.0.113.9", T0)).isEmpty();
            throttle.succeeded("ann" + i, "203.0.113.9");
        }
        assertThat(throttle.attempt("bob", "203.0.113.9", T0)).as("no failures left on the address").isEmpty();
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.attempt("bob", "203.0.113.9", T0)).isEmpty();
        }
        assertThat(throttle.attempt("bob", "203.0.113.9", T0)).as("the account's five").isPresent();
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
