package org.opsdesk.mail.inbound.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Line and byte helpers for raw mail: lines end at LF, an optional CR before it is not content. */
final class Bytes {

    private Bytes() {
    }

    /** Index of the LF ending the line that starts at {@code from}, or {@code to} for a last line without one. */
    static int endOfLine(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    /** End of a line's content: {@code eol} minus a CR right before it. */
    static int contentEnd(byte[] data, int lineStart, int eol) {
        return eol > lineStart && data[eol - 1] == '\r' ? eol - 1 : eol;
    }

    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Whether the range holds nothing but spaces, tabs and line breaks. */
    static boolean isBlank(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isWhitespace(data[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean isBlank(byte[] data) {
        return isBlank(data, 0, data.length);
    }

    static boolean startsWith(byte[] data, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as ISO-8859-1 characters: one char per byte, so nothing is lost and 8-bit bytes can be re-read. */
    static String latin1(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
    }

    static boolean isAscii(byte[] data) {
        for (byte b : data) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isValidUtf8(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
