package org.opsdesk.application;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Renders HTML as plain text, as a mail program writes the text part of an HTML mail, for mail (and API messages)
 * that have no text of their own: block elements and {@code <br>} become line breaks (paragraphs, headings, lists and
 * tables a blank line), list items get a dash, a rule is Outlook's line of underscores, scripts and styles are
 * dropped, whitespace is tidied ({@code <pre>} keeps its own), and the lines of a {@code <blockquote>} are marked
 * {@code > } per level (at most {@value #MAX_MARKS}), so that a reply's quote reads, folds and is told apart from the
 * author's words ({@link QuotedText}) as a plain-text reply's is. Not a sanitiser and not a layout engine; just
 * readable text for the ticket, the triggers and the search index, of at most {@value #MAX_CHARS} characters.
 */
public final class HtmlText {

    /** The most characters the text takes (as much as a mail's body takes). */
    public static final int MAX_CHARS = 2_000_000;
    /** The most {@code >} marks a line gets: deeper quotes are marked as that deep (the text stays bounded). */
    static final int MAX_MARKS = 8;

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "table", "ul", "ol");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template", "noscript");
    /** Lines of their own where a quote begins and ends (control characters no text keeps: see appendText). */
    private static final String QUOTE_BEGINS = "\u0001";
    private static final String QUOTE_ENDS = "\u0002";
    /** What Outlook writes for the rule above an old mail's header block. */
    static final String RULE = "_".repeat(32);

    private HtmlText() {
    }

    public static String render(String html) {
        if (html == null) {
            return "";
        }
        Renderer renderer = new Renderer();
        NodeTraversor.filter(renderer, Jsoup.parse(html).body());
        return tidy(renderer.out.toString());
    }

    /**
     * Non-breaking spaces to spaces, no blanks at line ends, at most one empty line in a row, quoted lines marked
     * (an empty one as {@code >}), the empty line that ends a quote's last paragraph after the quote, not in it.
     */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        int depth = 0;
        int emptyLines = 0;
        int lastEmptyLine = -1;
        for (String line : text.replace('\u00a0', ' ').split("\n", -1)) {
            if (line.equals(QUOTE_BEGINS) || line.equals(QUOTE_ENDS)) {
                if (line.equals(QUOTE_ENDS) && emptyLines > 0 && lastEmptyLine >= 0 && depth > 0) {
                    out.setLength(lastEmptyLine);
                    emptyLines = 0;
                }
                depth += line.equals(QUOTE_BEGINS) ? 1 : -1;
                continue;
            }
            String trimmed = line.stripTrailing();
            emptyLines = trimmed.isEmpty() ? emptyLines + 1 : 0;
            if (emptyLines >= 2) {
                continue;
            }
            int marks = Math.min(Math.max(depth, 0), MAX_MARKS);
            if (trimmed.isEmpty()) {
                lastEmptyLine = out.length();
                out.append(">".repeat(marks));
            } else {
                out.append("> ".repeat(marks)).append(trimmed);
            }
            out.append('\n');
            if (out.length() >= MAX_CHARS) {
                out.setLength(MAX_CHARS);
                break;
            }
        }
        return out.toString().strip();
    }

    private static final class Renderer implements NodeFilter {
        private final StringBuilder out = new StringBuilder();
        private int preDepth;

        @Override
        public FilterResult head(Node node, int depth) {
            if (out.length() > 2L * MAX_CHARS) {
                return FilterResult.STOP; // more than the text may take already
            }
            if (node instanceof TextNode text) {
                appendText(text);
            } else if (node instanceof Element element) {
                String name = element.normalName();
                if (SKIPPED.contains(name)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (name.equals("br")) {
                    out.append('\n');
                } else if (BLOCKS.contains(name)) {
                    newLine();
                    if (name.equals("blockquote")) {
                        out.append(QUOTE_BEGINS).append('\n');
                    }
                    preDepth += name.equals("pre") ? 1 : 0;
                    out.append(name.equals("li") ? "- " : name.equals("hr") ? RULE : "");
                } else if (name.equals("td") || name.equals("th")) {
                    out.append(' ');
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                String name = element.normalName();
                preDepth -= name.equals("pre") ? 1 : 0;
                newLine();
                if (name.equals("blockquote")) {
                    out.append(QUOTE_ENDS).append('\n');
                }
                if (PARAGRAPHS.contains(name)) {
                    out.append('\n');
                }
            }
            return FilterResult.CONTINUE;
        }

        private void appendText(TextNode node) {
            if (preDepth > 0) {
                out.append(withoutMarks(node.getWholeText()));
                return;
            }
            String text = withoutMarks(node.text());
            boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
            out.append(lineStart ? text.stripLeading() : text);
        }

        /** The text with no character that marks a quote's lines ({@link #QUOTE_BEGINS}, {@link #QUOTE_ENDS}). */
        private static String withoutMarks(String text) {
            return text.replace(QUOTE_BEGINS, " ").replace(QUOTE_ENDS, " ");
        }

        private void newLine() {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }
    }
}
