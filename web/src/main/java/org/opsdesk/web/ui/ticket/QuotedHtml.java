package org.opsdesk.web.ui.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * A mail's sanitised HTML split into what the author wrote and the quote below it, so the view can
 * collapse the quote, as {@link org.opsdesk.application.QuotedText} does for plain text. The sanitiser keeps {@code
 * <blockquote>} but drops the classes mailers mark quotes with ({@code gmail_quote}, {@code
 * type=cite}), so the quote is the first blockquote, with the "On … wrote:" line just before it. It
 * is collapsed only when nothing the author wrote follows it (an answer between quoted lines stays
 * in view) and something precedes it.
 *
 * <p>Both parts are re-serialised by jsoup from HTML that was already sanitised: escaping is kept.
 */
public record QuotedHtml(String own, String quoted) {

    private static final int MAX_ATTRIBUTION_CHARS = 200;
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(wrote|schrieb|a écrit|escribió|ha scritto|schreef)[^\\n]{0,100}:\\s*$|^-+\\s*Original Message\\s*-+$",
            Pattern.CASE_INSENSITIVE);

    public static QuotedHtml split(String html) {
        if (html == null) {
            return new QuotedHtml(null, "");
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        Element quote = body.selectFirst("blockquote");
        if (quote == null) {
            return new QuotedHtml(html, "");
        }
        Element previous = quote.previousElementSibling();
        Node start = previous != null && isAttribution(previous) ? previous : quote;
        List<Node> tail = tail(start, body);
        if (tail.stream().anyMatch(node -> node != start && node != quote && hasOwnText(node))) {
            return new QuotedHtml(html, "");
        }
        StringBuilder quoted = new StringBuilder();
        for (Node node : tail) {
            quoted.append(node.outerHtml());
            node.remove();
        }
        if (body.text().isBlank() && body.select("img").isEmpty()) {
            return new QuotedHtml(html, ""); // nothing but a quote: show it all
        }
        return new QuotedHtml(body.html(), quoted.toString());
    }

    public boolean hasQuote() {
        return !quoted.isEmpty();
    }

    /** {@code start}, what follows it in its parent, and what follows each of its ancestors up to {@code body}. */
    private static List<Node> tail(Node start, Element body) {
        List<Node> tail = new ArrayList<>();
        for (Node n = start; n != null; n = n.nextSibling()) {
            tail.add(n);
        }
        for (Node parent = start.parent(); parent != null && parent != body; parent = parent.parent()) {
            for (Node n = parent.nextSibling(); n != null; n = n.nextSibling()) {
                tail.add(n);
            }
        }
        return tail;
    }

    /** An "On … wrote:" line: short, so that an element holding the author's own words too is never hidden. */
    private static boolean isAttribution(Element element) {
        String text = element.text().strip();
        return text.length() <= MAX_ATTRIBUTION_CHARS && ATTRIBUTION.matcher(text).find();
    }

    /** Whether a node holds text outside blockquotes (the author answering between quotes). */
    private static boolean hasOwnText(Node node) {
        if (node instanceof Element element && element.normalName().equals("blockquote")) {
            return false; // a further quote
        }
        Node copy = node.clone();
        if (copy instanceof Element element) {
            element.select("blockquote").remove();
            return !element.text().isBlank();
        }
        return copy instanceof org.jsoup.nodes.TextNode text && !text.isBlank();
    }
}
