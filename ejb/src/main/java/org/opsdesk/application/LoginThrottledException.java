package org.opsdesk.application;

import java.time.Duration;

import jakarta.ejb.ApplicationException;

/**
 * Too many failed logins for this account or from this address: refused without checking the credential
 * (answered with 429 and {@code Retry-After}).
 */
@ApplicationException
public class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins for this account or from this address; try again in "
                + Math.max(1, (retryAfter.toSeconds() + 59) / 60) + " minute(s).");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
