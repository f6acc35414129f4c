package org.opsdesk.mail.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Builds test mail fluently, after Apache James' {@code MimeMessageBuilder}: Jakarta Mail (Angus) does the
 * encoding, so tests read what a standard mailer writes. For the broken mail a parser must survive, headers
 * can be given exactly as written ({@link #addHeader}), bodies as raw bytes ({@link #setRawBody}) and parts
 * with content that is already (badly) encoded ({@link BodyPartBuilder#rawEncodedData}).
 *
 * <pre>{@code
 * byte[] mail = mimeMessageBuilder().setFrom("Alice <alice@example.com>").setSubject("Printer")
 *         .setMultipart("alternative", bodyPartBuilder().data("Hi"), bodyPartBuilder().type("text/html").data("<p>Hi"))
 *         .asBytes();
 * }</pre>
 */
public final class MimeMessageBuilder {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final List<String[]> headers = new ArrayList<>();
    private String subject;
    private String subjectCharset;
    private String text;
    private String textType;
    private BodyPartBuilder[] parts;
    private String multipartSubtype;
    private byte[] rawBody;

    private MimeMessageBuilder() {
    }

    public static MimeMessageBuilder mimeMessageBuilder() {
        return new MimeMessageBuilder();
    }

    public static BodyPartBuilder bodyPartBuilder() {
        return new BodyPartBuilder();
    }

    /** The subject, RFC 2047 encoded in UTF-8 by Jakarta Mail when it is not ASCII. */
    public MimeMessageBuilder setSubject(String value) {
        return setSubject(value, "UTF-8");
    }

    public MimeMessageBuilder setSubject(String value, String charset) {
        this.subject = value;
        this.subjectCharset = charset;
        return this;
    }

    /** From, exactly as written, e.g. {@code "Alice Example" <alice@example.com>}; replaces an earlier From. */
    public MimeMessageBuilder setFrom(String value) {
        return setHeader("From", value);
    }

    public MimeMessageBuilder addToRecipient(String value) {
        return addHeader("To", value);
    }

    public MimeMessageBuilder addCcRecipient(String value) {
        return addHeader("Cc", value);
    }

    public MimeMessageBuilder setMessageId(String value) {
        return setHeader("Message-ID", value);
    }

    /** A header exactly as written, replacing every earlier one of that name. */
    public MimeMessageBuilder setHeader(String name, String value) {
        headers.removeIf(header -> header[0].equalsIgnoreCase(name));
        return addHeader(name, value);
    }

    /** A header exactly as written (no encoding, no validation). */
    public MimeMessageBuilder addHeader(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** A text/plain body in UTF-8. */
    public MimeMessageBuilder setText(String value) {
        return setText(value, "text/plain; charset=UTF-8");
    }

    /** A single-part body of the given Content-Type, encoded in the type's charset. */
    public MimeMessageBuilder setText(String value, String contentType) {
        this.text = value;
        this.textType = contentType;
        return this;
    }

    public MimeMessageBuilder setMultipart(String subtype, BodyPartBuilder... bodyParts) {
        this.multipartSubtype = subtype;
        this.parts = bodyParts.clone();
        return this;
    }

    /**
     * A body written out byte for byte after the headers: for undeclared 8-bit text, bad transfer encodings
     * and the like. Give Content-Type and Content-Transfer-Encoding (if any) with {@link #addHeader}.
     */
    public MimeMessageBuilder setRawBody(byte[] body) {
        this.rawBody = body.clone();
        return this;
    }

    public MimeMessage build() {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            if (subject != null) {
                message.setSubject(subject, subjectCharset);
            }
            if (parts != null) {
                MimeMultipart multipart = new MimeMultipart(multipartSubtype);
                for (BodyPartBuilder part : parts) {
                    multipart.addBodyPart(part.build());
                }
                message.setContent(multipart);
            } else if (text != null) {
                message.setContent(text, textType);
            } else if (rawBody == null) {
                message.setText("");
            }
            for (String[] header : headers) {
                message.addHeader(header[0], header[1]);
            }
            if (rawBody == null) {
                message.saveChanges();
                for (String[] header : headers) { // saveChanges() replaces Message-ID: keep the one asked for
                    if (header[0].equalsIgnoreCase("Message-ID")) {
                        message.setHeader("Message-ID", header[1]);
                    }
                }
            }
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the test message", e);
        }
    }

    /** The message as it would go over the wire (CRLF line ends). */
    public byte[] asBytes() {
        MimeMessage message = build();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (rawBody == null) {
                message.writeTo(out);
            } else {
                for (String line : Collections.list(message.getAllHeaderLines())) {
                    out.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(rawBody);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write the test message", e);
        }
    }

    /** One body part; {@link #build()} makes a Jakarta Mail {@link MimeBodyPart}. */
    public static final class BodyPartBuilder {
        private String type = "text/plain; charset=UTF-8";
        private byte[] data = new byte[0];
        private String filename;
        private String disposition;
        private String contentId;
        private String transferEncoding;
        private String rawEncoded;
        private String multipartSubtype;
        private BodyPartBuilder[] parts;
        private final List<String[]> headers = new ArrayList<>();

        private BodyPartBuilder() {
        }

        /** The Content-Type, with parameters; text types should name their charset. */
        public BodyPartBuilder type(String contentType) {
            this.type = contentType;
            return this;
        }

        /** Text content, written in the charset of {@link #type} (UTF-8 when it names none). */
        public BodyPartBuilder data(String value) {
            String charset = charsetOf(type);
            this.data = value.getBytes(Charset.forName(charset));
            return this;
        }

        public BodyPartBuilder data(byte[] value) {
            this.data = value.clone();
            return this;
        }

        /** A nested message (message/rfc822). */
        public BodyPartBuilder message(MimeMessageBuilder nested) {
            this.type = "message/rfc822";
            this.data = nested.asBytes();
            return this;
        }

        /** A nested multipart. */
        public BodyPartBuilder multipart(String subtype, BodyPartBuilder... bodyParts) {
            this.multipartSubtype = subtype;
            this.parts = bodyParts.clone();
            return this;
        }

        /** A file name, encoded by Jakarta Mail (RFC 2231 when not ASCII). */
        public BodyPartBuilder filename(String value) {
            this.filename = value;
            return this;
        }

        /** {@code attachment} or {@code inline}. */
        public BodyPartBuilder disposition(String value) {
            this.disposition = value;
            return this;
        }

        /** The Content-ID, e.g. {@code <logo@example>}. */
        public BodyPartBuilder contentId(String value) {
            this.contentId = value;
            return this;
        }

        /** The Content-Transfer-Encoding Jakarta Mail should use (base64, quoted-printable, 8bit…). */
        public BodyPartBuilder transferEncoding(String value) {
            this.transferEncoding = value;
            return this;
        }

        /** Content already in the given transfer encoding, written as it is (it may be broken on purpose). */
        public BodyPartBuilder rawEncodedData(String encoded, String encoding) {
            this.rawEncoded = encoded;
            this.transferEncoding = encoding;
            return this;
        }

        /** A header exactly as written; replaces one set by the other methods. */
        public BodyPartBuilder addHeader(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        public MimeBodyPart build() throws MessagingException {
            MimeBodyPart part;
            if (rawEncoded != null) {
                InternetHeaders raw = new InternetHeaders();
                raw.setHeader("Content-Type", type);
                raw.setHeader("Content-Transfer-Encoding", transferEncoding);
                part = new MimeBodyPart(raw, rawEncoded.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                part = new MimeBodyPart();
                if (parts != null) {
                    MimeMultipart multipart = new MimeMultipart(multipartSubtype);
                    for (BodyPartBuilder child : parts) {
                        multipart.addBodyPart(child.build());
                    }
                    part.setContent(multipart);
                } else {
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(data, type)));
                    part.setHeader("Content-Type", type);
                }
                if (transferEncoding != null) {
                    part.setHeader("Content-Transfer-Encoding", transferEncoding);
                }
            }
            if (filename != null) {
                part.setFileName(filename);
            }
            if (disposition != null) {
                part.setDisposition(disposition);
            }
            if (contentId != null) {
                part.setContentID(contentId);
            }
            for (String[] header : headers) {
                part.setHeader(header[0], header[1]);
            }
            return part;
        }

        private static String charsetOf(String contentType) {
            try {
                String charset = new ContentType(contentType).getParameter("charset");
                return charset == null ? "UTF-8" : MimeUtility.javaCharset(charset);
            } catch (ParseException e) {
                return "UTF-8";
            }
        }
    }
}
