package org.opsdesk.mail.inbound.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import javax.net.ssl.SSLHandshakeException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import org.junit.jupiter.api.Test;

class PollErrorsTest {

    @Test
    void aRefusedLoginNothingAnsweringAndATlsMismatchAreSaidInWordsWithTheDetailKept() {
        assertThat(PollErrors.describe("mail.example.com", 993, new AuthenticationFailedException("[AUTH] bad")))
                .startsWith("The server refused the login: check the user name and password")
                .contains("AuthenticationFailedException: [AUTH] bad");
        assertThat(PollErrors.describe("mail.example.com", 9,
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"))))
                .startsWith("Nothing answers at mail.example.com:9").contains("Couldn't connect to host");
        assertThat(PollErrors.describe("mail.example.com", 143,
                new MessagingException("STARTTLS failed", new SSLHandshakeException("no cipher suites"))))
                .startsWith("The TLS handshake with mail.example.com:143 failed").contains("STARTTLS failed");
        assertThat(PollErrors.describe("h", 1, new IllegalStateException("folder closed")))
                .isEqualTo("IllegalStateException: folder closed");
    }
}
