package org.opsdesk.mail.inbound.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opsdesk.mail.inbound.parse.Addresses.Mailbox;

/**
 * Reads raw mail bytes into a {@link ParsedMail}, permissively: whatever has a sensible reading is read, and
 * every repair or skipped part is listed in {@link ParsedMail#notes()}. Only bytes that are no mail at all
 * (nothing, only whitespace, or binary data without a header) throw {@link UnparseableMailException}.
 *
 * <p>Stateless and thread-safe: one instance may serve every poller. See the package documentation for why
 * the MIME structure is read here rather than by Jakarta Mail's {@code MimeMessage}.
 */
public final class MailParser {

    /** Share of control bytes (other than tab, CR, LF, FF, ESC) above which headerless bytes count as binary. */
    private static final double MAX_CONTROL_SHARE = 0.05;
    private static final int SNIFF_BYTES = 8192;

    public ParsedMail parse(byte[] raw) throws UnparseableMailException {
        if (raw == null || raw.length == 0) {
            throw new UnparseableMailException("empty input: no bytes at all", null);
        }
        try {
            return read(raw);
        } catch (RuntimeException e) { // a parser bug: quarantine the mail with the reason rather than lose it
            throw new UnparseableMailException("parser failure: " + e, e);
        }
    }

    private static ParsedMail read(byte[] raw) throws UnparseableMailException {
        List<String> notes = new ArrayList<>();
        byte[] bytes = RawInput.prepare(raw, notes::add);
        MimeEntity message = EntityReader.read(bytes, 0, bytes.length, true);
        if (message.headers().isEmpty()) {
            refuseHopeless(message, raw.length);
        }
        BodyCollector body = new BodyCollector(notes);
        body.collect(message);
        if (body.textIsFromNestedMessages()) {
            notes.add("no text of its own: the text of the attached message(s) was used");
        }
        Headers headers = message.headers();
        Mailbox from = Addresses.first(headers.first("from"));
        Mailbox replyTo = Addresses.first(headers.first("reply-to"));
        return new ParsedMail(
                MessageIds.first(headers.first("message-id")),
                List.copyOf(MessageIds.all(headers.all("in-reply-to"))),
                List.copyOf(MessageIds.all(headers.all("references"))),
                subject(headers.first("subject")),
                from == null ? null : from.address(),
                from == null ? null : from.name(),
                List.copyOf(Addresses.addresses(headers.all("to"))),
                List.copyOf(Addresses.addresses(headers.all("cc"))),
                replyTo == null ? null : replyTo.address(),
                returnPath(headers.first("return-path")),
                date(headers.first("date"), notes),
                headers.decoded(),
                body.text(),
                body.html(),
                body.attachments(),
                body.report(),
                List.copyOf(notes));
    }

    /** A message without any header field is still read, unless it has no body either or is binary data. */
    private static void refuseHopeless(MimeEntity message, int size) throws UnparseableMailException {
        if (message.hasBlankBody()) {
            throw new UnparseableMailException("no header and no body (" + size + " bytes of whitespace)", null);
        }
        byte[] data = message.source();
        int sniffed = Math.min(message.bodyEnd() - message.bodyStart(), SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < sniffed; i++) {
            int b = data[message.bodyStart() + i] & 0xff;
            boolean allowed = b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x1b;
            control += b < 0x20 && !allowed || b == 0x7f ? 1 : 0;
        }
        if (control > sniffed * MAX_CONTROL_SHARE) {
            throw new UnparseableMailException("binary data, not a mail: no header field and " + control
                    + " control bytes in the first " + sniffed + " bytes", null);
        }
    }

    /** Decoded, on one line, without control characters; "" when missing. */
    private static String subject(String raw) {
        if (raw == null) {
            return "";
        }
        return EncodedWords.decode(raw).replaceAll("[\\p{Cntrl}&&[^\\t]]", "").replaceAll("\\s+", " ").strip();
    }

    /** Null when absent, "" for the null sender {@code <>}, else the address. */
    private static String returnPath(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.replaceAll("\\([^()]*\\)", "").strip();
        if (value.replaceAll("\\s+", "").equals("<>") || value.isEmpty()) {
            return "";
        }
        Mailbox mailbox = Addresses.first(value);
        return mailbox == null ? value : mailbox.address();
    }

    private static Instant date(String raw, List<String> notes) {
        Instant date = MailDates.parse(raw);
        if (date == null && raw != null) {
            notes.add("unreadable Date header '" + raw + "'");
        }
        return date;
    }
}
