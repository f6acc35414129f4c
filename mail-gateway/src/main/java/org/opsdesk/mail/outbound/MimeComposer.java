package org.opsdesk.mail.outbound;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import org.opsdesk.application.TicketCommands.NewAttachment;
import org.opsdesk.application.mail.OutboxService.OutgoingMail;

/**
 * Turns an outbox entry into MIME: our signed Message-ID, In-Reply-To, References, the subject tag,
 * Auto-Submitted for automatic mail, our loop header, Reply-To the queue; text and HTML as
 * alternatives, attachments. Header values never carry CR or LF (no header injection).
 */
public final class MimeComposer {

    private MimeComposer() {
    }

    public static MimeMessage compose(Session session, OutgoingMail m) throws MessagingException {
        String messageId = "<" + clean(m.messageId()) + ">";
        MimeMessage msg = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        msg.setFrom(address(m.fromAddress(), m.fromName()));
        if (m.replyTo() != null) {
            msg.setReplyTo(new InternetAddress[] {address(m.replyTo(), null)});
        }
        InternetAddress[] to = addresses(m.to());
        InternetAddress[] cc = addresses(m.cc());
        if (to.length + cc.length == 0) {
            throw new AddressException("No recipient of this mail has an address a mail can be sent to: "
                    + String.join(", ", unaddressable(m)));
        }
        if (to.length > 0) {
            msg.setRecipients(Message.RecipientType.TO, to);
        }
        if (cc.length > 0) {
            msg.setRecipients(Message.RecipientType.CC, cc);
        }
        msg.setSubject(clean(m.subject()), "UTF-8");
        msg.setSentDate(new Date());
        if (m.inReplyTo() != null) {
            msg.setHeader("In-Reply-To", "<" + clean(m.inReplyTo()) + ">");
        }
        if (m.references() != null) {
            msg.setHeader("References", MimeUtility.fold(12, clean(m.references())));
        }
        if (m.autoSubmitted() != null) {
            msg.setHeader("Auto-Submitted", clean(m.autoSubmitted()));
            msg.setHeader("X-Auto-Response-Suppress", "All");
        }
        msg.setHeader(m.loopHeader(), clean(m.loopValue()));

        MimeMultipart alternative = null;
        if (m.html() != null && !m.html().isBlank()) {
            alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.html(), "UTF-8", "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
        }
        if (m.attachments().isEmpty()) {
            if (alternative != null) {
                msg.setContent(alternative);
            } else {
                msg.setText(m.text(), "UTF-8");
            }
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            if (alternative != null) {
                body.setContent(alternative);
            } else {
                body.setText(m.text(), "UTF-8");
            }
            mixed.addBodyPart(body);
            for (NewAttachment a : m.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.contentType())));
                part.setFileName(encodedName(a.filename()));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            msg.setContent(mixed);
        }
        msg.saveChanges();
        return msg;
    }

    private static String encodedName(String filename) throws MessagingException {
        try {
            return MimeUtility.encodeText(clean(filename), "UTF-8", null);
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    private static InternetAddress address(String address, String name) throws MessagingException {
        try {
            InternetAddress a = name == null || name.isBlank() ? new InternetAddress(clean(address), true)
                    : new InternetAddress(clean(address), clean(name), "UTF-8");
            a.validate();
            return a;
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    /**
     * The recipients (To and Cc) that are no address Jakarta Mail sends to, though an inbound mail gave them: a dot
     * at the end of the local part ({@code taro.@docomo.ne.jp}, as some mobile carriers issued) or two dots in a
     * row. The mail goes to the others; one such Cc must not keep it from everyone.
     */
    public static List<String> unaddressable(OutgoingMail m) {
        return java.util.stream.Stream.concat(m.to().stream(), m.cc().stream()).filter(a -> parsed(a) == null)
                .toList();
    }

    private static InternetAddress parsed(String address) {
        try {
            return address(address, null);
        } catch (MessagingException notAnAddress) {
            return null;
        }
    }

    private static InternetAddress[] addresses(List<String> list) {
        return list.stream().map(MimeComposer::parsed).filter(java.util.Objects::nonNull)
                .toArray(InternetAddress[]::new);
    }

    /** No CR, LF or other control characters in anything that goes into a header. */
    static String clean(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
