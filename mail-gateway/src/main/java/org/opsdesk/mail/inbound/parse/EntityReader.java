package org.opsdesk.mail.inbound.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits the bytes of a message or body part into header fields and body, the way an MTA would read a
 * broken header section:
 * <ul>
 * <li>a first line {@code From ...} (mbox envelope) is skipped;</li>
 * <li>the header section ends at the first empty line, or at a whitespace-only line that is not followed by
 * a continuation line (a "blank" line with a space in it), or at the first line that is neither a header
 * field nor a continuation: that line is the first line of the body;</li>
 * <li>a field name may carry whitespace before its colon (obsolete syntax) and 8-bit bytes;</li>
 * <li>raw 8-bit header bytes are read as UTF-8 when valid, else in the entity's declared charset, else
 * windows-1252.</li>
 * </ul>
 * Each such repair is recorded as a defect of the entity.
 */
final class EntityReader {

    private static final byte[] MBOX_FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private EntityReader() {
    }

    /**
     * @param message whether the range is a whole message (may start with an mbox envelope line), rather than a
     *                body part
     */
    static MimeEntity read(byte[] data, int from, int to, boolean message) {
        List<String> defects = new ArrayList<>();
        int pos = from;
        if (message && isMboxEnvelope(data, pos, to)) {
            pos = Math.min(Bytes.endOfLine(data, pos, to) + 1, to);
        }
        List<RawField> fields = new ArrayList<>();
        int bodyStart = to;
        while (pos < to) {
            int eol = Bytes.endOfLine(data, pos, to);
            int end = Bytes.contentEnd(data, pos, eol);
            int next = Math.min(eol + 1, to);
            if (end == pos) {
                bodyStart = next;
                break;
            }
            if (data[pos] == ' ' || data[pos] == '\t') {
                if (fields.isEmpty()) {
                    defects.add("no header fields (the text starts with whitespace); all of it was read as body");
                    bodyStart = pos;
                    break;
                }
                if (Bytes.isBlank(data, pos, end) && !isContinuation(data, next, to)) {
                    defects.add("a whitespace-only line was read as the end of the header section");
                    bodyStart = next;
                    break;
                }
                fields.get(fields.size() - 1).value.append(Bytes.latin1(data, pos, end));
                pos = next;
                continue;
            }
            int colon = fieldNameEnd(data, pos, end);
            if (colon < 0) {
                defects.add(fields.isEmpty() ? "no header fields; all of the text was read as body"
                        : "the header section ended at a line that is no header field; it was read as body");
                bodyStart = pos;
                break;
            }
            fields.add(new RawField(Bytes.latin1(data, pos, colon).strip(), Bytes.latin1(data, colon + 1, end)));
            pos = next;
        }
        return new MimeEntity(decode(fields, defects), data, bodyStart, to, defects);
    }

    /** A field while it is read: the value still as ISO-8859-1 text (one char per byte), growing by continuations. */
    private static final class RawField {
        final String name;
        final StringBuilder value;

        RawField(String name, String firstLine) {
            this.name = name;
            this.value = new StringBuilder(firstLine);
        }
    }

    /** "From alice@example.com Wed Jul 24 05:05:01 2002", but not the (obsolete) header "From : alice@…". */
    private static boolean isMboxEnvelope(byte[] data, int pos, int to) {
        int end = Bytes.contentEnd(data, pos, Bytes.endOfLine(data, pos, to));
        return Bytes.startsWith(data, pos, end, MBOX_FROM) && fieldNameEnd(data, pos, end) < 0;
    }

    /** Whether the line at {@code pos} starts with whitespace and has something else on it. */
    private static boolean isContinuation(byte[] data, int pos, int to) {
        if (pos >= to || (data[pos] != ' ' && data[pos] != '\t')) {
            return false;
        }
        int end = Bytes.contentEnd(data, pos, Bytes.endOfLine(data, pos, to));
        return !Bytes.isBlank(data, pos, end);
    }

    /**
     * The index of the colon ending a field name on this line, or -1 when the line is no header field: the name
     * must be non-empty, without controls, and whitespace may only sit between it and the colon.
     */
    private static int fieldNameEnd(byte[] data, int from, int end) {
        boolean trailingSpace = false;
        for (int i = from; i < end; i++) {
            byte b = data[i];
            if (b == ':') {
                return i > from ? i : -1;
            }
            if (b == ' ' || b == '\t') {
                trailingSpace = true;
            } else if (trailingSpace || (b >= 0 && b < 32) || b == 127) {
                return -1;
            }
        }
        return -1;
    }

    private static Headers decode(List<RawField> raw, List<String> defects) {
        Charset preferred = raw.stream().filter(f -> f.name.equalsIgnoreCase("content-type")).findFirst()
                .flatMap(f -> MailCharsets.lookup(StructuredField.parse(f.value.toString()).param("charset")))
                .orElse(null);
        List<Headers.Field> fields = new ArrayList<>(raw.size());
        Set<String> eightBit = new LinkedHashSet<>();
        for (RawField field : raw) {
            byte[] bytes = field.value.toString().getBytes(StandardCharsets.ISO_8859_1);
            if (!Bytes.isAscii(bytes)) {
                eightBit.add(field.name);
            }
            fields.add(new Headers.Field(field.name, MailCharsets.decodeUndeclared(bytes, preferred).strip()));
        }
        if (!eightBit.isEmpty()) {
            defects.add("raw 8-bit bytes in header " + String.join(", ", eightBit)
                    + " read as UTF-8 if valid, else " + MailCharsets.undeclaredFallback(preferred).name());
        }
        return new Headers(fields);
    }
}
