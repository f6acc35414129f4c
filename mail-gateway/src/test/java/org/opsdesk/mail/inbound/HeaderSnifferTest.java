package org.opsdesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HeaderSnifferTest {

    private static byte[] mail(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsTheMessageIdFromTheHeaderSectionOnly() {
        assertThat(HeaderSniffer.messageId(mail("From: a@b\r\nMessage-ID: <abc.1@example.com>\r\n\r\nbody"))).isEqualTo("abc.1@example.com");
        assertThat(HeaderSniffer.messageId(mail("From x@y Sat Jan  3 01:05:34 1996\nmessage-id:\n  <folded@example.com>\n\nb"))).isEqualTo("folded@example.com");
        assertThat(HeaderSniffer.messageId(mail("Message-Id: bare@example.com\n\n"))).isEqualTo("bare@example.com");
        assertThat(HeaderSniffer.messageId(mail("Subject: x\n\nMessage-ID: <in-body@example.com>\n"))).isNull();
        assertThat(HeaderSniffer.messageId(mail("Message-ID: \n\n"))).isNull();
        assertThat(HeaderSniffer.messageId(new byte[0])).isNull();
    }

    @Test
    void anIdWithAControlCharacterIsNone() {
        // the mail is then known by its hash: PostgreSQL stores no NUL, and the id was its dedupe key
        assertThat(HeaderSniffer.messageId(mail("Message-ID: <a\0b@example.com>\r\n\r\nbody"))).isNull();
        assertThat(HeaderSniffer.messageId(mail("Message-ID: <a\u0007b@example.com>\r\n\r\nbody"))).isNull();
        assertThat(HeaderSniffer.messageId(mail("Message-ID:\t<tab@example.com>\t(a comment)\r\n\r\nbody")))
                .isEqualTo("tab@example.com");
    }
}
