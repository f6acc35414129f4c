package org.opsdesk.mail.inbound.parse;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Prepares raw bytes for {@link EntityReader}: bare CR line breaks (old Mac mailers) become CRLF, and an
 * SMTP transcript (batch SMTP: HELO, MAIL FROM, RCPT TO, DATA) is reduced to the message in its DATA section.
 */
final class RawInput {

    private static final Pattern SMTP_GREETING = Pattern.compile("(?i)(HELO|EHLO) .*");

    private RawInput() {
    }

    static byte[] prepare(byte[] raw, Consumer<String> notes) {
        byte[] bytes = raw;
        if (hasBareCr(bytes)) {
            notes.accept("bare CR line breaks read as CRLF");
            bytes = bareCrToCrlf(bytes);
        }
        byte[] data = smtpData(bytes);
        if (data != null) {
            notes.accept("an SMTP transcript: the message was taken from its DATA section");
            bytes = data;
        }
        return bytes;
    }

    private static boolean hasBareCr(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bareCrToCrlf(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 40);
        for (int i = 0; i < bytes.length; i++) {
            out.write(bytes[i]);
            if (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** The DATA section of an SMTP transcript, dot-unstuffed, or null when the bytes are no transcript. */
    private static byte[] smtpData(byte[] bytes) {
        int eol = Bytes.endOfLine(bytes, 0, bytes.length);
        String first = Bytes.latin1(bytes, 0, Bytes.contentEnd(bytes, 0, eol));
        if (!SMTP_GREETING.matcher(first).matches()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        boolean inData = false;
        int pos = 0;
        while (pos < bytes.length) {
            eol = Bytes.endOfLine(bytes, pos, bytes.length);
            int end = Bytes.contentEnd(bytes, pos, eol);
            String line = Bytes.latin1(bytes, pos, end);
            int next = Math.min(eol + 1, bytes.length);
            if (!inData) {
                inData = line.strip().equalsIgnoreCase("DATA");
            } else if (line.equals(".")) {
                break;
            } else {
                int from = line.startsWith(".") ? pos + 1 : pos;
                out.write(bytes, from, next - from);
            }
            pos = next;
        }
        return inData && out.size() > 0 ? out.toByteArray() : null;
    }
}
