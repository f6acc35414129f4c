package org.opsdesk.search.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats passages as HTML: text escaped, matches wrapped in {@code <mark>}, passages joined by an
 * ellipsis where they do not touch. Matches are sorted and overlapping ones merged first: an
 * identifier and its parts share a position, so the highlighter may report them out of offset
 * order. A passage longer than {@value #MAX_PASSAGE_LENGTH} characters (a code block or table has
 * no sentence end) is cut to a window, at blanks, starting a little before its first match.
 */
final class MarkFormatter extends PassageFormatter {

    static final String ELLIPSIS = "…";
    private static final int MAX_PASSAGE_LENGTH = 240;
    private static final int CONTEXT_BEFORE_MATCH = 60;

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder html = new StringBuilder();
        Window previous = null;
        for (Passage passage : passages) {
            Window window = Window.of(passage, content);
            if (previous == null ? window.cutStart : previous.cutEnd || window.cutStart || previous.end != window.start) {
                html.append(previous == null ? ELLIPSIS : " " + ELLIPSIS + " ");
            }
            int at = window.start;
            for (int[] match : window.matches) {
                escape(content, at, match[0], html);
                html.append("<mark>");
                escape(content, match[0], match[1], html);
                html.append("</mark>");
                at = match[1];
            }
            escape(content, at, window.end, html);
            previous = window;
        }
        if (previous != null && previous.cutEnd) {
            html.append(ELLIPSIS);
        }
        return html.toString();
    }

    /**
     * The part of a passage shown, and its matches: sorted, merged and within bounds.
     *
     * @param cutStart whether the passage starts before the window
     * @param cutEnd whether the passage ends after the window
     */
    /** {@code at}, or one before it where a cut there would split a character outside the BMP (an emoji). */
    static int notInsidePair(CharSequence text, int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))
                && Character.isHighSurrogate(text.charAt(at - 1)) ? at - 1 : at;
    }

    private record Window(int start, int end, List<int[]> matches, boolean cutStart, boolean cutEnd) {

        static Window of(Passage passage, String content) {
            int start = passage.getStartOffset();
            int end = passage.getEndOffset();
            if (end - start <= MAX_PASSAGE_LENGTH) {
                return new Window(start, end, merged(passage, start, end), false, false);
            }
            List<int[]> all = merged(passage, start, end);
            int first = all.isEmpty() ? start : all.get(0)[0];
            int from = Math.max(start, first - CONTEXT_BEFORE_MATCH);
            int blank = content.indexOf(' ', from);
            if (from > start && blank >= 0 && blank < first) {
                from = blank + 1;
            }
            int to = Math.min(end, from + MAX_PASSAGE_LENGTH);
            int lastBlank = content.lastIndexOf(' ', to);
            if (to < end && lastBlank > from + MAX_PASSAGE_LENGTH / 2) {
                to = lastBlank;
            }
            from = notInsidePair(content, from);
            to = notInsidePair(content, to);
            return new Window(from, to, merged(passage, from, to), from > start, to < end);
        }

        /** The passage's matches within {@code [from, to)}, by start offset, overlapping ones merged. */
        private static List<int[]> merged(Passage passage, int from, int to) {
            List<int[]> matches = new ArrayList<>();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = Math.max(passage.getMatchStarts()[i], from);
                int end = Math.min(passage.getMatchEnds()[i], to);
                if (start < end) {
                    matches.add(new int[] {start, end});
                }
            }
            matches.sort(Comparator.<int[]>comparingInt(match -> match[0]).thenComparingInt(match -> match[1]));
            List<int[]> merged = new ArrayList<>();
            for (int[] match : matches) {
                int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && match[0] < last[1]) {
                    last[1] = Math.max(last[1], match[1]);
                } else {
                    merged.add(match);
                }
            }
            return merged;
        }
    }

    /** Appends {@code text[start, end)} with {@code & < > " '} escaped. */
    static void escape(CharSequence text, int start, int end, StringBuilder html) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#x27;");
                default -> html.append(c);
            }
        }
    }
}
