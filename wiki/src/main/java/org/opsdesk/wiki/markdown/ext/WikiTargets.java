package org.opsdesk.wiki.markdown.ext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsdesk.wiki.PagePaths;

/** Reading link targets: wiki-link page references, anchors and Hugo {@code ref} shortcodes. */
public final class WikiTargets {

    private static final Pattern BARE_FILE = Pattern.compile("(?:\\./)?([^/\\\\:?#]+)");

    private static final Pattern HUGO_REF = Pattern.compile("\\{\\{<\\s*(?:rel)?ref\\s+\"([^\"]*)\"\\s*>}}(#\\S*)?");
    private static final Pattern DOT_SEGMENTS = Pattern.compile("^(?:\\.{1,2}/)+");

    private WikiTargets() {
    }

    /** The normalised page path of a wiki-link target, or null when it names no valid page. */
    public static String pagePath(String target) {
        try {
            return PagePaths.normalize(target);
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    /** An anchor as used in URLs: trimmed, lower-cased, inner blanks turned into '-' (as heading ids are). */
    public static String anchor(String raw) {
        return raw.strip().replaceAll("\\s+", "-").toLowerCase(Locale.ROOT);
    }

    /**
     * The target of a link destination written as a Hugo shortcode, {@code {{< ref "./X.md#a" >}}}
     * (or {@code relref}), with any {@code #anchor} that follows the shortcode appended; null when
     * the destination is not such a shortcode.
     */
    public static String hugoRef(String destination) {
        Matcher matcher = HUGO_REF.matcher(destination.strip());
        if (!matcher.matches()) {
            return null;
        }
        return matcher.group(2) == null ? matcher.group(1) : matcher.group(1) + matcher.group(2);
    }

    /**
     * The page a Hugo {@code ref} target names when the referring page's location is unknown: the
     * target without leading {@code ./} and {@code ../} segments, extension or anchor, as a page path
     * ({@code "./NodeRAIDDegraded.md" -> "noderaiddegraded"}); null when it names no valid page.
     */
    public static String hugoRefPagePath(String refTarget) {
        String path = DOT_SEGMENTS.matcher(withoutAnchor(refTarget.strip())).replaceFirst("");
        try {
            return PagePaths.ofFile(path);
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    /** The part of a target after the first '#', or null. */
    public static String anchorOf(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? null : target.substring(hash + 1);
    }

    /** The part of a target before the first '#'. */
    public static String withoutAnchor(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }

    /**
     * The decoded file name a relative link or image names ({@code diagram.png}, {@code ./my%20file.pdf}): what a
     * page's attachment is referred to by. Null for anything with a folder, scheme, query or anchor, or a dot-file.
     */
    public static String bareFileName(String destination) {
        var matcher = BARE_FILE.matcher(destination);
        if (!matcher.matches()) {
            return null;
        }
        try {
            String name = URLDecoder.decode(matcher.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            return name.isBlank() || name.startsWith(".") ? null : name;
        } catch (IllegalArgumentException badEscape) {
            return matcher.group(1);
        }
    }
}
