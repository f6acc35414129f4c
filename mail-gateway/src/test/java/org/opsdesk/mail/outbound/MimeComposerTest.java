package org.opsdesk.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.opsdesk.application.TicketCommands.NewAttachment;
import org.opsdesk.application.mail.OutboxService.OutgoingMail;

class MimeComposerTest {

    private final Session session = Session.getInstance(new Properties());

    private OutgoingMail mail(String subject, String name, String html, List<NewAttachment> files) {
        return new OutgoingMail(1, "reply", 42L, "opsdesk.42.abc.0123456789abcdef0123@support.example",
                "support@support.example", name, "support@support.example", List.of("carol@customer.example"),
                List.of("dave@customer.example"), subject, "Plain text ✓", html, "q1@customer.example",
                "<q1@customer.example> <opsdesk.42.x.y@support.example>", null, "X-OpsDesk-Loop", "support.example",
                files, 1);
    }

    private OutgoingMail to(List<String> to, List<String> cc) {
        return new OutgoingMail(1, "reply", 42L, "opsdesk.42.abc.0123456789abcdef0123@support.example",
                "support@support.example", null, "support@support.example", to, cc, "s", "text", null, null, null,
                null, "X-OpsDesk-Loop", "support.example", List.of(), 1);
    }

    @Test
    void aRecipientNoMailCanGoToIsLeftOutAndNamedTheOthersGetIt() throws Exception {
        // addresses an inbound mail can bring (some mobile carriers issued the first) that Jakarta Mail refuses
        OutgoingMail m = to(List.of("taro.@docomo.ne.jp", "carol@customer.example"), List.of("x@exa..mple.com"));

        MimeMessage composed = MimeComposer.compose(session, m);

        assertThat(MimeComposer.unaddressable(m)).containsExactly("taro.@docomo.ne.jp", "x@exa..mple.com");
        assertThat(composed.getHeader("To", ",")).isEqualTo("carol@customer.example");
        assertThat(composed.getHeader("Cc")).isNull();
        assertThat(MimeComposer.unaddressable(to(List.of("a@customer.example"), List.of("\"smith, john\"@x.example"))))
                .isEmpty();
    }

    @Test
    void threadingHeadersAreSet() throws Exception {
        MimeMessage m = MimeComposer.compose(session, mail("[OpsDesk #42] Re: Disk", "Alice", null, List.of()));
        assertThat(m.getHeader("Message-ID")[0]).isEqualTo("<opsdesk.42.abc.0123456789abcdef0123@support.example>");
        assertThat(m.getHeader("In-Reply-To")[0]).isEqualTo("<q1@customer.example>");
        assertThat(m.getHeader("References")[0]).contains("<q1@customer.example>");
        assertThat(m.getHeader("X-OpsDesk-Loop")[0]).isEqualTo("support.example");
        assertThat(m.getHeader("Auto-Submitted")).isNull();
        assertThat(m.getReplyTo()[0].toString()).isEqualTo("support@support.example");
        assertThat(m.getSubject()).isEqualTo("[OpsDesk #42] Re: Disk");
        assertThat(m.getContent().toString()).contains("Plain text ✓");
    }

    @Test
    void noHeaderInjectionThroughSubjectOrName() throws Exception {
        MimeMessage m = MimeComposer.compose(session,
                mail("Hi\r\nBcc: victim@example.com", "Eve\r\nBcc: victim2@example.com", null, List.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        String raw = out.toString(StandardCharsets.ISO_8859_1);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertThat(headers).doesNotContainPattern("(?m)^Bcc:");
        assertThat(m.getRecipients(jakarta.mail.Message.RecipientType.BCC)).isNull();
    }

    @Test
    void htmlAndAttachmentsBecomeAlternativeAndMixed() throws Exception {
        MimeMessage m = MimeComposer.compose(session, mail("s", null, "<p>Hi</p>",
                List.of(new NewAttachment("report.pdf", "application/pdf", new byte[] {1, 2, 3}))));
        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(((MimeMultipart) mixed.getBodyPart(0).getContent()).getContentType())
                .startsWith("multipart/alternative");
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("report.pdf");
    }
}
