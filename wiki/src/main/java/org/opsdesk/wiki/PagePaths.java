package org.opsdesk.wiki;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Page paths: lower-case, '/'-separated segments of {@code [a-z0-9._-]}, such as
 * {@code runbooks/node/noderaiddegraded}. Paths match the URLs Hugo publishes for the same files.
 */
public final class PagePaths {

    /** The longest page path accepted. */
    public static final int MAX_LENGTH = 300;

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9._-]+");
    private static final Pattern DASHES = Pattern.compile("-{2,}");
    private static final Pattern MARKDOWN_EXTENSION = Pattern.compile("(?i)\\.(md|markdown)$");
    private static final Pattern INDEX_NAME = Pattern.compile("(?i)_index|index|readme");

    private PagePaths() {
    }

    /**
     * Normalises a user or file path to a page path: trims, drops leading and trailing '/',
     * lower-cases (accents are dropped first: {@code Ünïcode -> unicode}) and, in each segment, turns
     * characters other than {@code [a-z0-9._-]} into '-', collapses runs of '-' and drops a segment's
     * leading and trailing '-'. Empty segments are dropped. CamelCase is just lower-cased
     * ({@code NodeRAIDDegraded -> noderaiddegraded}).
     *
     * @throws IllegalArgumentException when a segment is "." or "..", or the result is empty or
     *     longer than {@value #MAX_LENGTH} characters
     */
    public static String normalize(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a page path is required");
        }
        String folded = COMBINING_MARKS.matcher(Normalizer.normalize(raw.trim(), Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace('\\', '/');
        StringBuilder path = new StringBuilder(folded.length());
        for (String segment : folded.split("/")) {
            String given = segment.strip();
            String clean = normalizeSegment(segment);
            if (given.equals(".") || given.equals("..") || clean.equals(".") || clean.equals("..")) {
                throw new IllegalArgumentException("a page path may not contain '.' or '..' segments: " + raw);
            }
            if (clean.isEmpty() && !given.isEmpty()) {
                // dropped, it made another page's path: runbooks/диск was the page runbooks
                throw new IllegalArgumentException("each part of a page path needs a letter a-z or a digit, '"
                        + given + "' has none: '" + raw + "'");
            }
            if (!clean.isEmpty()) {
                if (path.length() > 0) {
                    path.append('/');
                }
                path.append(clean);
            }
        }
        if (path.length() == 0) {
            throw new IllegalArgumentException("a page path needs at least one letter or digit: '" + raw + "'");
        }
        if (path.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a page path may have at most " + MAX_LENGTH + " characters, this one has " + path.length());
        }
        return path.toString();
    }

    /**
     * A normalised path that a new page may take (saved, moved or imported there): not one ending like the API's
     * addresses of a page's parts. Pages stored under such a path before keep it: reading them goes on.
     *
     * @throws IllegalArgumentException when the path is one of those
     */
    public static String forANewPage(String normalized) {
        if (RESERVED_END.matcher(normalized).find()) {
            throw new IllegalArgumentException("a page path may not end in 'revisions', 'diff', 'backlinks' or"
                    + " 'attachments', nor have 'attachments' or 'revisions' as its last part but one: the API's"
                    + " addresses of a page's history and files end so ('" + normalized + "')");
        }
        return normalized;
    }

    /**
     * Ends of a page path that the API's addresses of a page's parts take ({@code /api/wiki/pages/{path}/diff},
     * {@code .../attachments/{file}}, {@code .../revisions/{n}}): a page so named could be created, but not read.
     */
    private static final Pattern RESERVED_END =
            Pattern.compile("(?:^|/)(?:revisions|diff|backlinks|attachments|attachments/[^/]+|revisions/[0-9]+)$");

    private static String normalizeSegment(String segment) {
        String dashed = DASHES.matcher(NOT_ALLOWED.matcher(segment).replaceAll("-")).replaceAll("-");
        int start = 0;
        int end = dashed.length();
        while (start < end && dashed.charAt(start) == '-') {
            start++;
        }
        while (end > start && dashed.charAt(end - 1) == '-') {
            end--;
        }
        return dashed.substring(start, end);
    }

    /**
     * The Markdown file of a page path, the way back of {@link #ofFile}: {@code a/b.md}, but {@code a/readme/_index.md}
     * for a page named like an index file ({@code a/readme.md} would be read as the page {@code a}).
     */
    public static String fileOf(String pagePath) {
        // a page part starting with a dot would be a hidden file, which archives leave out: written without its dots
        StringBuilder file = new StringBuilder();
        for (String segment : pagePath.split("/")) {
            String visible = segment.replaceFirst("^\\.+", "");
            file.append(file.length() == 0 ? "" : "/").append(visible.isEmpty() ? "_" : visible);
        }
        String path = file.toString();
        return INDEX_NAME.matcher(lastSegment(path)).matches() ? path + "/_index.md" : path + ".md";
    }

    /** The parent of a page path, {@code ""} for a top-level page. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of a page path ({@code "a/b/c" -> "c"}). */
    public static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The page path of a Markdown file path: strips {@code .md} / {@code .markdown} and maps
     * {@code _index}, {@code index} and {@code README} to their folder's path, then normalises
     * ({@code "Runbooks/Node/_index.md" -> "runbooks/node"}).
     *
     * @throws IllegalArgumentException when no page path remains (a root-level index file) or the
     *     path is otherwise invalid (see {@link #normalize(String)})
     */
    public static String ofFile(String filePath) {
        String withoutExtension = MARKDOWN_EXTENSION.matcher(filePath.trim()).replaceFirst("");
        int slash = withoutExtension.lastIndexOf('/');
        String name = withoutExtension.substring(slash + 1);
        if (INDEX_NAME.matcher(name).matches()) {
            withoutExtension = slash < 0 ? "" : withoutExtension.substring(0, slash);
        }
        return normalize(withoutExtension);
    }

    /**
     * Resolves a relative link found on a page, as the importer does: {@code fromPagePath}
     * {@code "runbooks/node/a"} and {@code "../b.md"} give {@code "runbooks/b"}. The target is
     * resolved against the parent of {@code fromPagePath}, a {@code #anchor} or {@code ?query} suffix
     * is ignored, a leading '/' starts from the root, and the result goes through
     * {@link #ofFile(String)}.
     *
     * @return the normalised page path, or {@code null} when the target escapes the root or names
     *     no page (for example the root folder itself)
     */
    public static String resolveRelative(String fromPagePath, String relativeTarget) {
        String target = relativeTarget.trim();
        int suffix = indexOfAny(target, '#', '?');
        if (suffix >= 0) {
            target = target.substring(0, suffix);
        }
        Deque<String> segments = new ArrayDeque<>();
        if (!target.startsWith("/")) {
            String base = parent(fromPagePath.replace('\\', '/'));
            for (String segment : base.split("/")) {
                if (!segment.isEmpty()) {
                    segments.addLast(segment);
                }
            }
        }
        for (String segment : target.replace('\\', '/').split("/")) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        try {
            return ofFile(String.join("/", segments));
        } catch (IllegalArgumentException noPage) {
            return null;
        }
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
