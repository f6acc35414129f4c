package org.opsdesk.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a relay's refusal of recipients means, through the desk's own sending session and Jakarta Mail against a
 * relay on loopback that refuses some recipients (as relays do for an unknown or a busy mailbox).
 */
class RelayAnswerTest {

    private final RefusingRelay relay = new RefusingRelay();

    @AfterEach
    void stop() throws Exception {
        relay.close();
    }

    @Test
    void aRefusedCopyRecipientDoesNotKeepTheReplyFromTheOthers() throws Exception {
        // without partial sending, the relay's one 550 kept the mail from everyone, and it was retried for 13 hours
        RelayAnswer answer = send("customer@example.com", "nobody.typo@example.com");

        assertThat(answer.outcome()).isEqualTo(RelayAnswer.Outcome.SENT);
        assertThat(answer.refused()).containsExactly("nobody.typo@example.com");
        assertThat(answer.note()).contains("refused nobody.typo@example.com", "User unknown");
        assertThat(relay.taken()).singleElement()
                .satisfies(t -> assertThat(t.recipients()).containsExactly("customer@example.com"));
    }

    @Test
    void everyRecipientRefusedForGoodIsNoRetry() throws Exception {
        RelayAnswer answer = send("nobody@example.com", "nobody.else@example.com");

        assertThat(answer.outcome()).isEqualTo(RelayAnswer.Outcome.REFUSED);
        assertThat(answer.refused()).containsExactlyInAnyOrder("nobody@example.com", "nobody.else@example.com");
        assertThat(answer.note()).contains("550 5.1.1");
        assertThat(relay.taken()).isEmpty();
    }

    @Test
    void aRelayRefusingEveryoneForItsOwnReasonsIsARetryAndMarksNobody() throws Exception {
        // 554 5.7.1 relay access denied is the relay's configuration, not the recipients: failing every mail at once
        // and marking every recipient as bounced would punish the customers for the desk's relay
        RelayAnswer answer = send("denied.one@example.com", "denied.two@example.com");

        assertThat(answer.outcome()).isEqualTo(RelayAnswer.Outcome.RETRY);
        assertThat(answer.refused()).isEmpty();
        assertThat(answer.note()).contains("554 5.7.1");
    }

    @Test
    void aRecipientRefusedByTheRelaysOwnRulesIsNotedNotMarkedWhenOthersHaveTheMail() throws Exception {
        // marked as bounced, the customer's automatic mail paused for a day for the relay's configuration
        RelayAnswer answer = send("customer@example.com", "denied.two@example.com");

        assertThat(answer.outcome()).isEqualTo(RelayAnswer.Outcome.SENT);
        assertThat(answer.refused()).isEmpty();
        assertThat(answer.note()).contains("refused denied.two@example.com", "554 5.7.1");
    }

    @Test
    void aRecipientRefusedForNowIsARetryWhenNobodyHasTheMail() throws Exception {
        RelayAnswer answer = send("later@example.com", "nobody@example.com");

        assertThat(answer.outcome()).isEqualTo(RelayAnswer.Outcome.RETRY);
        assertThat(answer.refused()).isEmpty();
        assertThat(answer.note()).contains("450 4.2.1");
    }

    @Test
    void aRecipientRefusedForNowIsNotedNotRetriedWhenOthersHaveTheMail() throws Exception {
        // a retry would send it twice to those who have it
        RelayAnswer answer = send("customer@example.com", "later@example.com");

        assertThat(answer.outcome()).isEqualTo(RelayAnswer.Outcome.SENT);
        assertThat(answer.refused()).isEmpty();
        assertThat(answer.note()).contains("later@example.com");
    }

    private RelayAnswer send(String to, String cc) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(relay.port()));
        Session session = SmtpSession.of(Session.getInstance(p), null, null, Duration.ofSeconds(5));
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("support@desk.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setRecipient(Message.RecipientType.CC, new InternetAddress(cc));
        m.setSubject("[OpsDesk #1] Disk full");
        m.setText("We are on it.");
        SendFailedException refused = catchThrowableOfType(() -> Transport.send(m), SendFailedException.class);
        assertThat(refused).as("the relay refused someone").isNotNull();
        return RelayAnswer.of(refused);
    }
}
