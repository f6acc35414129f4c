package org.opsdesk.infrastructure.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The clock every use case reads the time from. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        // microseconds: what both databases keep, so a view built before and after a reload agrees
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
    }
}
