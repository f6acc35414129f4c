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
import org.opsdesk.application.HtmlText;

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

    /** A plain-text rendering of HTML, for the text body when only HTML was given (see {@link HtmlText}). */
    public static String toText(String html) {
        if (html == null) {
            return "";
        }
        return HtmlText.render(html.length() > MAX_INPUT_CHARS ? html.substring(0, MAX_INPUT_CHARS) : html);
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
