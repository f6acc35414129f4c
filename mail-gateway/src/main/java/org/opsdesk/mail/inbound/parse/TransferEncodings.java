package org.opsdesk.mail.inbound.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Undoes a Content-Transfer-Encoding, permissively: base64 with junk in it, quoted-printable with stray
 * {@code =}, uuencode without begin/end, and the misspellings of "7bit" mailers use. What cannot be read at
 * all throws {@link UndecodableContentException}; repairs are reported to {@code notes}.
 */
final class TransferEncodings {

    /** Share of non-base64 characters above which a "base64" body is taken for something else entirely. */
    private static final double MAX_BASE64_JUNK = 0.10;

    /** x-gzip64 may not inflate beyond this (a zip bomb would otherwise exhaust the heap). */
    private static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

    private static final Set<String> IDENTITY = Set.of("", "7bit", "8bit", "binary", "7-bit", "8-bit", "7bits",
            "8bits", "none", "plain", "text", "ascii", "us-ascii");

    private static final Set<String> DECODED = Set.of("quoted-printable", "base64", "x-uuencode", "uuencode",
            "x-uue", "x-gzip64");

    private static final byte[] BASE64_VALUES = base64Values();

    private TransferEncodings() {
    }

    /** Whether this encoding is one we can undo (anything else makes {@link #decode} throw). */
    static boolean isKnown(String encoding) {
        String e = normalise(encoding);
        return IDENTITY.contains(e) || DECODED.contains(e);
    }

    static byte[] decode(byte[] body, String encoding, Consumer<String> notes) throws UndecodableContentException {
        return decode(body, encoding, notes, MAX_INFLATED_BYTES);
    }

    /** As {@link #decode(byte[], String, Consumer)}, x-gzip64 inflating to {@code maxInflated} bytes at most. */
    static byte[] decode(byte[] body, String encoding, Consumer<String> notes, int maxInflated)
            throws UndecodableContentException {
        String e = normalise(encoding);
        if (IDENTITY.contains(e)) {
            return body;
        }
        return switch (e) {
            case "quoted-printable" -> quotedPrintable(body);
            case "base64" -> base64(body, notes);
            case "x-uuencode", "uuencode", "x-uue" -> uudecode(body, notes);
            case "x-gzip64" -> gunzip(base64(body, notes), Math.min(maxInflated, MAX_INFLATED_BYTES));
            default -> throw new UndecodableContentException("unknown transfer encoding '" + encoding.strip() + "'");
        };
    }

    /**
     * Base64 that skips stray characters, resumes after inner padding and keeps a truncated tail. Decoding stops
     * at text appended after the data (a mailing-list footer under a base64 body): a line of words, or after
     * padding a line with characters outside the alphabet.
     */
    static byte[] base64(byte[] in, Consumer<String> notes) throws UndecodableContentException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4 + 3);
        int quantum = 0;
        int filled = 0;
        int junk = 0;
        int significant = 0;
        boolean padded = false;
        for (int pos = 0; pos < in.length; ) {
            int eol = Bytes.endOfLine(in, pos, in.length);
            if (out.size() > 0 && isTextAfterData(in, pos, eol, padded)) {
                notes.accept("text after the end of the base64 data ignored");
                break;
            }
            for (int i = pos; i < eol; i++) {
                byte b = in[i];
                if (Bytes.isWhitespace(b)) {
                    continue;
                }
                significant++;
                if (b == '=') {
                    filled = flushPartial(out, quantum, filled);
                    quantum = 0;
                    padded = true;
                    continue;
                }
                int value = b < 0 ? -1 : BASE64_VALUES[b];
                if (value < 0) {
                    junk++;
                    continue;
                }
                quantum = quantum << 6 | value;
                if (++filled == 4) {
                    out.write(quantum >> 16);
                    out.write(quantum >> 8);
                    out.write(quantum);
                    quantum = 0;
                    filled = 0;
                }
            }
            pos = eol + 1;
        }
        if (significant > 0 && junk > Math.max(4, significant * MAX_BASE64_JUNK)) {
            throw new UndecodableContentException(
                    "not base64 (" + junk + " of " + significant + " characters are not base64)");
        }
        if (filled != 0) {
            notes.accept("base64 ended mid-quantum (truncated?); the last bytes may be missing");
            flushPartial(out, quantum, filled);
        }
        if (junk > 0) {
            notes.accept("ignored " + junk + " characters that are not base64");
        }
        return out.toByteArray();
    }

    private static boolean isTextAfterData(byte[] in, int from, int to, boolean padded) {
        String line = Bytes.latin1(in, from, to).strip();
        if (line.isEmpty()) {
            return false;
        }
        if (line.chars().anyMatch(c -> c == ' ' || c == '\t')) {
            return true;
        }
        return padded && line.chars().anyMatch(c -> c != '=' && (c >= 128 || BASE64_VALUES[c] < 0));
    }

    /** Writes the bytes of a padded quantum (2 or 3 characters); answers the new fill count (0). */
    private static int flushPartial(ByteArrayOutputStream out, int quantum, int filled) {
        if (filled == 2) {
            out.write(quantum >> 4);
        } else if (filled == 3) {
            out.write(quantum >> 10);
            out.write(quantum >> 2);
        }
        return 0;
    }

    /** Quoted-printable; an {@code =} that starts no escape stays as it is. */
    static byte[] quotedPrintable(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            int softBreak = softLineBreakEnd(in, i + 1);
            if (softBreak > 0) {
                i = softBreak - 1;
            } else if (i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** After an '=': if only whitespace follows up to the line end, the index after that line end, else -1. */
    private static int softLineBreakEnd(byte[] in, int from) {
        int i = from;
        while (i < in.length && (in[i] == ' ' || in[i] == '\t')) {
            i++;
        }
        if (i < in.length && in[i] == '\r') {
            i++;
        }
        if (i < in.length && in[i] == '\n') {
            return i + 1;
        }
        return i == in.length ? i : -1;
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** uuencode; decodes from the {@code begin} line if there is one, else from the first line. */
    static byte[] uudecode(byte[] in, Consumer<String> notes) throws UndecodableContentException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4);
        String[] lines = Bytes.latin1(in, 0, in.length).split("\r?\n");
        int start = 0;
        while (start < lines.length && !lines[start].startsWith("begin ")) {
            start++;
        }
        start = start == lines.length ? 0 : start + 1;
        int bad = 0;
        for (int l = start; l < lines.length; l++) {
            String line = lines[l];
            if (line.equals("end")) {
                break;
            }
            if (line.isEmpty()) {
                continue;
            }
            int length = (line.charAt(0) - ' ') & 0x3f;
            if (length == 0) {
                break;
            }
            int written = 0;
            for (int i = 1; i < line.length() && written < length; i += 4) {
                int[] c = new int[4];
                for (int k = 0; k < 4; k++) {
                    c[k] = i + k < line.length() ? (line.charAt(i + k) - ' ') & 0x3f : 0;
                }
                int[] decoded = {c[0] << 2 | c[1] >> 4, (c[1] & 0xf) << 4 | c[2] >> 2, (c[2] & 0x3) << 6 | c[3]};
                for (int k = 0; k < 3 && written < length; k++, written++) {
                    out.write(decoded[k]);
                }
            }
            bad += written < length ? 1 : 0;
        }
        if (out.size() == 0 && !Bytes.isBlank(in)) {
            throw new UndecodableContentException("no uuencoded data found");
        }
        if (bad > 0) {
            notes.accept(bad + " short uuencoded lines");
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] compressed, int max) throws UndecodableContentException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] inflated = in.readNBytes(max + 1);
            if (inflated.length > max) {
                throw new InflationLimitException("x-gzip64 content inflates beyond the " + max
                        + " bytes left to this message");
            }
            return inflated;
        } catch (IOException e) {
            throw new UndecodableContentException("x-gzip64 content is not gzip data: " + e.getMessage(), e);
        }
    }

    private static String normalise(String encoding) {
        if (encoding == null) {
            return "";
        }
        String e = encoding.strip().toLowerCase(Locale.ROOT);
        int comment = e.indexOf('(');
        e = comment >= 0 ? e.substring(0, comment).strip() : e;
        return e.replace("\"", "");
    }

    private static byte[] base64Values() {
        byte[] values = new byte[128];
        Arrays.fill(values, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            values[alphabet.charAt(i)] = (byte) i;
        }
        return values;
    }
}
