package org.opsdesk.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Builds raw test mails as a customer's mail program would send them. */
public final class Mails {

    private static final Session SESSION = Session.getInstance(new Properties());

    private Mails() {
    }

    public static Builder from(String from) {
        return new Builder(from);
    }

    public static final class Builder {
        private final MimeMessage m = new MimeMessage(SESSION);
        private String messageId = "<" + Fixtures.unique("msg") + "@customer.example>";

        Builder(String from) {
            try {
                m.setFrom(new InternetAddress(from));
            } catch (MessagingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        public Builder to(String to) {
            return run(() -> m.setRecipients(Message.RecipientType.TO, to));
        }

        public Builder subject(String subject) {
            return run(() -> m.setSubject(subject, "UTF-8"));
        }

        public Builder text(String text) {
            return run(() -> m.setText(text, "UTF-8"));
        }

        /** An HTML body alone (as some mail programs send it, with no text part). */
        public Builder html(String html) {
            return run(() -> m.setText(html, "UTF-8", "html"));
        }

        /** The text, and one attached file after it (multipart/mixed). */
        public Builder textWithAttachment(String text, String filename, String contentType, byte[] bytes) {
            return run(() -> {
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text, "UTF-8");
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, contentType)));
                file.setFileName(filename);
                file.setDisposition(Part.ATTACHMENT);
                m.setContent(new MimeMultipart(body, file));
            });
        }

        public Builder header(String name, String value) {
            return run(() -> m.setHeader(name, value));
        }

        public Builder messageId(String id) {
            this.messageId = id;
            return this;
        }

        public String messageId() {
            return messageId;
        }

        public byte[] bytes() {
            try {
                if (m.getContent() == null) {
                    m.setText("");
                }
            } catch (IOException | MessagingException e) {
                run(() -> m.setText(""));
            }
            run(() -> {
                m.saveChanges();
                m.setHeader("Message-ID", messageId);
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                m.writeTo(out);
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        }

        private Builder run(MailAction a) {
            try {
                a.run();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }
    }

    @FunctionalInterface
    interface MailAction {
        void run() throws MessagingException;
    }
}
