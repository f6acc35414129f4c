package org.opsdesk.web.ui.ticket;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.opsdesk.application.TicketViews.AttachmentView;

/**
 * A mail's HTML shows its own inline images: {@code <img src="cid:logo@x">} points at the message's attachment with
 * that Content-ID, served by this site (the page's policy loads images from here only). A {@code cid:} that names no
 * attachment of the message is left as it is: it loads nothing.
 */
final class InlineImages {

    private InlineImages() {
    }

    /**
     * @param html       the sanitised HTML of a message, or null
     * @param files      the message's attachments
     * @param fileUrl    the URL of an attachment of this message, by id ({@code /attachments/123/})
     */
    static String resolve(String html, List<AttachmentView> files, String fileUrl) {
        if (html == null || !html.toLowerCase(Locale.ROOT).contains("cid:")) {
            return html;
        }
        Map<String, Long> byContentId = new HashMap<>();
        for (AttachmentView f : files) {
            if (f.contentId() != null) {
                byContentId.put(f.contentId().toLowerCase(Locale.ROOT), f.id());
            }
        }
        if (byContentId.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element img : doc.select("img[src]")) {
            String src = img.attr("src").strip();
            if (!src.regionMatches(true, 0, "cid:", 0, 4)) {
                continue;
            }
            Long id = byContentId.get(contentId(src.substring(4)));
            if (id != null) {
                img.attr("src", fileUrl + id);
                changed = true;
            }
        }
        return changed ? doc.body().html() : html;
    }

    /** The Content-ID a {@code cid:} URL names (RFC 2392: URL-encoded, without angle brackets), lower-cased. */
    private static String contentId(String encoded) {
        String id;
        try {
            id = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            id = encoded;
        }
        return id.replaceAll("[<>\\s]", "").toLowerCase(Locale.ROOT);
    }
}
