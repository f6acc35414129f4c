package org.opsdesk.application.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The one allow-list sanitiser for HTML that agents or customers send (jsoup's {@link Safelist}): text
 * formatting, lists, tables, links (http, https, mailto) and inline images by {@code cid:} only, so no
 * remote content is loaded and no script survives.
 */
public final class HtmlSanitizer {

    /** Inputs larger than this are cut before parsing (bounded work). */
    public static final int MAX_INPUT_CHARS = 2_000_000;
    /**
     * Elements nested deeper than this keep only their text. Parsing is linear, but jsoup's cleaning and writing of a
     * tree take time with the square of its depth: 40,000 unclosed {@code <div>}s (440 KB) took 4 s, 2 MB of them
     * minutes; cut at this depth, 2 MB take about a second, nearly all of it parsing. Mail nests tables a few dozen
     * levels deep (four per table) at most.
     */
    static final int MAX_DEPTH = 256;

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("hr", "font", "center")
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid")
            .addAttributes(":all", "title")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    private HtmlSanitizer() {
    }

    /** The sanitised body HTML, or null when nothing is left (null, blank, or only unsafe input). */
    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String input = html.length() > MAX_INPUT_CHARS ? html.substring(0, MAX_INPUT_CHARS) : html;
        Document dirty = Jsoup.parseBodyFragment(input);
        flattenBelow(dirty.body(), MAX_DEPTH);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        String result = clean.body().html();
        return result.isBlank() ? null : result;
    }

    /**
     * A plain-text rendering of HTML, for the text body when only HTML was given: as a mail program writes the text
     * part of such a mail. Spaces collapse as the browser shows them (but in {@code <pre>}), each block is a line of
     * its own, a paragraph is followed by a blank line, and a {@code <blockquote>}'s lines are marked {@code > } per
     * level, so that a reply's quote folds, and its words are not taken for the author's (see QuotedText), as a
     * plain-text reply's are.
     */
    public static String toText(String html) {
        if (html == null) {
            return "";
        }
        Document doc = Jsoup.parse(html.length() > MAX_INPUT_CHARS ? html.substring(0, MAX_INPUT_CHARS) : html);
        PlainText text = new PlainText();
        NodeTraversor.traverse(text, doc.body());
        return text.toString();
    }

    /** Renders a tree as text, line by line (see {@link #toText}). */
    private static final class PlainText implements NodeVisitor {

        private static final java.util.Set<String> PARAGRAPHS = java.util.Set.of("p", "h1", "h2", "h3", "h4", "h5",
                "h6", "ul", "ol", "table", "pre", "blockquote");
        private static final java.util.Set<String> HIDDEN = java.util.Set.of("script", "style", "title", "head");

        private final StringBuilder out = new StringBuilder();
        private int quoteDepth;
        private int preDepth;
        private int hiddenDepth;
        /** Whether nothing is written on the current line yet. */
        private boolean lineStart = true;
        /** Whether the last line written is blank (or nothing is written yet): a paragraph's gap is there. */
        private boolean gap = true;
        /** Where the last blank line written starts (-1: none yet). */
        private int blankLine = -1;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                if (hiddenDepth == 0) {
                    text(t.getWholeText());
                }
                return;
            }
            if (!(node instanceof Element e)) {
                return;
            }
            String name = e.normalName();
            if (HIDDEN.contains(name)) {
                hiddenDepth++;
            } else if (name.equals("blockquote")) {
                paragraph();
                quoteDepth++;
            } else if (name.equals("td") || name.equals("th")) {
                if (!lineStart) {
                    write("  "); // the cells of a row side by side, apart
                }
            } else if (e.isBlock() && !name.equals("br")) {
                endLine();
            }
            if (name.equals("pre")) {
                preDepth++;
            } else if (name.equals("li")) {
                write("- ");
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            String name = e.normalName();
            if (HIDDEN.contains(name)) {
                hiddenDepth--;
                return;
            }
            if (name.equals("br")) {
                newLine(); // a line break, and no more (jsoup may count it a block)
                return;
            } else if (name.equals("blockquote")) {
                endLine();
                if (gap && blankLine >= 0) {
                    out.setLength(blankLine); // the quote's last paragraph's gap: after the quote, not in it
                    gap = false;
                }
                quoteDepth--;
            } else if (name.equals("pre")) {
                preDepth--;
            }
            if (PARAGRAPHS.contains(name)) {
                paragraph();
            } else if (e.isBlock() && !name.equals("td") && !name.equals("th")) {
                endLine();
            }
        }

        private void text(String raw) {
            String t = preDepth > 0 ? raw : raw.replace('\u00a0', ' ').replaceAll("\\s+", " ");
            String[] lines = t.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    newLine();
                }
                String line = lines[i];
                if (preDepth == 0 && line.startsWith(" ") && (lineStart || out.charAt(out.length() - 1) == ' ')) {
                    line = line.substring(1); // no space at a line's start, nor two in a row
                }
                if (!line.isEmpty()) {
                    write(line);
                }
            }
        }

        private void write(String s) {
            if (lineStart) {
                out.append("> ".repeat(quoteDepth));
                lineStart = false;
            }
            out.append(s);
            gap = false;
        }

        /** Ends the current line (a line break, also of an empty line). */
        private void newLine() {
            if (lineStart) {
                gap = true;
                blankLine = out.length();
                out.append(">".repeat(quoteDepth)); // a blank line within a quote stays in it
            }
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            out.append('\n');
            lineStart = true;
        }

        /** Ends the current line if anything is written on it. */
        private void endLine() {
            if (!lineStart) {
                newLine();
            }
        }

        /** Ends the current line, and leaves a blank one after it, once. */
        private void paragraph() {
            endLine();
            if (!gap) {
                newLine();
            }
        }

        @Override
        public String toString() {
            return out.toString().replaceAll("\n{3,}", "\n\n").strip();
        }
    }

    /** Replaces what is inside each element at depth {@code max} below {@code root} by its text, in one pass. */
    private static void flattenBelow(Element root, int max) {
        List<Element> deepest = new ArrayList<>();
        Deque<Element> elements = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        elements.push(root);
        depths.push(0);
        while (!elements.isEmpty()) {
            Element element = elements.pop();
            int depth = depths.pop();
            if (depth == max) {
                deepest.add(element);
                continue;
            }
            for (Element child : element.children()) {
                elements.push(child);
                depths.push(depth + 1);
            }
        }
        for (Element element : deepest) {
            if (element.childrenSize() > 0) {
                String text = textOf(element);
                element.empty().appendText(text);
            }
        }
    }

    /** The text in an element, a line break after each block (cells and paragraphs do not run together). */
    private static String textOf(Element element) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.isBlock() || e.normalName().equals("td")
                        || e.normalName().equals("th") || e.normalName().equals("br"))) {
                    text.append('\n');
                }
            }
        }, element);
        return text.toString();
    }
}
