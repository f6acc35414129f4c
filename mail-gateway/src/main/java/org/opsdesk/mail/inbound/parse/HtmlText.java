package org.opsdesk.mail.inbound.parse;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Renders HTML as plain text for mail that has no text part: block elements and {@code <br>} become line
 * breaks (paragraphs, headings, lists and tables a blank line), list items get a dash, scripts and styles
 * are dropped, whitespace is tidied ({@code <pre>} keeps its own). Not a sanitiser and not a layout engine;
 * just readable text for the ticket and the search index.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "table", "ul", "ol");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template", "noscript");

    private HtmlText() {
    }

    static String render(String html) {
        Renderer renderer = new Renderer();
        NodeTraversor.filter(renderer, Jsoup.parse(html).body());
        return tidy(renderer.out.toString());
    }

    /** Non-breaking spaces to spaces, no blanks at line ends, at most one empty line in a row. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int emptyLines = 0;
        for (String line : text.replace('\u00a0', ' ').split("\n", -1)) {
            String trimmed = line.stripTrailing();
            emptyLines = trimmed.isEmpty() ? emptyLines + 1 : 0;
            if (emptyLines < 2) {
                out.append(trimmed).append('\n');
            }
        }
        return out.toString().strip();
    }

    private static final class Renderer implements NodeFilter {
        private final StringBuilder out = new StringBuilder();
        private int preDepth;

        @Override
        public FilterResult head(Node node, int depth) {
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
                    preDepth += name.equals("pre") ? 1 : 0;
                    out.append(name.equals("li") ? "- " : "");
                } else if (name.equals("td") || name.equals("th")) {
                    out.append(' ');
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                preDepth -= element.normalName().equals("pre") ? 1 : 0;
                newLine();
                if (PARAGRAPHS.contains(element.normalName())) {
                    out.append('\n');
                }
            }
            return FilterResult.CONTINUE;
        }

        private void appendText(TextNode node) {
            if (preDepth > 0) {
                out.append(node.getWholeText());
                return;
            }
            String text = node.text();
            boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
            out.append(lineStart ? text.stripLeading() : text);
        }

        private void newLine() {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }
    }
}
