package org.opsdesk.wiki.diff;

import java.util.Arrays;
import java.util.List;

/**
 * A text as lines: line endings normalised to '\n', and whether the text ended with one.
 *
 * @param lines                 the lines, without their endings
 * @param endsWithLineSeparator whether the last line was terminated
 */
record Lines(List<String> lines, boolean endsWithLineSeparator) {

    static Lines of(String text) {
        if (text == null || text.isEmpty()) {
            return new Lines(List.of(), false);
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        boolean terminated = normalized.endsWith("\n");
        String body = terminated ? normalized.substring(0, normalized.length() - 1) : normalized;
        return new Lines(Arrays.asList(body.split("\n", -1)), terminated);
    }

    /** Joins lines with '\n', terminating the last one when asked. */
    static String join(List<String> lines, boolean terminated) {
        String joined = String.join("\n", lines);
        return terminated && !lines.isEmpty() ? joined + "\n" : joined;
    }
}
