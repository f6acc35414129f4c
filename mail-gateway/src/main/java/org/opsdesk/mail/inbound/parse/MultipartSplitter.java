package org.opsdesk.mail.inbound.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a multipart body into its parts at the boundary lines. Permissive: after the boundary a line may
 * carry whitespace and then anything (ignored); a missing closing boundary ends the last part at the end of
 * the body; a boundary parameter that is missing or matches no line is replaced by the first line starting
 * with {@code --}, if that boundary occurs at least twice. A line that merely starts with the boundary and
 * goes on without whitespace ({@code --b-1} for boundary {@code b}) is not a boundary line, so nested
 * boundaries may share a prefix.
 */
final class MultipartSplitter {

    /** A byte range of the body. */
    record Range(int from, int to) {
    }

    /**
     * @param preamble the text before the first boundary line (all of the body when there is none)
     * @param parts    the ranges of the parts, without the line break that belongs to the next boundary line
     */
    record Split(Range preamble, List<Range> parts) {
    }

    private enum Kind { CONTENT, DELIMITER, CLOSE }

    private MultipartSplitter() {
    }

    /** Splits {@code data[from, to)}; the ranges answered are positions in {@code data}. */
    static Split split(byte[] data, int from, int to, String boundary, Consumer<String> notes) {
        Range body = new Range(from, to);
        if (boundary != null && !boundary.isEmpty() && boundaryLines(data, body, delimiter(boundary)) > 0) {
            return split(data, body, delimiter(boundary), notes);
        }
        String problem = boundary == null || boundary.isEmpty() ? "no boundary parameter"
                : "no line with the boundary '" + boundary + "'";
        String guessed = guessBoundary(data, body);
        if (guessed == null || boundaryLines(data, body, delimiter(guessed)) < 2) { // one "--x" may be a signature
            notes.accept(problem);
            return new Split(body, List.of());
        }
        notes.accept(problem + "; used '" + guessed + "' from the first line that looks like a boundary");
        return split(data, body, delimiter(guessed), notes);
    }

    private static Split split(byte[] data, Range body, byte[] delimiter, Consumer<String> notes) {
        List<Range> parts = new ArrayList<>();
        Range preamble = null;
        int partStart = -1;
        boolean closed = false;
        int pos = body.from();
        while (pos < body.to() && !closed) {
            int eol = Bytes.endOfLine(data, pos, body.to());
            int next = Math.min(eol + 1, body.to());
            Kind kind = kind(data, pos, Bytes.contentEnd(data, pos, eol), delimiter);
            if (kind != Kind.CONTENT) {
                int contentEnd = lineBreakStart(data, body.from(), pos);
                if (partStart < 0) {
                    preamble = new Range(body.from(), contentEnd);
                } else {
                    parts.add(new Range(partStart, Math.max(partStart, contentEnd)));
                }
                closed = kind == Kind.CLOSE;
                partStart = next;
            }
            pos = next;
        }
        if (!closed && partStart >= 0) {
            parts.add(new Range(partStart, body.to()));
            notes.accept("no closing boundary; the last part runs to the end of the body");
        }
        return new Split(preamble == null ? body : preamble, parts);
    }

    private static byte[] delimiter(String boundary) {
        return ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int boundaryLines(byte[] data, Range body, byte[] delimiter) {
        int count = 0;
        for (int pos = body.from(); pos < body.to(); ) {
            int eol = Bytes.endOfLine(data, pos, body.to());
            count += kind(data, pos, Bytes.contentEnd(data, pos, eol), delimiter) != Kind.CONTENT ? 1 : 0;
            pos = eol + 1;
        }
        return count;
    }

    private static Kind kind(byte[] body, int from, int end, byte[] delimiter) {
        if (!Bytes.startsWith(body, from, end, delimiter)) {
            return Kind.CONTENT;
        }
        int rest = from + delimiter.length;
        if (end - rest >= 2 && body[rest] == '-' && body[rest + 1] == '-') {
            return Kind.CLOSE;
        }
        // nothing or whitespace must follow the boundary; anything after that on the line is ignored
        return rest == end || body[rest] == ' ' || body[rest] == '\t' ? Kind.DELIMITER : Kind.CONTENT;
    }

    /** The start of the line break before the line at {@code lineStart} (it belongs to the boundary). */
    private static int lineBreakStart(byte[] data, int bodyStart, int lineStart) {
        int i = lineStart;
        if (i > bodyStart && data[i - 1] == '\n') {
            i--;
            if (i > bodyStart && data[i - 1] == '\r') {
                i--;
            }
        }
        return i;
    }

    /** The boundary of the first line that starts with "--" and has more than whitespace after it, or null. */
    private static String guessBoundary(byte[] data, Range body) {
        for (int pos = body.from(); pos < body.to(); ) {
            int eol = Bytes.endOfLine(data, pos, body.to());
            int end = Bytes.contentEnd(data, pos, eol);
            if (end - pos > 2 && data[pos] == '-' && data[pos + 1] == '-' && !Bytes.isBlank(data, pos + 2, end)) {
                String boundary = Bytes.latin1(data, pos + 2, end).strip();
                return boundary.endsWith("--") && boundary.length() > 2
                        ? boundary.substring(0, boundary.length() - 2) : boundary;
            }
            pos = eol + 1;
        }
        return null;
    }
}
