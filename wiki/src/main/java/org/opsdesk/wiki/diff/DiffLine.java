package org.opsdesk.wiki.diff;

/**
 * One row of a side-by-side diff. The HTML is the line's text, escaped; for {@link LineKind#CHANGED}
 * rows the changed words are wrapped in {@code <del>..</del>} (old) and {@code <ins>..</ins>} (new).
 *
 * @param kind      how the line changed
 * @param oldNumber the 1-based line number in the old text, null for an added line
 * @param newNumber the 1-based line number in the new text, null for a removed line
 * @param oldHtml   the old line as HTML, null for an added line
 * @param newHtml   the new line as HTML, null for a removed line
 */
public record DiffLine(LineKind kind, Integer oldNumber, Integer newNumber, String oldHtml, String newHtml) {
}
