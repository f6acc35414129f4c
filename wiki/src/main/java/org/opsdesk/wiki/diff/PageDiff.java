package org.opsdesk.wiki.diff;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Differences between two revisions of a page. */
public final class PageDiff {

    private static final int CONTEXT_LINES = 3;
    /** Words, runs of blanks, or single other characters. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|\\s+|[^\\p{L}\\p{N}_\\s]");

    private PageDiff() {
    }

    /**
     * A side-by-side diff of every line: unchanged lines, added and removed lines, and edited lines
     * paired with their changed words marked. Line endings ({@code \r\n} or {@code \n}) do not count
     * as changes.
     */
    public static List<DiffLine> diff(String oldText, String newText) {
        List<String> oldLines = Lines.of(oldText).lines();
        List<String> newLines = Lines.of(newText).lines();
        List<DiffLine> rows = new ArrayList<>();
        int oldIndex = 0;
        int newIndex = 0;
        for (AbstractDelta<String> delta : BoundedDiff.diff(oldLines, newLines).getDeltas()) {
            while (oldIndex < delta.getSource().getPosition()) {
                rows.add(same(oldLines.get(oldIndex), ++oldIndex, ++newIndex));
            }
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            int paired = Math.min(removed.size(), added.size());
            for (int i = 0; i < paired; i++) {
                rows.add(changed(removed.get(i), added.get(i), ++oldIndex, ++newIndex));
            }
            for (String line : removed.subList(paired, removed.size())) {
                rows.add(new DiffLine(LineKind.REMOVED, ++oldIndex, null, escape(line), null));
            }
            for (String line : added.subList(paired, added.size())) {
                rows.add(new DiffLine(LineKind.ADDED, null, ++newIndex, null, escape(line)));
            }
        }
        while (oldIndex < oldLines.size()) {
            rows.add(same(oldLines.get(oldIndex), ++oldIndex, ++newIndex));
        }
        return rows;
    }

    /**
     * A unified diff ({@code diff -u} format, three lines of context) with the given file labels;
     * empty when the texts have the same lines.
     */
    public static String unified(String oldText, String newText, String oldLabel, String newLabel) {
        List<String> oldLines = Lines.of(oldText).lines();
        Patch<String> patch = BoundedDiff.diff(oldLines, Lines.of(newText).lines());
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(oldLabel, newLabel, oldLines, patch, CONTEXT_LINES);
        return Lines.join(lines, true);
    }

    private static DiffLine same(String line, int oldNumber, int newNumber) {
        String html = escape(line);
        return new DiffLine(LineKind.SAME, oldNumber, newNumber, html, html);
    }

    private static DiffLine changed(String oldLine, String newLine, int oldNumber, int newNumber) {
        List<String> oldTokens = tokens(oldLine);
        List<String> newTokens = tokens(newLine);
        boolean[] oldChanged = new boolean[oldTokens.size()];
        boolean[] newChanged = new boolean[newTokens.size()];
        for (AbstractDelta<String> delta : BoundedDiff.diff(oldTokens, newTokens).getDeltas()) {
            mark(oldChanged, delta.getSource().getPosition(), delta.getSource().size());
            mark(newChanged, delta.getTarget().getPosition(), delta.getTarget().size());
        }
        return new DiffLine(LineKind.CHANGED, oldNumber, newNumber,
                highlight(oldTokens, oldChanged, "del"), highlight(newTokens, newChanged, "ins"));
    }

    private static void mark(boolean[] changed, int from, int count) {
        for (int i = from; i < from + count; i++) {
            changed[i] = true;
        }
    }

    /**
     * The escaped tokens with runs of changed ones wrapped in the tag. Blanks between two changed
     * words join them into one run; blanks at the edge of a run stay outside it.
     */
    private static String highlight(List<String> tokens, boolean[] changed, String tag) {
        int count = tokens.size();
        for (int i = 1; i + 1 < count; i++) {
            if (!changed[i] && tokens.get(i).isBlank() && changed[i - 1] && changed[i + 1]) {
                changed[i] = true;
            }
        }
        for (int i = 0; i < count; i++) {
            boolean edge = i == 0 || !changed[i - 1] || i + 1 == count || !changed[i + 1];
            if (changed[i] && edge && tokens.get(i).isBlank()) {
                changed[i] = false;
            }
        }
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (changed[i] && (i == 0 || !changed[i - 1])) {
                html.append('<').append(tag).append('>');
            }
            html.append(escape(tokens.get(i)));
            if (changed[i] && (i + 1 == count || !changed[i + 1])) {
                html.append("</").append(tag).append('>');
            }
        }
        return html.toString();
    }

    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
