package org.opsdesk.mail.inbound.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsdesk.mail.testing.MimeMessageBuilder.bodyPartBuilder;
import static org.opsdesk.mail.testing.MimeMessageBuilder.mimeMessageBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.mail.inbound.parse.MailParser;
import org.opsdesk.mail.inbound.parse.ParsedMail;
import org.opsdesk.mail.inbound.parse.UnparseableMailException;
import org.opsdesk.mail.inbound.steps.MachineMailVerdict.Kind;
import org.opsdesk.mail.testing.MimeMessageBuilder;
import org.opsdesk.mail.testing.TestCorpus;

class MachineMailDetectorTest {

    private final MachineMailDetector detector =
            new MachineMailDetector("X-OpsDesk-Loop", "opsdesk.test", Set.of("Support@OpsDesk.test", "ops@opsdesk.test"));
    private final MailParser parser = new MailParser();

    /** An ordinary mail from a person; each test adds what makes it a machine's. */
    private static MimeMessageBuilder mail() {
        return mimeMessageBuilder().setFrom("Alice <alice@customer.example>").addToRecipient("support@opsdesk.test")
                .setSubject("The printer is on fire").setMessageId("<m1@customer.example>").setText("Please help.");
    }

    private MachineMailVerdict classify(MimeMessageBuilder builder) throws UnparseableMailException {
        return detector.classify(parser.parse(builder.asBytes()));
    }

    @Test
    void anOrdinaryMailIsHuman() throws Exception {
        MachineMailVerdict verdict = classify(mail());
        assertThat(verdict.kind()).isEqualTo(Kind.HUMAN);
        assertThat(verdict.isMachine()).isFalse();
        assertThat(verdict.reason()).isEmpty();
        assertThat(verdict.failedRecipients()).isEmpty();
        assertThat(verdict.originalMessageId()).isNull();
    }

    @Test
    void ourLoopHeaderMeansLoop() throws Exception {
        MachineMailVerdict verdict = classify(mail().addHeader("x-opsdesk-loop", " OpsDesk.test "));
        assertThat(verdict.kind()).isEqualTo(Kind.LOOP);
        assertThat(verdict.reason()).isEqualTo("X-OpsDesk-Loop: OpsDesk.test");
        assertThat(verdict.isMachine()).isTrue();
    }

    /** A person at another company that also runs OpsDesk answers from their own desk: not a loop of ours. */
    @Test
    void anotherInstallationsLoopHeaderIsNoLoopOfOurs() throws Exception {
        MachineMailVerdict verdict = classify(mail().addHeader("X-OpsDesk-Loop", "helpdesk.partner.example"));
        assertThat(verdict.kind()).isEqualTo(Kind.HUMAN);
    }

    /** Our mail went through a partner's desk and came back: their mark comes first (headers are added on top). */
    @Test
    void ourLoopHeaderBelowAnotherInstallationsMeansLoop() throws Exception {
        MachineMailVerdict verdict = classify(mail().addHeader("X-OpsDesk-Loop", "helpdesk.partner.example")
                .addHeader("X-OpsDesk-Loop", "opsdesk.test"));
        assertThat(verdict.kind()).isEqualTo(Kind.LOOP);
        assertThat(verdict.reason()).isEqualTo("X-OpsDesk-Loop: opsdesk.test");
    }

    @Test
    void mailFromOurOwnAddressMeansLoopWhateverTheCase() throws Exception {
        MachineMailVerdict verdict = classify(mail().setFrom("OpsDesk <SUPPORT@opsdesk.TEST>"));
        assertThat(verdict.kind()).isEqualTo(Kind.LOOP);
        assertThat(verdict.reason()).isEqualTo("sent from our own address support@opsdesk.test");
    }

    @Test
    void aLoopWinsOverEverythingElse() throws Exception {
        assertThat(classify(mail().setFrom("mailer-daemon@opsdesk.test").addHeader("X-OpsDesk-Loop", "opsdesk.test")
                .addHeader("Auto-Submitted", "auto-replied")).kind()).isEqualTo(Kind.LOOP);
    }

    @Test
    void aDeliveryStatusReportIsABounceWithItsFailedRecipients() throws Exception {
        MachineMailVerdict verdict = classify(mimeMessageBuilder().setFrom("postmaster@mx.customer.example")
                .setSubject("Delivery report").addHeader("Auto-Submitted", "auto-replied")
                .setMultipart("report",
                        bodyPartBuilder().data("Your message could not be delivered."),
                        bodyPartBuilder().type("message/delivery-status").data("Reporting-MTA: dns; mx\r\n\r\n"
                                + "Final-Recipient: rfc822; gone@customer.example\r\nAction: failed\r\n"),
                        bodyPartBuilder().type("text/rfc822-headers").data("Message-ID: <ticket-42@opsdesk.test>\r\n"))
                .addHeader("Content-Type", "multipart/report; report-type=delivery-status; boundary=\"b\""));
        assertThat(verdict.kind()).isEqualTo(Kind.BOUNCE);
        assertThat(verdict.reason()).isEqualTo("multipart/report; report-type=delivery-status");
        assertThat(verdict.failedRecipients()).containsExactly("gone@customer.example");
        assertThat(verdict.originalMessageId()).isEqualTo("ticket-42@opsdesk.test");
    }

    @Test
    void aForwardedRecipientsReportNamesTheAddressWeSentToAndTheOneThatFailed() throws Exception {
        // we wrote to alice@corp, whose server forwarded to a mailbox that is gone: alice@corp is the one to mark
        MachineMailVerdict verdict = classify(mimeMessageBuilder().setFrom("postmaster@mx.example")
                .setSubject("Delivery report")
                .setMultipart("report",
                        bodyPartBuilder().data("Your message could not be delivered."),
                        bodyPartBuilder().type("message/delivery-status").data("Reporting-MTA: dns; mx\r\n\r\n"
                                + "Original-Recipient: rfc822; Alice@corp.example\r\n"
                                + "Final-Recipient: rfc822; alice.old@mail.example\r\nAction: failed\r\n"))
                .addHeader("Content-Type", "multipart/report; report-type=delivery-status; boundary=\"b\""));
        assertThat(verdict.failedRecipients()).containsExactly("Alice@corp.example", "alice.old@mail.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAILER-DAEMON@mx.customer.example", "Mail Delivery System <Mailer-Daemon@mx.example>",
            "postmaster@customer.example", "MAILER-DAEMON"})
    void mailFromTheMailerDaemonOrPostmasterIsABounce(String from) throws Exception {
        MachineMailVerdict verdict = classify(mail().setFrom(from));
        assertThat(verdict.kind()).isEqualTo(Kind.BOUNCE);
        assertThat(verdict.reason()).startsWith("From: ");
        assertThat(verdict.failedRecipients()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)",
            "Mail delivery failed: returning message to sender", "failure notice",
            "Undeliverable: The printer is on fire", "Returned mail: see transcript for details"})
    void theNullSenderWithABounceSubjectIsABounce(String subject) throws Exception {
        MachineMailVerdict verdict = classify(mail().setFrom("bounces@mx.customer.example").setSubject(subject)
                .addHeader("Return-Path", "<>"));
        assertThat(verdict.kind()).isEqualTo(Kind.BOUNCE);
        assertThat(verdict.reason()).isEqualTo("Return-Path: <> and Subject: " + subject);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"auto-replied|Auto-Submitted: auto-replied|AUTO_REPLY",
            "Auto-Generated; owner-email=\"x@y\"|Auto-Submitted: Auto-Generated; owner-email=\"x@y\"|AUTO_GENERATED",
            "auto-notified (vacation)|Auto-Submitted: auto-notified (vacation)|AUTO_GENERATED"})
    void autoSubmittedOtherThanNoIsMachineMail(String value, String reason, Kind kind) throws Exception {
        MachineMailVerdict verdict = classify(mail().addHeader("Auto-Submitted", value));
        assertThat(verdict.kind()).isEqualTo(kind);
        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "No (a person wrote this)", " NO ; x=y"})
    void autoSubmittedNoIsHuman(String value) throws Exception {
        assertThat(classify(mail().addHeader("Auto-Submitted", value)).kind()).isEqualTo(Kind.HUMAN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"X-Autoreply|yes", "X-Autorespond|Out of office",
            "Precedence|auto_reply", "X-MS-Exchange-Inbox-Rules-Loop|alice@customer.example"})
    void autoReplyHeadersMeanAutoReply(String header, String value) throws Exception {
        MachineMailVerdict verdict = classify(mail().addHeader(header, value));
        assertThat(verdict.kind()).isEqualTo(Kind.AUTO_REPLY);
        assertThat(verdict.reason()).isEqualTo(header + ": " + value);
    }

    /** Asking not to be auto-answered is a wish about answers, which Outlook puts on people's mail too. */
    @Test
    void autoResponseSuppressIsAPersonsMailNotToBeAnswered() throws Exception {
        MachineMailVerdict verdict = classify(mail().addHeader("X-Auto-Response-Suppress", "All"));
        assertThat(verdict.kind()).isEqualTo(Kind.QUIET);
        assertThat(verdict.reason()).isEqualTo("X-Auto-Response-Suppress: All");
    }

    @Test
    void anEmptyAutoReplyHeaderDecidesNothing() throws Exception {
        assertThat(classify(mail().addHeader("X-Auto-Response-Suppress", "")).kind()).isEqualTo(Kind.HUMAN);
    }

    @Test
    void theNullSenderAloneIsAutoGenerated() throws Exception {
        MachineMailVerdict verdict = classify(mail().addHeader("Return-Path", "<>"));
        assertThat(verdict.kind()).isEqualTo(Kind.AUTO_GENERATED);
        assertThat(verdict.reason()).isEqualTo("Return-Path: <>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Automatic reply: The printer is on fire", "AUTO: Re: printer",
            "Out of Office: back on Monday", "Out of Office AutoReply: printer", "Autoreply: away",
            "Auto-Reply: away"})
    void outOfOfficeSubjectPrefixesAreAutoReplies(String subject) throws Exception {
        MachineMailVerdict verdict = classify(mail().setSubject(subject));
        assertThat(verdict.kind()).isEqualTo(Kind.AUTO_REPLY);
        assertThat(verdict.reason()).isEqualTo("Subject: " + subject);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Out of office next week: who covers the printer?", "Automatic replies do not work",
            "Re: Auto renewal of the certificate", "Autoscaling broke"})
    void subjectsThatMerelyMentionAutoRepliesStayHuman(String subject) throws Exception {
        assertThat(classify(mail().setSubject(subject)).kind()).isEqualTo(Kind.HUMAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"noreply@github.example", "No-Reply <no-reply@shop.example>", "do_not_reply@news.example",
            "DoNotReply@bank.example", "no.reply+tracking@x.example", "noreply-alerts@x.example"})
    void noReplySendersAreAutoGenerated(String from) throws Exception {
        MachineMailVerdict verdict = classify(mail().setFrom(from));
        assertThat(verdict.kind()).isEqualTo(Kind.AUTO_GENERATED);
        assertThat(verdict.reason()).isEqualTo("noreply sender");
    }

    @ParameterizedTest
    @ValueSource(strings = {"norbert@x.example", "replies@x.example", "noreplyhandler@x.example"})
    void sendersThatOnlyLookLikeNoReplyStayHuman(String from) throws Exception {
        assertThat(classify(mail().setFrom(from)).kind()).isEqualTo(Kind.HUMAN);
    }

    @Test
    void aReadReceiptIsAnAutoReply() throws Exception {
        MachineMailVerdict verdict = classify(mail().setSubject("Read: The printer").setMultipart("report",
                bodyPartBuilder().data("Your message was displayed."),
                bodyPartBuilder().type("message/disposition-notification")
                        .data("Original-Message-ID: <ticket-9@opsdesk.test>\r\n"
                                + "Disposition: manual-action/MDN-sent-manually; displayed\r\n"))
                .addHeader("Content-Type", "multipart/report; report-type=disposition-notification; boundary=\"b\""));
        assertThat(verdict.kind()).isEqualTo(Kind.AUTO_REPLY);
        assertThat(verdict.reason()).isEqualTo("multipart/report; report-type=disposition-notification");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk", "junk", "list", "BULK (newsletter)"})
    void bulkPrecedenceIsListMail(String precedence) throws Exception {
        MachineMailVerdict verdict = classify(mail().addHeader("Precedence", precedence));
        assertThat(verdict.kind()).isEqualTo(Kind.LIST);
        assertThat(verdict.reason()).isEqualTo("Precedence: " + precedence);
    }

    @Test
    void aRobotsOwnSignsComeBeforeAWishForNoAutomaticAnswers() throws Exception {
        // Exchange and Microsoft 365 notifications from no-reply senders carry X-Auto-Response-Suppress too
        assertThat(classify(mail().addHeader("X-Auto-Response-Suppress", "All").addHeader("Return-Path", "<>")).kind())
                .isEqualTo(Kind.AUTO_GENERATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"List-Id", "List-Unsubscribe", "List-Post", "X-Mailing-List", "Mailing-List", "X-Loop"})
    void mailingListHeadersMeanListMail(String header) throws Exception {
        MachineMailVerdict verdict = classify(mail().addHeader(header, "<ilug.linux.ie>"));
        assertThat(verdict.kind()).isEqualTo(Kind.LIST);
        assertThat(verdict.reason()).isEqualTo(header + ": <ilug.linux.ie>");
    }

    @Test
    void anXLoopNamingOurOwnAddressIsAProcmailRecipesStampNotARobot() throws Exception {
        // formail -A "X-Loop: support@…" in the recipe that delivers to us stamps every mail, people's too
        assertThat(classify(mail().addHeader("X-Loop", "Support@OpsDesk.test")).kind()).isEqualTo(Kind.HUMAN);
        assertThat(classify(mail().addHeader("X-Loop", "<ops@opsdesk.test> (procmail)")).kind()).isEqualTo(Kind.HUMAN);
        assertThat(classify(mail().addHeader("X-Loop", "support@opsdesk.test").addHeader("X-Loop", "list@lists.example"))
                .kind()).isEqualTo(Kind.LIST);
        // another address that merely holds ours is not ours (ops@ is in devops@)
        assertThat(classify(mail().addHeader("X-Loop", "devops@opsdesk.test")).kind()).isEqualTo(Kind.LIST);
        assertThat(classify(mail().addHeader("X-Loop", "support@opsdesk.test.lists.example")).kind())
                .isEqualTo(Kind.LIST);
    }

    @Test
    void anAutoReplyFromAListIsAnAutoReply() throws Exception {
        assertThat(classify(mail().addHeader("Precedence", "bulk").addHeader("List-Id", "<l.example>")
                .addHeader("Auto-Submitted", "auto-replied")).kind()).isEqualTo(Kind.AUTO_REPLY);
    }

    @Test
    void otherPrecedenceIsNoListMail() throws Exception {
        assertThat(classify(mail().addHeader("Precedence", "first-class")).kind()).isEqualTo(Kind.HUMAN);
    }

    @Test
    void needsTheNameOfTheLoopHeader() {
        assertThatThrownBy(() -> new MachineMailDetector(" ", "opsdesk.test", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRealMailingListMessageIsListMail() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/eml/spamassassin-iso-2022-jp-1.eml")) {
            ParsedMail mail = parser.parse(in.readAllBytes());
            assertThat(detector.classify(mail).kind()).isEqualTo(Kind.LIST);
        }
    }

    /** Real messages of the shared corpus; skipped when it is not there. */
    @ParameterizedTest
    @CsvSource({"spamassassin-corpus/easy_ham_2/00013.245fc5b9e5719b033d5d740c51af92e0.eml, LIST",
            "spamassassin-corpus/easy_ham_2/01311.b6a06b3e24130a32172b4c5225a1d5a6.eml, BOUNCE",
            "spamassassin-corpus/easy_ham_2/01304.af5f3a2d3a0a19785aeaeeb3d7e36040.eml, BOUNCE",
            "spamassassin-corpus/hard_ham/00181.01c5d96083c6e7770b1704791cf4bb3e.eml, AUTO_GENERATED",
            // a newsletter sent by an autoresponder program, which says so only by X-Loop: answered, it answers
            "spamassassin-corpus/hard_ham/00218.c8c8534c14d8e1b43c43a7565a16f28a.eml, LIST",
            "malformed/mime4j/basic-plain.eml, HUMAN"})
    void classifiesRealCorpusMessages(String path, Kind expected) throws IOException, UnparseableMailException {
        ParsedMail mail = parser.parse(Files.readAllBytes(TestCorpus.message(path)));
        assertThat(detector.classify(mail).kind()).isEqualTo(expected);
    }

    @Test
    void aRealDelayNoticeIsABounceWithoutFailedRecipients() throws Exception {
        ParsedMail mail = parser.parse(Files.readAllBytes(
                TestCorpus.message("spamassassin-corpus/easy_ham_2/01311.b6a06b3e24130a32172b4c5225a1d5a6.eml")));
        MachineMailVerdict verdict = detector.classify(mail);
        assertThat(verdict.kind()).isEqualTo(Kind.BOUNCE);
        assertThat(verdict.failedRecipients()).isEmpty(); // Action: delayed
        assertThat(verdict.originalMessageId()).isEqualTo("200207240142.23673@malte.stretz.eu.org");
    }
}
