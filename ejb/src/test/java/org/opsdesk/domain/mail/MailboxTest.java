package org.opsdesk.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;

class MailboxTest {

    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void defaultsFollowProtocolAndSecurity() {
        Mailbox m = new Mailbox("support", t0);
        m.configure("imap", "mail.example.com", null, "tls", "support", "pw", null, "support", null, null, null);
        assertThat(m.port()).isEqualTo(993);
        assertThat(m.folder()).isEqualTo("INBOX");
        assertThat(m.action()).isEqualTo("correspond");
        Mailbox p = new Mailbox("pop", t0);
        p.configure("POP3", "mail.example.com", null, "PLAIN", "u", "pw", "Other", "support", "comment", 30, true);
        assertThat(p.port()).isEqualTo(110);
        assertThat(p.folder()).isEqualTo("INBOX");
    }

    @Test
    void badValuesAreRefusedWithTheFieldNamed() {
        Mailbox m = new Mailbox("support", t0);
        assertThatThrownBy(() -> m.configure("smtp", "h", null, null, "u", "p", null, "q", null, null, null))
                .isInstanceOf(DomainException.class).hasMessageContaining("protocol");
        assertThatThrownBy(() -> m.configure("IMAP", "h", 70000, null, "u", "p", null, "q", null, null, null))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> m.configure("IMAP", "h", null, null, "u", null, null, "q", null, null, null))
                .hasMessageContaining("password");
        assertThatThrownBy(() -> new Mailbox("../etc", t0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> m.configure("IMAP", "imap.example.com:993", null, null, "u", "p", null, "q", null,
                null, null)).hasMessageContaining("port");
        assertThatThrownBy(() -> m.configure("IMAP", "imap\0.example.com", null, null, "u", "p", null, "q", null,
                null, null)).hasMessageContaining("host");
        m.configure("IMAP", "::1", null, null, "u", "p", null, "q", null, null, null); // IPv6, not a port
        assertThat(m.host()).isEqualTo("::1");
    }

    @Test
    void aDefaultPortFollowsAChangeAndAChosenOneStays() {
        Mailbox m = new Mailbox("support", t0);
        m.configure("IMAP", "h", null, "PLAIN", "u", "p", null, "q", null, null, null);
        assertThat(m.keptPort()).isNull();
        m.configure("IMAP", "h", m.keptPort(), "TLS", "u", null, null, "q", null, null, null);
        assertThat(m.port()).isEqualTo(993);
        m.configure("IMAP", "h", 1993, "TLS", "u", null, null, "q", null, null, null);
        m.configure("POP3", "h", m.keptPort(), "TLS", "u", null, null, "q", null, null, null);
        assertThat(m.port()).isEqualTo(1993);
    }

    @Test
    void oneWorkerAtATimeAndPollsWhenDue() {
        Mailbox m = new Mailbox("support", t0);
        m.configure("IMAP", "h", null, null, "u", "p", null, "q", null, 60, null);
        assertThat(m.isDue(t0)).isTrue();
        m.claim(t0, Duration.ofMinutes(10));
        assertThat(m.isDue(t0.plusSeconds(120))).isFalse();
        m.polled(t0.plusSeconds(1), null);
        assertThat(m.isDue(t0.plusSeconds(30))).isFalse();
        assertThat(m.isDue(t0.plusSeconds(62))).isTrue();
    }

    @Test
    void newSettingsArePolledAtOnceAndTheOldSettingsErrorGoes() {
        Mailbox m = new Mailbox("support", t0);
        m.configure("imap", "mail.example.com", 9, "plain", "support", "pw", null, "support", null, 300, true);
        m.claim(t0, java.time.Duration.ofMinutes(1));
        m.polled(t0, "MailConnectException: Couldn't connect to host, port: mail.example.com, 9");
        assertThat(m.isDue(t0.plusSeconds(10))).isFalse();
        assertThat(m.lastError()).contains("port");

        m.configure("imap", "mail.example.com", 9, "plain", "support", null, null, "other-queue", null, 600, false);
        assertThat(m.lastError()).as("the queue, interval and switch alone: the diagnosis stands").contains("port");

        m.configure("imap", "mail.example.com", null, "plain", "support", null, null, "support", null, 300, true);
        assertThat(m.lastError()).isNull();
        assertThat(m.isDue(t0.plusSeconds(10))).as("not five minutes later").isTrue();
    }
}
