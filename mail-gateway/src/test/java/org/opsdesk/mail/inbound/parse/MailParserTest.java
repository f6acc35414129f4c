package org.opsdesk.mail.inbound.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsdesk.mail.testing.MimeMessageBuilder.bodyPartBuilder;
import static org.opsdesk.mail.testing.MimeMessageBuilder.mimeMessageBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.mail.inbound.parse.ParsedMail.ParsedAttachment;
import org.opsdesk.mail.testing.MimeMessageBuilder;

class MailParserTest {

    private final MailParser parser = new MailParser();

    private ParsedMail parse(MimeMessageBuilder builder) throws UnparseableMailException {
        return parser.parse(builder.asBytes());
    }

    private ParsedMail parse(String raw) throws UnparseableMailException {
        return parser.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static MimeMessageBuilder simpleMail() {
        return mimeMessageBuilder().setFrom("Alice Example <alice@example.com>").addToRecipient("support@opsdesk.test")
                .setSubject("Printer on fire").setMessageId("<m1@example.com>").setText("It smokes.");
    }

    static byte[] eml(String name) {
        try (InputStream in = MailParserTest.class.getResourceAsStream("/eml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test message " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class HeaderFields {

        @Test
        void readsAnOrdinaryMail() throws Exception {
            ParsedMail mail = parse(simpleMail().addCcRecipient("Bob <bob@example.com>, carol@example.com")
                    .addHeader("Date", "Tue, 12 Mar 2024 09:30:00 +0100").addHeader("Reply-To", "help@example.com"));

            assertThat(mail.messageId()).isEqualTo("m1@example.com");
            assertThat(mail.subject()).isEqualTo("Printer on fire");
            assertThat(mail.fromAddress()).isEqualTo("alice@example.com");
            assertThat(mail.fromName()).isEqualTo("Alice Example");
            assertThat(mail.to()).containsExactly("support@opsdesk.test");
            assertThat(mail.cc()).containsExactly("bob@example.com", "carol@example.com");
            assertThat(mail.replyTo()).isEqualTo("help@example.com");
            assertThat(mail.returnPath()).isNull();
            assertThat(mail.date()).isEqualTo(Instant.parse("2024-03-12T08:30:00Z"));
            assertThat(mail.text()).isEqualTo("It smokes.");
            assertThat(mail.html()).isNull();
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.report()).isNull();
            assertThat(mail.notes()).isEmpty();
            assertThat(mail.headers()).containsKeys("from", "to", "cc", "subject", "message-id", "mime-version");
            assertThat(mail.header("SUBJECT")).isEqualTo("Printer on fire");
        }

        @Test
        void decodesRfc2047SubjectsAndNamesAndKeepsBrokenWordsAsWritten() throws Exception {
            ParsedMail encodedByJakartaMail = parse(simpleMail().setSubject("Grüße aus Köln – Drucker", "UTF-8"));
            assertThat(encodedByJakartaMail.subject()).isEqualTo("Grüße aus Köln – Drucker");

            ParsedMail mail = parse(mimeMessageBuilder()
                    .setFrom("=?ISO-8859-1?Q?J=F6rg_M=FCller?= <joerg@example.de>")
                    .addHeader("Subject", "=?iso-8859-1?q?Caf=E9?= =?utf-8?B?IG9mZmVu?=\r\n"
                            + " and =?x-no-such-charset?Q?raw?= =?utf-8?B?!!!?= stays")
                    .setText("body"));
            assertThat(mail.fromName()).isEqualTo("Jörg Müller");
            assertThat(mail.subject()).isEqualTo("Café offen and =?x-no-such-charset?Q?raw?= =?utf-8?B?!!!?= stays");
            assertThat(mail.headers().get("subject")).containsExactly(mail.subject());
        }

        @Test
        void joinsAdjacentEncodedWordsBeforeDecodingSoSplitCharactersSurvive() throws Exception {
            byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // three bytes, split over two words
            String first = Base64.getEncoder().encodeToString(new byte[] {euro[0]});
            String second = Base64.getEncoder().encodeToString(new byte[] {euro[1], euro[2]});
            ParsedMail mail = parse("Subject: =?UTF-8?B?" + first + "?= =?UTF-8?B?" + second + "?= 5\r\n\r\nx");
            assertThat(mail.subject()).isEqualTo("€ 5");
        }

        @Test
        void readsMessageIdsThroughJunkAndWithoutBrackets() throws Exception {
            ParsedMail mail = parse("Message-ID: <a1@x.example>\r\n"
                    + "In-Reply-To: Your message of \"Mon, 1 Jan\" <p1@x.example> (comment)\r\n"
                    + "References: <r1@x.example>\r\n <r2@x.example> junk,<r3@x.example>\r\n\r\nbody");
            assertThat(mail.messageId()).isEqualTo("a1@x.example");
            assertThat(mail.inReplyTo()).containsExactly("p1@x.example");
            assertThat(mail.references()).containsExactly("r1@x.example", "r2@x.example", "r3@x.example");

            ParsedMail bare = parse("Message-ID: bare@x.example\r\nIn-Reply-To: <>\r\n\r\nbody");
            assertThat(bare.messageId()).isEqualTo("bare@x.example");
            assertThat(bare.inReplyTo()).isEmpty();

            assertThat(parse("Message-ID: <>\r\n\r\nbody").messageId()).isNull();

            // an id with a control character is none we stored or sent (a NUL failed the lookup on PostgreSQL)
            ParsedMail nul = parse("Message-ID: <a\0b@x.example>\r\nIn-Reply-To: <p\0@x.example>\r\n"
                    + "References: <r1@x.example> <r\0 2@x.example> <r3@x.example>\r\n\r\nbody");
            assertThat(nul.messageId()).isNull();
            assertThat(nul.inReplyTo()).isEmpty();
            assertThat(nul.references()).containsExactly("r1@x.example", "r3@x.example");
            assertThat(parse("Subject: none\r\n\r\nbody").messageId()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"foo@bar.example", "<foo@bar.example>", "Foo Bar foo@bar.example",
                "foo@bar.example (Foo Bar)", "\"Bar, Foo\" <foo@bar.example>"})
        void findsTheSenderInMalformedFromHeaders(String from) throws Exception {
            ParsedMail mail = parse("From: " + from + "\r\nSubject: x\r\n\r\nbody");
            assertThat(mail.fromAddress()).isEqualTo("foo@bar.example");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"Mallory <agent@desk.example>\" <m@evil.example>",
                "\"agent@desk.example\" <m@evil.example>", "\"agent@desk.example\" m@evil.example",
                "(agent@desk.example) <m@evil.example>", "\"x \\\" <agent@desk.example>\" <m@evil.example>",
                "m@evil.example (\"<agent@desk.example>\")"})
        void theAddressIsNeverTakenFromADisplayNameOrComment(String from) throws Exception {
            // read anywhere, an address in the display name made anyone an agent or a ticket's requester
            assertThat(parse("From: " + from + "\r\nSubject: x\r\n\r\nbody").fromAddress()).isEqualTo("m@evil.example");
        }

        @Test
        void aQuotedLocalPartIsNeverReadAsTheAddressInsideItsQuotes() throws Exception {
            // read inside the quotes, anyone wrote as an agent, who may use any ticket's subject tag
            for (String from : java.util.List.of("\"agent@desk.example\"@evil.example",
                    "Agent <\"agent@desk.example\"@evil.example>")) {
                assertThat(parse("From: " + from + "\r\nSubject: x\r\n\r\nbody").fromAddress()).as(from)
                        .isEqualTo("\"agent@desk.example\"@evil.example");
            }
            for (String from : java.util.List.of("\"agent@desk.example\"", "\"agent@desk.example\" <>",
                    "\"agent@desk.example\" (@evil)", "\"agent@desk.example\"@evil.example (Agent)",
                    "\"x <agent@desk.example>")) {
                assertThat(parse("From: " + from + "\r\nSubject: x\r\n\r\nbody").fromAddress()).as(from)
                        .isNotEqualTo("agent@desk.example");
            }
        }

        @Test
        void readsTheDisplayNameOfCommentAndUnbalancedQuoteForms() throws Exception {
            assertThat(parse("From: foo@bar.example (Foo Bar)\r\n\r\nx").fromName()).isEqualTo("Foo Bar");
            assertThat(parse("From: \"Foo Bar <foo@bar.example>\r\n\r\nx").fromName()).isEqualTo("Foo Bar");
            assertThat(parse("From: \"Mallory <agent@desk.example>\" <m@evil.example>\r\n\r\nx").fromName())
                    .isEqualTo("Mallory <agent@desk.example>");
            assertThat(parse("From: MAILER-DAEMON\r\n\r\nx").fromAddress()).isEqualTo("MAILER-DAEMON");
            assertThat(parse("Subject: no sender\r\n\r\nx").fromAddress()).isNull();
        }

        @Test
        void tellsAnAbsentReturnPathFromTheNullSender() throws Exception {
            assertThat(parse("Return-Path: <>\r\n\r\nx").returnPath()).isEmpty();
            assertThat(parse("Return-Path: < >\r\n\r\nx").returnPath()).isEmpty();
            assertThat(parse("Return-Path: <bounce@lists.example>\r\n\r\nx").returnPath())
                    .isEqualTo("bounce@lists.example");
            assertThat(parse("Subject: x\r\n\r\nx").returnPath()).isNull();
        }

        @Test
        void readsObsoleteDatesAndNotesUnreadableOnes() throws Exception {
            assertThat(parse("Date: Wed, 11 Feb 98 11:51 CST\r\n\r\nx").date())
                    .isEqualTo(Instant.parse("1998-02-11T17:51:00Z"));
            ParsedMail bad = parse("Date: yesterday, around noon\r\n\r\nx");
            assertThat(bad.date()).isNull();
            assertThat(bad.notes()).anyMatch(n -> n.contains("unreadable Date header"));
        }

        @Test
        void keepsEveryHeaderUnfoldedAndInOrder() throws Exception {
            ParsedMail mail = parse("Received: from a\r\n\tby b\r\nReceived: from c\r\nX-Custom: one\r\n\r\nbody");
            assertThat(mail.headers().get("received")).containsExactly("from a\tby b", "from c");
            assertThat(mail.headers().get("x-custom")).containsExactly("one");
        }

        @Test
        void readsRaw8BitHeadersAsUtf8OrWindows1252() throws Exception {
            byte[] latin1 = "Subject: caf\u00e9\r\n\r\nx".getBytes(StandardCharsets.ISO_8859_1);
            byte[] utf8 = "Subject: caf\u00e9\r\n\r\nx".getBytes(StandardCharsets.UTF_8);
            assertThat(parser.parse(latin1).subject()).isEqualTo("café");
            assertThat(parser.parse(utf8).subject()).isEqualTo("café");
            assertThat(parser.parse(latin1).notes()).anyMatch(n -> n.contains("raw 8-bit bytes in header Subject"));
        }
    }

    @Nested
    class Bodies {

        @Test
        void decodesAnIso88591Body() throws Exception {
            ParsedMail mail = parse(simpleMail().setText("Grüße, Jörg", "text/plain; charset=iso-8859-1"));
            assertThat(mail.text()).isEqualTo("Grüße, Jörg");
            assertThat(mail.notes()).isEmpty();
        }

        @Test
        void readsUndeclared8BitTextAsUtf8WhenValidElseWindows1252WithANote() throws Exception {
            MimeMessageBuilder latin1 = simpleMail().addHeader("Content-Type", "text/plain")
                    .addHeader("Content-Transfer-Encoding", "8bit")
                    .setRawBody("Grüße € 5".getBytes(Charset.forName("windows-1252")));
            ParsedMail fromLatin1 = parse(latin1);
            assertThat(fromLatin1.text()).isEqualTo("Grüße € 5");
            assertThat(fromLatin1.notes())
                    .containsExactly("message: no charset declared; 8-bit text read as windows-1252");

            MimeMessageBuilder utf8 = simpleMail().addHeader("Content-Type", "text/plain; charset=unknown-8bit")
                    .setRawBody("Grüße".getBytes(StandardCharsets.UTF_8));
            ParsedMail fromUtf8 = parse(utf8);
            assertThat(fromUtf8.text()).isEqualTo("Grüße");
            assertThat(fromUtf8.notes()).anyMatch(n -> n.contains("'unknown-8bit'") && n.contains("UTF-8"));
        }

        @Test
        void readsAliasesJavaDoesNotKnowAndUtf16() throws Exception {
            String korean = "안녕하세요";
            ParsedMail ksc = parse(simpleMail().addHeader("Content-Type", "text/plain; charset=ks_c_5601-1987")
                    .setRawBody(korean.getBytes(Charset.forName("x-windows-949"))));
            assertThat(ksc.text()).isEqualTo(korean);
            assertThat(ksc.notes()).isEmpty();

            ParsedMail hebrew = parse(simpleMail().addHeader("Content-Type", "text/plain; charset=iso-8859-8-i")
                    .setRawBody("שלום".getBytes(Charset.forName("ISO-8859-8"))));
            assertThat(hebrew.text()).isEqualTo("שלום");

            ParsedMail utf16 = parse(simpleMail().setText("Ünïcödé text", "text/plain; charset=UTF-16"));
            assertThat(utf16.text()).isEqualTo("Ünïcödé text");
        }

        @Test
        void keepsBothTextAndRawHtmlOfMultipartAlternative() throws Exception {
            ParsedMail mail = parse(simpleMail().setMultipart("alternative",
                    bodyPartBuilder().data("Plain version"),
                    bodyPartBuilder().type("text/html; charset=UTF-8")
                            .data("<p>HTML <b>version</b><script>alert(1)</script></p>")));
            assertThat(mail.text()).isEqualTo("Plain version");
            assertThat(mail.html()).isEqualTo("<p>HTML <b>version</b><script>alert(1)</script></p>");
            assertThat(mail.attachments()).isEmpty();
        }

        @Test
        void rendersHtmlOnlyMailAsText() throws Exception {
            ParsedMail mail = parse(simpleMail().setText("<html><head><title>T</title><style>p{}</style></head><body>"
                    + "<h1>Outage</h1><p>The   printer&nbsp;is <b>down</b>.<br>Since 9:00.</p>"
                    + "<ul><li>floor 1</li><li>floor 2</li></ul><script>x()</script></body></html>",
                    "text/html; charset=UTF-8"));
            assertThat(mail.html()).startsWith("<html>");
            assertThat(mail.text()).isEqualTo("Outage\n\nThe printer is down.\nSince 9:00.\n\n- floor 1\n- floor 2");
        }

        @Test
        void takesTheHtmlCharsetFromItsMetaTagWhenTheHeaderHasNone() throws Exception {
            String html = "<html><head><meta charset=\"iso-8859-15\"></head><body>Prix: 5 \u20ac</body></html>";
            ParsedMail mail = parse(simpleMail().addHeader("Content-Type", "text/html")
                    .setRawBody(html.getBytes(Charset.forName("ISO-8859-15"))));
            assertThat(mail.text()).isEqualTo("Prix: 5 €");
        }

        @Test
        void joinsTheTextPartsOfMultipartMixedAndKeepsTheRestAsAttachments() throws Exception {
            ParsedMail mail = parse(simpleMail().setMultipart("mixed",
                    bodyPartBuilder().data("First part."),
                    bodyPartBuilder().type("application/pdf").data(new byte[] {1, 2, 3}).filename("report.pdf")
                            .disposition("attachment"),
                    bodyPartBuilder().data("-- \nList footer")));
            assertThat(mail.text()).isEqualTo("First part.\n\n-- \nList footer");
            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.filename()).isEqualTo("report.pdf");
                assertThat(a.contentType()).isEqualTo("application/pdf");
                assertThat(a.bytes()).containsExactly(1, 2, 3);
                assertThat(a.inline()).isFalse();
            });
        }

        @Test
        void takesOnlyTheSignedContentOfMultipartSigned() throws Exception {
            ParsedMail mail = parse(simpleMail().setMultipart("signed",
                    bodyPartBuilder().data("Signed words."),
                    bodyPartBuilder().type("application/pgp-signature").data("-----BEGIN PGP SIGNATURE-----")));
            assertThat(mail.text()).isEqualTo("Signed words.");
            assertThat(mail.attachments()).isEmpty();
        }

        @Test
        void turnsInlineCidImagesOfMultipartRelatedIntoInlineAttachments() throws Exception {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
            ParsedMail mail = parse(simpleMail().setMultipart("related",
                    bodyPartBuilder().type("text/html; charset=UTF-8").data("<p>Look: <img src=\"cid:logo@x\"></p>"),
                    bodyPartBuilder().type("image/png").data(png).contentId("<logo@x>").transferEncoding("base64")));
            assertThat(mail.html()).contains("cid:logo@x");
            assertThat(mail.text()).isEqualTo("Look:");
            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.contentId()).isEqualTo("logo@x");
                assertThat(a.inline()).isTrue();
                assertThat(a.filename()).isNull();
                assertThat(a.contentType()).isEqualTo("image/png");
                assertThat(a.bytes()).isEqualTo(png);
            });
        }

        @Test
        void decodesRfc2231FileNamesWrittenByJakartaMailAndByHand() throws Exception {
            ParsedMail mail = parse(simpleMail().setMultipart("mixed",
                    bodyPartBuilder().data("See attached."),
                    bodyPartBuilder().type("application/pdf").data(new byte[] {1}).filename("Résumé 2024.pdf"),
                    bodyPartBuilder().type("application/octet-stream").data(new byte[] {2})
                            .addHeader("Content-Disposition", "attachment; filename*0*=utf-8''R%C3%A9sum;"
                                    + " filename*1*=%C3%A9; filename*2=\".txt\""),
                    bodyPartBuilder().type("application/octet-stream; name=\"=?utf-8?Q?caf=C3=A9.bin?=\"")
                            .data(new byte[] {3})));
            assertThat(mail.attachments()).extracting(ParsedAttachment::filename)
                    .containsExactly("Résumé 2024.pdf", "Résumé.txt", "café.bin");
        }

        @Test
        void keepsANestedMessageAsAttachmentAndUsesItsTextWhenTheOuterMailHasNone() throws Exception {
            MimeMessageBuilder forwarded = mimeMessageBuilder().setFrom("carol@example.com")
                    .addHeader("Date", "Mon, 11 Mar 2024 10:00:00 +0000").setSubject("Disk: full?")
                    .setText("The disk on db1 is full.");
            ParsedMail bare = parse(simpleMail().setMultipart("mixed", bodyPartBuilder().message(forwarded)));
            assertThat(bare.text()).isEqualTo("---------- Forwarded message ----------\nFrom: carol@example.com\n"
                    + "Date: Mon, 11 Mar 2024 10:00:00 +0000\nSubject: Disk: full?\n\nThe disk on db1 is full.");
            assertThat(bare.notes()).anyMatch(n -> n.contains("text of the attached message"));
            assertThat(bare.attachments()).singleElement().satisfies(a -> {
                assertThat(a.contentType()).isEqualTo("message/rfc822");
                assertThat(a.filename()).isEqualTo("Disk full.eml");
                assertThat(new String(a.bytes(), StandardCharsets.UTF_8)).contains("The disk on db1 is full.");
            });

            ParsedMail commented = parse(simpleMail().setMultipart("mixed",
                    bodyPartBuilder().data("FYI, see below."), bodyPartBuilder().message(forwarded)));
            assertThat(commented.text()).isEqualTo("FYI, see below.");
            assertThat(commented.attachments()).hasSize(1);
        }

        @Test
        void showsTheTextOfAnInlineForwardedMessageInPlace() throws Exception {
            MimeMessageBuilder forwarded = mimeMessageBuilder().setFrom("carol@example.com")
                    .addHeader("Date", "Mon, 11 Mar 2024 10:00:00 +0000").setSubject("Disk full").setText("db1 is full.");
            ParsedMail mail = parse(simpleMail().setMultipart("mixed", bodyPartBuilder().data("-- \nAlice"),
                    bodyPartBuilder().message(forwarded).disposition("inline")));
            assertThat(mail.text()).isEqualTo("-- \nAlice\n\n---------- Forwarded message ----------\n"
                    + "From: carol@example.com\nDate: Mon, 11 Mar 2024 10:00:00 +0000\nSubject: Disk full\n\n"
                    + "db1 is full.");
            assertThat(mail.attachments()).singleElement().satisfies(a -> assertThat(a.inline()).isTrue());
        }

        @Test
        void skipsABrokenBase64AttachmentWithANoteAndKeepsTheRest() throws Exception {
            ParsedMail mail = parse(simpleMail().setMultipart("mixed",
                    bodyPartBuilder().data("Here are the logs."),
                    bodyPartBuilder().type("application/pdf; name=\"x.pdf\"")
                            .rawEncodedData("%%%% this is ### not *** base64 at all !!!! ~~~~ ^^^^\r\n", "base64"),
                    bodyPartBuilder().type("text/plain; charset=UTF-8; name=\"ok.txt\"").filename("ok.txt")
                            .rawEncodedData("b2sK\r\n", "base64")));
            assertThat(mail.text()).isEqualTo("Here are the logs.");
            assertThat(mail.attachments()).extracting(ParsedAttachment::filename).containsExactly("ok.txt");
            assertThat(mail.notes())
                    .anyMatch(n -> n.startsWith("part 2 (application/pdf \"x.pdf\") skipped: not base64"));
        }

        @Test
        void skipsAnAttachmentInAnUnknownTransferEncodingButReadsTextInOne() throws Exception {
            ParsedMail mail = parse(simpleMail().setMultipart("mixed",
                    bodyPartBuilder().rawEncodedData("Readable anyway.", "x-unheard-of"),
                    bodyPartBuilder().type("application/zip").filename("a.zip").rawEncodedData("PK..", "x-compress")));
            assertThat(mail.text()).isEqualTo("Readable anyway.");
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.notes()).contains("part 1: unknown transfer encoding 'x-unheard-of'; text read as it is",
                    "part 2 (application/zip \"a.zip\") skipped: unknown transfer encoding 'x-compress'");
        }

        @Test
        void repairsLenientBase64AndQuotedPrintable() throws Exception {
            ParsedMail mail = parse(simpleMail().setMultipart("mixed",
                    bodyPartBuilder().rawEncodedData("SGVsbG8g\r\nd29y!bGQ=\r\n", "base64"),
                    bodyPartBuilder().type("text/plain; charset=iso-8859-1")
                            .rawEncodedData("caf=E9 =3D ok, 100=% sure=\r\n done", "quoted-printable")));
            assertThat(mail.text()).isEqualTo("Hello world\n\ncafé = ok, 100=% sure done");
            assertThat(mail.notes()).contains("part 1: ignored 1 characters that are not base64");
        }

        @Test
        void decodesUuencodedParts() throws Exception {
            ParsedMail mail = parse(simpleMail().setMultipart("mixed", bodyPartBuilder().data("Logs attached."),
                    bodyPartBuilder().type("application/octet-stream").filename("log.txt").rawEncodedData(
                            "begin 644 log.txt\r\n63&]G(&QI;F4@,0I,;V<@;&EN92 R\"@  \r\n`\r\nend\r\n", "x-uuencode")));
            assertThat(mail.attachments()).singleElement().satisfies(a -> assertThat(
                    new String(a.bytes(), StandardCharsets.US_ASCII)).isEqualTo("Log line 1\nLog line 2\n"));
        }

        @Test
        void stopsAtAListFooterAppendedToABase64Body() throws Exception {
            String body = Base64.getMimeEncoder().encodeToString("Dear list,\nhello.".getBytes(StandardCharsets.UTF_8))
                    + "\r\n\r\n_______________________________________________\r\nILUG mailing list\r\n";
            ParsedMail mail = parse(simpleMail().addHeader("Content-Type", "text/plain; charset=utf-8")
                    .addHeader("Content-Transfer-Encoding", "base64")
                    .setRawBody(body.getBytes(StandardCharsets.US_ASCII)));
            assertThat(mail.text()).isEqualTo("Dear list,\nhello.");
            assertThat(mail.notes()).contains("message: text after the end of the base64 data ignored");
        }

        @Test
        void boundsTheNestingDepth() throws Exception {
            StringBuilder raw = new StringBuilder("Subject: deep\r\n");
            for (int i = 0; i < 30; i++) {
                raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                        .append("\r\n");
            }
            raw.append("Content-Type: text/plain\r\n\r\nToo deep to read.\r\n");
            ParsedMail mail = parse(raw.toString());
            assertThat(mail.subject()).isEqualTo("deep");
            assertThat(mail.text()).isEmpty();
            assertThat(mail.notes()).anyMatch(n -> n.contains("skipped: nested deeper than 20 levels"));
        }
    }

    @Nested
    class Envelopes {

        @ParameterizedTest
        @ValueSource(strings = {"\r\n", "\n", "\r"})
        void readsEveryKindOfLineEnd(String eol) throws Exception {
            String raw = String.join(eol, "From: a@example.com", "Subject: line ends",
                    "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain", "",
                    "one", "two", "--b--", "");
            ParsedMail mail = parse(raw);
            assertThat(mail.subject()).isEqualTo("line ends");
            assertThat(mail.text()).isEqualTo("one\ntwo");
        }

        @Test
        void skipsTheMboxEnvelopeLine() throws Exception {
            ByteArrayOutputStream mbox = new ByteArrayOutputStream();
            mbox.writeBytes("From alice@example.com  Wed Jul 24 05:05:01 2002\n".getBytes(StandardCharsets.US_ASCII));
            mbox.writeBytes(simpleMail().asBytes());
            ParsedMail parsed = parser.parse(mbox.toByteArray());
            assertThat(parsed.fromAddress()).isEqualTo("alice@example.com");
            assertThat(parsed.subject()).isEqualTo("Printer on fire");
            assertThat(parsed.headers().keySet()).allMatch(name -> !name.contains(" "));
            assertThat(parsed.notes()).isEmpty();
        }

        @Test
        void tellsTheMboxEnvelopeFromAnObsoleteFromHeader() throws Exception {
            ParsedMail mail = parse("From : alice@example.com\r\nSubject : obsolete\r\n\r\nbody");
            assertThat(mail.fromAddress()).isEqualTo("alice@example.com");
            assertThat(mail.subject()).isEqualTo("obsolete");
        }

        @Test
        void unwrapsAnSmtpTranscript() throws Exception {
            ParsedMail mail = parse("HELO client.example\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\n"
                    + "DATA\r\nSubject: batched\r\n\r\n..dot-stuffed line\r\n.\r\nQUIT\r\n");
            assertThat(mail.subject()).isEqualTo("batched");
            assertThat(mail.text()).isEqualTo(".dot-stuffed line");
        }

        @Test
        void readsBounceReportFields() throws Exception {
            ParsedMail mail = parse(mimeMessageBuilder().setFrom("MAILER-DAEMON@mx.example (Mail Delivery System)")
                    .setSubject("Undelivered Mail Returned to Sender").addHeader("Return-Path", "<>")
                    .setMultipart("report",
                            bodyPartBuilder().data("I'm sorry to have to inform you that your message could not be"
                                    + " delivered."),
                            bodyPartBuilder().type("message/delivery-status").data("Reporting-MTA: dns; mx.example\r\n"
                                    + "\r\nFinal-Recipient: rfc822; gone@customer.example\r\nAction: failed\r\n"
                                    + "Status: 5.1.1\r\n\r\nFinal-Recipient: rfc822;<slow@customer.example>\r\n"
                                    + "Action: delayed\r\n\r\nOriginal-Recipient: rfc822;alias@customer.example\r\n"
                                    + "Action: FAILED\r\n"),
                            bodyPartBuilder().type("text/rfc822-headers")
                                    .data("Message-ID: <ticket-42@opsdesk.test>\r\nSubject: [#42] Your request\r\n"))
                    .addHeader("Content-Type", "multipart/report; report-type=delivery-status; boundary=\"x\""));
            assertThat(mail.report()).isNotNull();
            assertThat(mail.report().reportType()).isEqualTo("delivery-status");
            assertThat(mail.report().failedRecipients()).containsExactly("gone@customer.example",
                    "alias@customer.example");
            assertThat(mail.report().originalMessageId()).isEqualTo("ticket-42@opsdesk.test");
            assertThat(mail.text()).startsWith("I'm sorry");
            assertThat(mail.returnPath()).isEmpty();
        }

        @Test
        void takesTheOriginalMessageIdFromAReturnedMessage() throws Exception {
            ParsedMail mail = parse(mimeMessageBuilder().setFrom("postmaster@mx.example").setSubject("failure notice")
                    .setMultipart("report",
                            bodyPartBuilder().data("Delivery failed."),
                            bodyPartBuilder().type("message/delivery-status")
                                    .data("Final-Recipient: rfc822; x@y.example\r\nAction: failed\r\n"),
                            bodyPartBuilder().message(mimeMessageBuilder().setMessageId("<orig-7@opsdesk.test>")
                                    .setSubject("[#7] Hello").setText("original"))));
            assertThat(mail.report().originalMessageId()).isEqualTo("orig-7@opsdesk.test");
            assertThat(mail.report().failedRecipients()).containsExactly("x@y.example");
            assertThat(mail.text()).isEqualTo("Delivery failed.");
        }

        @Test
        void ordinaryMailHasNoReport() throws Exception {
            assertThat(parse(simpleMail()).report()).isNull();
        }
    }

    @Nested
    class Hopeless {

        @Test
        void refusesEmptyInput() {
            assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(UnparseableMailException.class)
                    .hasMessageContaining("empty");
        }

        @Test
        void refusesWhitespaceOnly() {
            assertThatThrownBy(() -> parse("\r\n  \n")).isInstanceOf(UnparseableMailException.class)
                    .hasMessageContaining("no header and no body");
        }

        @Test
        void refusesBinaryData() {
            byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0};
            assertThatThrownBy(() -> parser.parse(zip)).isInstanceOf(UnparseableMailException.class)
                    .hasMessageContaining("binary data");
        }

        @Test
        void aReferencesFieldOfControlCharactersWithoutClosingBracketIsReadInOnePass() throws Exception {
            // the regular expressions that blanked such ids backtracked: 128 KB took 13 s, a few MB would take hours
            String bomb = "<" + "\u0001a".repeat(500_000);
            ParsedMail mail = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(60), () -> parse("From: a@b.example\r\nReferences: " + bomb
                            + "\r\nIn-Reply-To: <ok@b.example> <x\u0001y@b.example> " + bomb
                            + "\r\nSubject: x\r\n\r\nbody"));
            assertThat(mail.references()).isEmpty();
            assertThat(mail.inReplyTo()).containsExactly("ok@b.example");
        }

        @Test
        void aMessagesPartsDecodeToOneAllowanceInAll() throws Exception {
            // twenty parts of 60 MB of zeros each, 1.6 MB as mail, ran the server out of memory
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < 40; i++) {
                    gz.write(zeros);
                }
            }
            String part = java.util.Base64.getMimeEncoder().encodeToString(zipped.toByteArray());
            StringBuilder raw = new StringBuilder("From: a@b.example\r\nSubject: bomb\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\n"
                    + "see the files\r\n");
            for (int i = 0; i < 5; i++) {
                raw.append("--XX\r\nContent-Type: application/octet-stream; name=z").append(i)
                        .append(".bin\r\nContent-Transfer-Encoding: x-gzip64\r\n\r\n").append(part).append("\r\n");
            }
            raw.append("--XX--\r\n");
            ParsedMail mail = parse(raw.toString());
            assertThat(mail.text()).contains("see the files");
            assertThat(mail.attachments()).as("40 MB each: three fit the message's 128 MB").hasSize(3);
            assertThat(mail.notes()).anyMatch(n -> n.contains("left to this message"))
                    .anyMatch(n -> n.contains("decode to more than"));
        }

        @Test
        void readsTextWithoutAnyHeaderAsBody() throws Exception {
            ParsedMail mail = parse("Hello, no headers here.\r\nJust text.\r\n");
            assertThat(mail.subject()).isEmpty();
            assertThat(mail.text()).isEqualTo("Hello, no headers here.\nJust text.");
            assertThat(mail.notes()).anyMatch(n -> n.contains("no header fields"));
        }
    }

    /** Real messages from Apache James Mime4j's and Apache SpamAssassin's test data (see eml/README.md). */
    @Nested
    class RealMessages {

        @Test
        void mime4jNoHeaderIsAllBody() throws Exception {
            ParsedMail mail = parser.parse(eml("mime4j-malformedHeader-noheader.eml"));
            assertThat(mail.headers()).isEmpty();
            assertThat(mail.text()).isEqualTo("This is a simple message not having headers.\n"
                    + "The whole text should be recognized as body.");
        }

        @Test
        void mime4jALineThatIsNoHeaderStartsTheBody() throws Exception {
            ParsedMail mail = parser.parse(eml("mime4j-malformedHeaderStartsBody-nocrlfcrlf.eml"));
            assertThat(mail.subject()).isEqualTo("this is a subject");
            assertThat(mail.headers()).containsOnlyKeys("subject");
            assertThat(mail.text()).startsWith("This is an invalid header\n").endsWith("Body text");
        }

        @Test
        void mime4jAWhitespaceLineEndsTheHeader() throws Exception {
            ParsedMail mail = parser.parse(eml("mime4j-basic-plain-with-bad-header-separator.eml"));
            assertThat(mail.subject()).isEqualTo("Simple Subject");
            assertThat(mail.cc()).containsExactly("recipient1@example.com", "recipient2@example.com",
                    "localrecipient");
            assertThat(mail.returnPath()).isEqualTo("foo@example.com");
            assertThat(mail.date()).isEqualTo(Instant.parse("1998-02-11T17:51:00Z"));
            assertThat(mail.text()).startsWith("This is a very simple message")
                    .endsWith("This results in a bogus header.");
        }

        @Test
        void mime4jNestedBoundariesSharingAPrefix() throws Exception {
            ParsedMail mail = parser.parse(eml("mime4j-boundary-name-clash.eml"));
            assertThat(mail.text()).isEqualTo("Please see attachment for report Daily_Stats-2022-05-12-0700");
            assertThat(mail.html()).contains("<p>Please see attachment");
            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.filename()).isEqualTo("Daily_Stats-2022-05-12-0700.pdf");
                assertThat(new String(a.bytes(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.");
            });
            assertThat(mail.notes()).isEmpty();
        }

        @Test
        void mime4jMissingInnerBoundaryKeepsAllText() throws Exception {
            ParsedMail mail = parser.parse(eml("mime4j-missing-inner-boundary.eml"));
            assertThat(mail.text()).startsWith("Foo").contains("AAA");
        }

        @Test
        void mime4jBase64EncodedMessage() throws Exception {
            ParsedMail mail = parser.parse(eml("mime4j-base64encoded-rfc822message.eml"));
            assertThat(mail.text()).endsWith("\n\nText body");
            assertThat(mail.attachments()).extracting(ParsedAttachment::contentType).containsExactly("message/rfc822");
        }

        @Test
        void mime4jObsoleteSyntax() throws Exception {
            ParsedMail mail = parser.parse(eml("mime4j-obsolete.eml"));
            assertThat(mail.subject())
                    .isEqualTo("The obsolete syntax allow spaces before the colon and also empty lines in folding.");
            assertThat(mail.date()).isNull();
            assertThat(mail.header("HeaderWithWSP")).isEqualTo("value.");
            assertThat(mail.text()).isEqualTo("body");
        }

        @Test
        void spamAssassinUtf16WithoutByteOrderMark() throws Exception {
            ParsedMail mail = parser.parse(eml("spamassassin-utf16.eml"));
            assertThat(mail.subject()).isEqualTo("Design and manufacturing");
            assertThat(mail.text()).startsWith("Dear potencial partner,\nWe are professional in engineering");
            assertThat(mail.html()).contains("<P><FONT size=2 face=Arial>Dear potencial partner,</FONT></P>");
            assertThat(mail.attachments()).allSatisfy(a -> assertThat(a.inline()).isTrue());
        }

        @Test
        void spamAssassinIso2022JpMailingListMessage() throws Exception {
            ParsedMail mail = parser.parse(eml("spamassassin-iso-2022-jp-1.eml"));
            assertThat(mail.messageId()).isEqualTo("87pts29hvu.wl@shinichiro.stained-g.net");
            assertThat(mail.fromName()).isEqualTo("Shinichiro HIDA");
            assertThat(mail.returnPath()).isEqualTo("owner-mhonarc-users@mhonarc.org");
            assertThat(mail.text()).startsWith("Hi,\n\nNow, I try to test MHonArc");
            assertThat(mail.attachments()).extracting(ParsedAttachment::filename)
                    .containsExactly("test-sjis.txt", "test-archive.txt");
        }
    }
}
