package org.opsdesk.application.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one allow-list sanitiser for HTML that agents or customers send (jsoup's {@link Safelist}): text
 * formatting, lists, tables, links (http, https, mailto) and inline images by {@code cid:} only, so no
 * remote content is loaded and no script survives.
 */
public final class HtmlSanitizer {

    /** Inputs larger than this are cut before parsing (bounded work). */
    public static final int MAX_INPUT_CHARS = 2_000_000;

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
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        String result = clean.body().html();
        return result.isBlank() ? null : result;
    }

    /** A plain-text rendering of HTML, for the text body when only HTML was given. */
    public static String toText(String html) {
        if (html == null) {
            return "";
        }
        return Jsoup.parse(html.length() > MAX_INPUT_CHARS ? html.substring(0, MAX_INPUT_CHARS) : html).wholeText()
                .strip();
    }
}
