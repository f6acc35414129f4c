package org.opsdesk.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sending session against a real SMTP server on loopback (GreenMail) that knows the desk's login. */
class SmtpSessionTest {

    private static final Duration SHORT = Duration.ofSeconds(2);

    private GreenMail relay;

    @BeforeEach
    void startRelay() {
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        relay.start();
        relay.setUser("desk@relay.example", "desk", "s3cret");
    }

    @AfterEach
    void stopRelay() {
        relay.stop();
    }

    @Test
    void mailGoesOutWithTheRelaysLogin() throws Exception {
        Session session = SmtpSession.of(server(relay.getSmtp().getPort()), "desk", "s3cret", SHORT);

        Transport.send(mail(session));

        assertThat(relay.getReceivedMessages()).hasSize(1);
        assertThat(relay.getReceivedMessages()[0].getSubject()).isEqualTo("Ticket #1");
    }

    /** The login is really given (GreenMail checks it, though it takes mail without one too). */
    @Test
    void aWrongPasswordIsRefusedByTheRelay() {
        Session wrong = SmtpSession.of(server(relay.getSmtp().getPort()), "desk", "guess", SHORT);

        assertThatThrownBy(() -> Transport.send(mail(wrong))).isInstanceOf(MessagingException.class)
                .hasMessageContaining("535");
        assertThat(relay.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutALoginNoneIsAskedFor() {
        assertThat(SmtpSession.of(server(25), " ", "ignored", SHORT).getProperty("mail.smtp.auth")).isNull();
        assertThat(SmtpSession.of(server(25), "desk", "s3cret", SHORT).getProperty("mail.smtp.auth")).isEqualTo("true");
    }

    /** A relay that accepts the connection and never answers fails the attempt after the time limit. */
    @Test
    void aRelayThatNeverAnswersFailsTheAttemptInTime() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    held.getInputStream().read(); // holds the connection open, says nothing
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Session session = SmtpSession.of(server(silent.getLocalPort()), null, null, SHORT);

            // stopped after a minute rather than waited out: without the time limit it would hang for ever
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                    assertThatThrownBy(() -> Transport.send(mail(session))).isInstanceOf(MessagingException.class));
        }
    }

    /** The server's mail session as WildFly configures it: host and port only. */
    private static Session server(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.from", "desk@relay.example");
        return Session.getInstance(p);
    }

    private static MimeMessage mail(Session session) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("desk@relay.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("customer@customer.example"));
        m.setSubject("Ticket #1");
        m.setText("Hello");
        return m;
    }
}
