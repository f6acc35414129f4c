package org.opsdesk.mail.inbound.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opsdesk.mail.inbound.parse.ParsedMail.DeliveryReport;
import org.opsdesk.mail.inbound.parse.ParsedMail.ParsedAttachment;

/**
 * Walks the MIME tree of one message and collects what a ticket needs: body text and HTML, attachments,
 * the delivery report, and a note for everything repaired or skipped. What goes where:
 * <ul>
 * <li>text/plain and text/html parts are body unless they are attachments (Content-Disposition attachment,
 * or a file name on anything but the message's own single part); all of them are joined in order, so
 * multipart/alternative keeps both text and HTML and a list footer part is not lost;</li>
 * <li>multipart/signed: only the signed content (the signature is dropped); multipart/related: the root
 * part is body, the other parts that can be referred to (Content-ID, Content-Location, file name) are
 * attachments, inline when they have a Content-ID;
 * multipart/digest: parts default to message/rfc822; mixed, parallel and unknown subtypes: every part;</li>
 * <li>message/rfc822 becomes an attachment ({@code <subject>.eml}). Its text, under a "Forwarded message"
 * block with its From, Date and Subject, joins the body text when the part is marked inline (a forward
 * meant to be read in place), and otherwise only when the outer message has no text or HTML of its own (a
 * forward-as-attachment without a comment);</li>
 * <li>the first multipart/report fills the {@link DeliveryReport};</li>
 * <li>a part that cannot be decoded is skipped with a note; unknown transfer encodings are read as they
 * are for body text but skip attachments.</li>
 * </ul>
 * Work is bounded: nesting depth, number of parts, and characters of text and of HTML. One instance per
 * message; not thread-safe.
 */
final class BodyCollector {

    static final int MAX_DEPTH = 20;
    static final int MAX_PARTS = 1_000;
    static final int MAX_BODY_CHARS = 2_000_000;

    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> REPORT_HEADER_TYPES =
            Set.of("text/rfc822-headers", "message/rfc822-headers", "message/global-headers");

    /** Parts of multipart/related other than the root are resources of it, never body text. */
    private enum Role { CONTENT, RELATED_RESOURCE }

    /**
     * What the parts of one message may decode to in all, nested messages' included: every decoded copy is held while
     * the message is read. Twenty x-gzip64 parts of 60 MB of zeros each (1.6 MB as mail) ran the server out of memory,
     * and so did one under eighteen nested messages, each level a copy.
     */
    static final int MAX_DECODED_PER_MESSAGE = 128 * 1024 * 1024;

    /** Counts parts, and the bytes decoded, across a message and the messages nested in it. */
    private static final class Budget {
        int parts;
        long decoded;
    }

    /**
     * The entity's body decoded, counted against the message's allowance; a part beyond it is skipped (with a note by
     * the caller), and once the allowance is spent no later part inflates again.
     */
    private byte[] decode(MimeEntity entity, String encoding, Consumer<String> partNotes)
            throws UndecodableContentException {
        long left = MAX_DECODED_PER_MESSAGE - budget.decoded;
        byte[] body = entity.body();
        if (left < body.length) {
            budget.decoded = MAX_DECODED_PER_MESSAGE;
            throw new UndecodableContentException("the message's parts decode to more than "
                    + MAX_DECODED_PER_MESSAGE + " bytes in all");
        }
        try {
            byte[] bytes = TransferEncodings.decode(body, encoding, partNotes, (int) Math.min(Integer.MAX_VALUE - 1,
                    left));
            budget.decoded += bytes.length;
            return bytes;
        } catch (InflationLimitException e) {
            budget.decoded = MAX_DECODED_PER_MESSAGE; // what it tried to inflate is spent
            throw e;
        }
    }

    private final List<String> notes;
    private final Budget budget;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private boolean hasHtml;
    private final List<ParsedAttachment> attachments = new ArrayList<>();
    private final List<String> nestedTexts = new ArrayList<>();
    private Report report;
    private Report activeReport;
    private final Set<String> truncated = new LinkedHashSet<>();

    BodyCollector(List<String> notes) {
        this(notes, new Budget());
    }

    private BodyCollector(List<String> notes, Budget budget) {
        this.notes = notes;
        this.budget = budget;
    }

    /** Walks the message; call once. */
    void collect(MimeEntity message) {
        visit(message, "message", 0, MediaType.TEXT_PLAIN, Role.CONTENT, true);
    }

    /** The body text: the text parts, else the HTML rendered as text, else the text of attached messages. */
    String text() {
        if (!text.isEmpty()) {
            return text.toString();
        }
        if (hasHtml) {
            return org.opsdesk.application.HtmlText.render(html.toString());
        }
        String joined = String.join("\n\n", nestedTexts);
        return joined.length() > MAX_BODY_CHARS ? joined.substring(0, MAX_BODY_CHARS) : joined;
    }

    /** Whether the text comes from attached messages only. */
    boolean textIsFromNestedMessages() {
        return text.isEmpty() && !hasHtml && !nestedTexts.isEmpty();
    }

    /** The raw HTML of the HTML parts, or null when there are none. */
    String html() {
        return hasHtml ? html.toString() : null;
    }

    List<ParsedAttachment> attachments() {
        return List.copyOf(attachments);
    }

    DeliveryReport report() {
        return report == null ? null : report.build();
    }

    private void visit(MimeEntity entity, String label, int depth, String defaultType, Role role, boolean root) {
        Consumer<String> partNotes = note -> notes.add(label + ": " + note);
        entity.defects().forEach(partNotes);
        if (depth > MAX_DEPTH) {
            notes.add(label + " skipped: nested deeper than " + MAX_DEPTH + " levels");
            return;
        }
        if (++budget.parts > MAX_PARTS) {
            if (budget.parts == MAX_PARTS + 1) {
                notes.add(label + " and all later parts skipped: more than " + MAX_PARTS + " parts");
            }
            return;
        }
        MediaType type = MediaType.parse(entity.headers().first("content-type"), defaultType, partNotes);
        try {
            if (type.isMultipart()) {
                multipart(entity, type, label, depth, role, partNotes);
            } else if (type.is(MediaType.MESSAGE_RFC822) || type.is("message/global")) {
                message(entity, type, label, depth, partNotes);
            } else if (isBodyText(entity, type, role, root)) {
                bodyText(entity, type, partNotes);
            } else {
                attachment(entity, type, partNotes);
            }
        } catch (UndecodableContentException e) {
            notes.add(describe(label, entity, type) + " skipped: " + e.getMessage());
        } catch (RuntimeException e) { // a bug in here must cost one part, not the whole mail
            notes.add(describe(label, entity, type) + " skipped: unexpected " + e);
        }
    }

    private void multipart(MimeEntity entity, MediaType type, String label, int depth, Role role,
            Consumer<String> partNotes) {
        byte[] source = entity.source();
        MultipartSplitter.Split split = MultipartSplitter.split(source, entity.bodyStart(), entity.bodyEnd(),
                type.param("boundary"), partNotes);
        if (split.parts().isEmpty()) {
            MultipartSplitter.Range preamble = split.preamble();
            if (!Bytes.isBlank(source, preamble.from(), preamble.to())) {
                partNotes.accept(type.type() + " without parts; its text was read as its only part");
                MimeEntity onlyPart = EntityReader.read(source, preamble.from(), preamble.to(), false);
                visit(onlyPart, childLabel(label, 1), depth + 1, MediaType.TEXT_PLAIN, role, false);
            }
            return;
        }
        List<MimeEntity> children = split.parts().stream()
                .map(range -> EntityReader.read(source, range.from(), range.to(), false)).toList();
        String childDefault = type.subtype().equals("digest") ? MediaType.MESSAGE_RFC822 : MediaType.TEXT_PLAIN;
        int rootIndex = type.subtype().equals("related") ? relatedRoot(children, type.param("start")) : -1;
        int count = type.subtype().equals("signed") ? 1 : children.size();
        Report outerReport = activeReport;
        if (type.subtype().equals("report") && report == null) {
            report = new Report(type.param("report-type"));
            activeReport = report;
        }
        for (int i = 0; i < count; i++) {
            MimeEntity child = children.get(i);
            Role childRole = rootIndex >= 0 && i != rootIndex && isReferable(child) ? Role.RELATED_RESOURCE : role;
            visit(child, childLabel(label, i + 1), depth + 1, childDefault, childRole, false);
        }
        activeReport = outerReport;
    }

    private static int relatedRoot(List<MimeEntity> children, String start) {
        if (start != null) {
            String wanted = start.strip().replaceAll("^<|>$", "");
            for (int i = 0; i < children.size(); i++) {
                if (wanted.equals(children.get(i).contentId())) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** A resource of multipart/related is found by Content-ID, Content-Location or name; other parts are content. */
    private static boolean isReferable(MimeEntity part) {
        Headers headers = part.headers();
        MediaType type = MediaType.parse(headers.first("content-type"), MediaType.TEXT_PLAIN, ignored -> { });
        return part.contentId() != null || headers.first("content-location") != null || part.filename(type) != null;
    }

    private void message(MimeEntity entity, MediaType type, String label, int depth, Consumer<String> partNotes)
            throws UndecodableContentException {
        byte[] bytes = decode(entity, entity.transferEncoding(), partNotes);
        MimeEntity inner = EntityReader.read(bytes, 0, bytes.length, true);
        String filename = entity.filename(type);
        if (filename == null) {
            filename = emlName(EncodedWords.decode(inner.headers().first("subject")));
        }
        attachments.add(new ParsedAttachment(filename, MediaType.MESSAGE_RFC822, entity.contentId(), isInline(entity),
                bytes));
        if (activeReport != null) {
            activeReport.originalMessageId(MessageIds.first(inner.headers().first("message-id")));
        }
        BodyCollector nested = new BodyCollector(notes, budget);
        nested.visit(inner, label, depth + 1, MediaType.TEXT_PLAIN, Role.CONTENT, true);
        String nestedText = nested.text();
        if (nestedText.isBlank()) {
            return;
        }
        String forwarded = forwardedBlock(inner.headers(), nestedText);
        if (isInline(entity)) {
            appendText(forwarded);
        } else {
            nestedTexts.add(forwarded);
        }
    }

    /** The text of an attached message, introduced the way mail clients show a forwarded message. */
    private static String forwardedBlock(Headers headers, String text) {
        StringBuilder block = new StringBuilder("---------- Forwarded message ----------\n");
        for (String name : List.of("From", "Date", "Subject")) {
            String value = headers.first(name);
            if (value != null) {
                block.append(name).append(": ").append(EncodedWords.decode(value)).append('\n');
            }
        }
        return block.append('\n').append(text).toString();
    }

    private static boolean isBodyText(MimeEntity entity, MediaType type, Role role, boolean root) {
        if (!type.is(MediaType.TEXT_PLAIN) && !type.is("text/html") || role == Role.RELATED_RESOURCE) {
            return false;
        }
        return root || !entity.disposition().value().equals("attachment") && entity.filename(type) == null;
    }

    private void bodyText(MimeEntity entity, MediaType type, Consumer<String> partNotes)
            throws UndecodableContentException {
        String encoding = entity.transferEncoding();
        byte[] bytes;
        if (TransferEncodings.isKnown(encoding)) {
            bytes = decode(entity, encoding, partNotes);
        } else {
            partNotes.accept("unknown transfer encoding '" + encoding.strip() + "'; text read as it is");
            bytes = entity.body();
        }
        boolean isHtml = type.is("text/html");
        String charset = type.param("charset");
        if (isHtml && !MailCharsets.isDeclared(charset)) {
            charset = metaCharset(bytes);
        }
        String content = MailCharsets.decode(bytes, charset, partNotes);
        if (content.indexOf('\0') >= 0) {
            partNotes.accept("NUL characters removed");
            content = content.replace("\0", "");
        }
        if (isHtml) {
            hasHtml = true;
            append(html, content, "\n", "HTML");
        } else {
            appendText(content);
        }
    }

    private void appendText(String content) {
        String tidy = content.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("^(?:[ \\t]*\\n)+", "")
                .stripTrailing();
        if (!tidy.isEmpty()) {
            append(text, tidy, "\n\n", "text");
        }
    }

    private void append(StringBuilder target, String content, String separator, String what) {
        String piece = target.isEmpty() ? content : separator + content;
        int room = MAX_BODY_CHARS - target.length();
        if (piece.length() > room) {
            if (truncated.add(what)) {
                notes.add(what + " truncated at " + MAX_BODY_CHARS + " characters");
            }
            piece = piece.substring(0, Math.max(0, room));
        }
        target.append(piece);
    }

    private void attachment(MimeEntity entity, MediaType type, Consumer<String> partNotes)
            throws UndecodableContentException {
        byte[] bytes = decode(entity, entity.transferEncoding(), partNotes);
        attachments.add(new ParsedAttachment(entity.filename(type), type.type(), entity.contentId(), isInline(entity),
                bytes));
        if (activeReport != null) {
            activeReport.read(type, bytes);
        }
    }

    /** Inline: so marked, or unmarked but with a Content-ID (an image the HTML refers to). */
    private static boolean isInline(MimeEntity entity) {
        String disposition = entity.disposition().value();
        return disposition.equals("inline") || disposition.isEmpty() && entity.contentId() != null;
    }

    private static String metaCharset(byte[] html) {
        Matcher m = META_CHARSET.matcher(Bytes.latin1(html, 0, Math.min(html.length, 4096)));
        return m.find() ? m.group(1) : null;
    }

    private static String childLabel(String parent, int index) {
        return parent.equals("message") ? "part " + index : parent + "." + index;
    }

    private static String describe(String label, MimeEntity entity, MediaType type) {
        String filename = entity.filename(type);
        return label + " (" + type.type() + (filename == null ? "" : " \"" + filename + "\"") + ")";
    }

    /** A file name for an attached message: its subject without characters file systems refuse. */
    private static String emlName(String subject) {
        String name = subject == null ? ""
                : subject.replaceAll("[\\p{Cntrl}\\\\/:*?\"<>|]+", " ").replaceAll("\\s+", " ").strip();
        name = name.length() > 100 ? name.substring(0, 100).strip() : name;
        return (name.isEmpty() ? "message" : name) + ".eml";
    }

    /** The report being read from the parts of the first multipart/report. */
    private static final class Report {
        private final String reportType;
        private final Set<String> failedRecipients = new LinkedHashSet<>();
        private String originalMessageId;

        Report(String reportType) {
            this.reportType = reportType == null ? "" : reportType.strip().toLowerCase(Locale.ROOT);
        }

        void originalMessageId(String id) {
            if (originalMessageId == null) {
                originalMessageId = id;
            }
        }

        void read(MediaType type, byte[] bytes) {
            String content = MailCharsets.decodeUndeclared(bytes, null);
            if (type.is("message/delivery-status") || type.is("message/global-delivery-status")) {
                failedRecipients.addAll(ReportFields.failedRecipients(content));
            } else if (type.is("message/disposition-notification")) {
                originalMessageId(ReportFields.originalMessageId(content));
            } else if (REPORT_HEADER_TYPES.contains(type.type())) {
                MimeEntity headers = EntityReader.read(bytes, 0, bytes.length, true);
                originalMessageId(MessageIds.first(headers.headers().first("message-id")));
            }
        }

        DeliveryReport build() {
            return new DeliveryReport(reportType, List.copyOf(failedRecipients), originalMessageId);
        }
    }
}
