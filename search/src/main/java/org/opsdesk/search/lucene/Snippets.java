package org.opsdesk.search.lucene;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets of hits: passages of the body (for agents, of the internal notes when the body has no match) around the
 * matches, HTML-escaped, matches wrapped in {@code <mark>} ({@link MarkFormatter}). Matches of the identifier twins
 * ({@code *.id}) are shown in the prose field, whose text they share. Without a match, the start of the body.
 */
final class Snippets {

    /** How long the fallback snippet is, at most, in characters. */
    private static final int FALLBACK_LENGTH = 200;
    private static final int PASSAGE_LENGTH = 160;
    private static final float CENTERED = 0.5f;
    private static final int PASSAGES = 2;
    private static final int MAX_ANALYZED_LENGTH = 100_000;
    private static final Map<String, Set<String>> TWINS = Map.of(
            Fields.BODY, Set.of(Fields.BODY, Fields.BODY_ID),
            Fields.INTERNAL, Set.of(Fields.INTERNAL, Fields.INTERNAL_ID));

    private final UnifiedHighlighter highlighter;

    Snippets(IndexSearcher searcher, Analyzer indexAnalyzer) {
        this.highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new MarkFormatter())
                .withScorer(new LeanPassageScorer())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_LENGTH, CENTERED))
                .withMaskedFieldsFunc(field -> TWINS.getOrDefault(field, Set.of(field)))
                .withMaxLength(MAX_ANALYZED_LENGTH)
                .withMaxNoHighlightPassages(0)
                // term-by-term highlighting: the Matches API ("weight matches") cost 2-3x as much per hit
                .withWeightMatches(false)
                .build();
    }

    /**
     * The highlighted snippets of the given documents, in their order; {@code null} where nothing
     * matched.
     *
     * @param expanded the words of the query as rewritten by the searcher (prefixes and typos expanded into
     *     terms), or {@code null}
     * @param internal whether internal notes may be shown
     */
    String[] highlight(Query expanded, int[] docIds, boolean internal) throws IOException {
        if (expanded == null || docIds.length == 0) {
            return new String[docIds.length];
        }
        String[] snippets = highlight(Fields.BODY, expanded, docIds);
        if (internal) {
            // the notes only of the hits whose public text shows no match: a snippet shows one field
            int[] unmatched = IntStream.range(0, docIds.length).filter(i -> snippets[i] == null).toArray();
            if (unmatched.length > 0) {
                int[] unmatchedDocs = Arrays.stream(unmatched).map(i -> docIds[i]).toArray();
                String[] notes = highlight(Fields.INTERNAL, expanded, unmatchedDocs);
                for (int k = 0; k < unmatched.length; k++) {
                    snippets[unmatched[k]] = notes[k];
                }
            }
        }
        return snippets;
    }

    /** The snippets of one field of the documents, in their order: {@code null} where nothing matched. */
    private String[] highlight(String field, Query expanded, int[] docIds) throws IOException {
        String[] snippets = highlighter.highlightFields(new String[] {field}, expanded, docIds, new int[] {PASSAGES})
                .get(field);
        for (int i = 0; i < snippets.length; i++) {
            snippets[i] = snippets[i] == null ? null : snippets[i].strip();
        }
        return snippets;
    }

    /**
     * The start of {@code text}, blanks collapsed, cut at a word, HTML-escaped. Only the start is read: a body may be
     * many kilobytes, and collapsing all of it to show 200 characters was a tenth of a large search's time.
     */
    static String fallback(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder collapsed = new StringBuilder(FALLBACK_LENGTH + 1);
        boolean blank = false;
        for (int i = 0; i < text.length() && collapsed.length() <= FALLBACK_LENGTH; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                blank = collapsed.length() > 0;
            } else {
                if (blank) {
                    collapsed.append(' ');
                    blank = false;
                }
                collapsed.append(c);
            }
        }
        StringBuilder html = new StringBuilder();
        if (collapsed.length() <= FALLBACK_LENGTH) {
            MarkFormatter.escape(collapsed, 0, collapsed.length(), html);
            return html.toString();
        }
        int cut = collapsed.lastIndexOf(" ", FALLBACK_LENGTH);
        MarkFormatter.escape(collapsed, 0,
                cut > 0 ? cut : MarkFormatter.notInsidePair(collapsed, FALLBACK_LENGTH), html);
        return html.append(MarkFormatter.ELLIPSIS).toString();
    }
}
