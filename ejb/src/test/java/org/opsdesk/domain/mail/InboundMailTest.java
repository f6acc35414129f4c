package org.opsdesk.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class InboundMailTest {

    private static final String MAIL = "From: Alice <alice@customer.example>\r\nDate: Sun, 6 Dec 2026 04:00:00 +0000\r\n"
            + "Subject: Printer\r\n on fire\r\nMessage-ID: <1@pc>\r\n\r\nIt burns.\r\n\r\n";

    private static String fingerprint(String raw) {
        return InboundMail.contentFingerprint(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void oneMailIsOneMailHoweverItTravelled() {
        String viaPipe = "From alice@customer.example Sun Dec  6 04:00:01 2026\nReturn-Path: <alice@customer.example>\n"
                + "Received: from mx by desk\n" + MAIL.replace("\r\n", "\n").replace("It burns.", "It burns.  ");
        String viaImap = "Received: from mx2 by imap\r\nDelivered-To: support@desk.example\r\n" + MAIL;

        assertThat(fingerprint(viaPipe)).isEqualTo(fingerprint(viaImap)).isEqualTo(fingerprint(MAIL));
    }

    @Test
    void anotherMailUnderTheSameMessageIdIsAnotherMail() {
        assertThat(fingerprint(MAIL.replace("It burns.", "It is out now."))).isNotEqualTo(fingerprint(MAIL));
        assertThat(fingerprint(MAIL.replace("on fire", "jammed"))).as("a folded subject line counts")
                .isNotEqualTo(fingerprint(MAIL));
        assertThat(fingerprint(MAIL.replace("04:00:00", "05:00:00"))).isNotEqualTo(fingerprint(MAIL));
        assertThat(InboundMail.reusedIdKey("1@pc", fingerprint(MAIL))).startsWith("mid:1@pc#").hasSize(9 + 16);
    }

    @Test
    void aMailWithoutMessageIdIsOneMailHoweverItTravelledWhenDatedAndItsBytesWhenNot() {
        String dated = MAIL.replace("Message-ID: <1@pc>\r\n", "");
        byte[] viaPipe = ("Return-Path: <alice@customer.example>\nReceived: from mx by desk\n"
                + dated.replace("\r\n", "\n")).getBytes(StandardCharsets.ISO_8859_1);
        byte[] viaImap = ("Received: from mx2 by imap\r\n" + dated).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(InboundMail.idlessKey(viaPipe, "aa", "support")).startsWith("fp:")
                .isEqualTo(InboundMail.idlessKey(viaImap, "bb", "support"));

        // a script's hourly undated mail: each copy is a mail of its own, told apart by its bytes
        String undated = dated.replace("Date: Sun, 6 Dec 2026 04:00:00 +0000\r\n", "");
        byte[] hourly = undated.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(InboundMail.idlessKey(hourly, "cc", "support")).isEqualTo("sha256:cc");
        assertThat(InboundMail.idlessKey(undated.replace("Subject:", "Date:\r\nSubject:")
                .getBytes(StandardCharsets.ISO_8859_1), "dd", "support")).as("an empty Date is none").isEqualTo("sha256:dd");

        // a copy for each contact, or for another queue, is a mail of its own
        String toOps = "To: ops@desk.example\r\n" + dated;
        assertThat(InboundMail.idlessKey(toOps.getBytes(StandardCharsets.ISO_8859_1), "ee", "support"))
                .isNotEqualTo(InboundMail.idlessKey(("To: dba@desk.example\r\n" + dated)
                        .getBytes(StandardCharsets.ISO_8859_1), "ff", "support"))
                .isNotEqualTo(InboundMail.idlessKey(toOps.getBytes(StandardCharsets.ISO_8859_1), "ee", "dba"));
    }

    @Test
    void aLongRunOfBlanksIsReadInOnePass() {
        // no regular expression over the body: a megabyte of blanks before a letter would take quadratic time
        String raw = MAIL + " ".repeat(2_000_000) + "x\r\n";
        // a guard against the quadratic hours (stopped, not waited out), not a speed target
        assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> fingerprint(raw))).hasSize(64);
    }
}
