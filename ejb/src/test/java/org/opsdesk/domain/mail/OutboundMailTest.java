package org.opsdesk.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutboundMailTest {

    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");

    private OutboundMail mail() {
        return new OutboundMail(new OutboundMail.Envelope(OutboundMail.Kind.REPLY, 1L, null, "opsdesk.1.x.y@ex",
                "support@ex.example", "Alice\r\nBcc: evil@x", "support@ex.example", List.of("c@customer.example"),
                List.of(), "Subject\r\nBcc: evil@x", "body", null, null, null, null), t0);
    }

    @Test
    void recipientsWithCommasInAQuotedLocalPartComeBackWhole() {
        List<String> to = List.of("\"smith, john\"@example.com", "b@example.com");
        List<String> cc = List.of("\"a\\\"@example.com", "c@example.com"); // a backslash, then the closing quote
        OutboundMail m = new OutboundMail(new OutboundMail.Envelope(OutboundMail.Kind.REPLY, 1L, null,
                "opsdesk.1.x.y@ex", "support@ex.example", null, "support@ex.example", to, cc, "s", "body", null, null,
                null, null), t0);

        assertThat(m.to()).isEqualTo(to);
        assertThat(m.cc()).isEqualTo(cc);
    }

    @Test
    void headersCarryNoLineBreaks() {
        OutboundMail m = mail();
        assertThat(m.subject()).doesNotContain("\r", "\n");
        assertThat(m.fromName()).doesNotContain("\r", "\n");
    }

    @Test
    void failuresBackOffDoublingUntilGivenUp() {
        OutboundMail m = mail();
        m.claim(t0, Duration.ofMinutes(5));
        m.failed("connection refused", t0, Duration.ofSeconds(30));
        assertThat(m.state()).isEqualTo(OutboundMail.State.QUEUED);
        assertThat(m.nextAttemptAt()).isEqualTo(t0.plusSeconds(30));
        m.failed("connection refused", t0, Duration.ofSeconds(30));
        assertThat(m.nextAttemptAt()).isEqualTo(t0.plusSeconds(60));
        for (int i = 0; i < 10; i++) {
            m.failed("x", t0, Duration.ofSeconds(30));
        }
        assertThat(m.nextAttemptAt()).isEqualTo(t0.plusSeconds(3600));
        while (m.state() != OutboundMail.State.FAILED) {
            m.failed("x", t0, Duration.ofSeconds(30));
        }
        assertThat(m.attempts()).isEqualTo(OutboundMail.MAX_ATTEMPTS);
    }

    @Test
    void sentClearsTheError() {
        OutboundMail m = mail();
        m.failed("x", t0, Duration.ofSeconds(1));
        m.claim(t0, Duration.ofMinutes(5));
        m.sent(t0);
        assertThat(m.state()).isEqualTo(OutboundMail.State.SENT);
        assertThat(m.lastError()).isNull();
    }

    @Test
    void sentToSomeKeepsWhoDidNotGetIt() {
        OutboundMail m = mail();
        m.claim(t0, Duration.ofMinutes(5));
        m.sent(t0, "the relay refused nobody@example.com\r\n(550 5.1.1 User unknown)");
        assertThat(m.state()).isEqualTo(OutboundMail.State.SENT);
        assertThat(m.lastError()).isEqualTo("the relay refused nobody@example.com (550 5.1.1 User unknown)");
    }

    @Test
    void refusedForGoodFailsAtOnce() {
        OutboundMail m = mail();
        m.claim(t0, Duration.ofMinutes(5));
        m.refused("The relay refused nobody@example.com: 550 5.1.1 User unknown", t0);
        assertThat(m.state()).isEqualTo(OutboundMail.State.FAILED);
        assertThat(m.attempts()).isEqualTo(1);
        assertThat(m.isDue(t0.plus(Duration.ofDays(1)))).as("never retried").isFalse();
    }

    /** A claimed mail is no sender's to take until the lease is over; then (its sender gone) it is due again. */
    @Test
    void aClaimedMailIsDueAgainOnlyAfterItsLease() {
        OutboundMail m = mail();
        assertThat(m.isDue(t0)).isTrue();
        m.claim(t0, Duration.ofMinutes(5));
        assertThat(m.state()).isEqualTo(OutboundMail.State.SENDING);
        assertThat(m.isDue(t0.plusSeconds(299))).isFalse();
        assertThat(m.isDue(t0.plusSeconds(300))).isTrue();
        m.sent(t0.plusSeconds(10));
        assertThat(m.isDue(t0.plusSeconds(3600))).isFalse();
    }
}
