package org.opsdesk.wiki.archive;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.opsdesk.wiki.PagePaths;
import org.opsdesk.wiki.markdown.FrontMatter;
import org.opsdesk.wiki.markdown.MarkdownOutline;
import org.opsdesk.wiki.markdown.MarkdownRenderer;
import org.opsdesk.wiki.markdown.SourceLink;
import org.opsdesk.wiki.markdown.ext.WikiTargets;

/**
 * Plans the import of a Markdown tree (a folder or an archive) into the wiki.
 *
 * <ul>
 *   <li>Pages are the {@code *.md} and {@code *.markdown} files; {@code _index.md},
 *       {@code index.md} and {@code README.md} become their folder's page (at the top level, the
 *       {@code into} page, or a page named after the file when importing into the root).</li>
 *   <li>Page paths are the file paths under {@code into}, normalised by {@link PagePaths}.</li>
 *   <li>Relative links to pages ({@code [x](../b.md#anchor)}, {@code [x]({{< ref "./B.md" >}})},
 *       {@code [x](folder/)}) become {@code [[path#anchor|x]]} wiki links; links to missing pages
 *       too, so they show as "create this page".</li>
 *   <li>Relative images and links to other files of the tree become attachments of the pages that
 *       use them, referred to by bare (cleaned, de-duplicated) file name.</li>
 *   <li>Everything else ({@code OWNERS}, {@code LICENSE}, unused images, files without a Markdown
 *       extension) is reported as skipped.</li>
 * </ul>
 */
public final class MarkdownImporter {

    private static final Pattern MARKDOWN_FILE = Pattern.compile("(?i).+\\.(md|markdown)");
    private static final Pattern MARKDOWN_EXTENSION = Pattern.compile("(?i)\\.(md|markdown)$");
    private static final Pattern INDEX_NAME = Pattern.compile("(?i)_index|index|readme");
    private static final Pattern IMAGE_FILE = Pattern.compile("(?i).+\\.(png|jpe?g|gif|svg|webp|bmp|ico)");
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Pattern NOT_FILE_NAME_CHAR = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final Pattern NOT_LABEL_CHAR = Pattern.compile("[\\[\\]|]+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String prefix;
    private final Map<String, ArchiveEntry> files = new LinkedHashMap<>();
    private final Map<String, String> pageByFile = new HashMap<>();
    private final Map<String, String> pageByLowerCaseFile = new HashMap<>();
    private final Map<String, String> fileByPage = new LinkedHashMap<>();
    private final Set<String> usedFiles = new HashSet<>();
    private final Map<String, byte[]> attachments = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    private MarkdownImporter(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Plans an import. Nothing is stored; the plan says what would be.
     *
     * @param entries the files of a folder or archive, paths relative to its root
     * @param into    the page path to import under, {@code ""} (or null) for the root
     * @throws IllegalArgumentException when {@code into} is not a valid page path
     */
    public static ImportPlan plan(List<ArchiveEntry> entries, String into) {
        String prefix = into == null || into.isBlank() ? "" : PagePaths.normalize(into);
        MarkdownImporter importer = new MarkdownImporter(prefix);
        importer.collect(entries);
        List<ImportedPage> pages = new ArrayList<>();
        importer.fileByPage.forEach((page, file) -> pages.add(importer.importPage(page, file)));
        importer.reportUnusedFiles();
        return new ImportPlan(pages, importer.attachments, importer.skipped);
    }

    /** Sorts the files by path and assigns page paths to the Markdown ones. */
    private void collect(List<ArchiveEntry> entries) {
        List<ArchiveEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ArchiveEntry::path));
        for (ArchiveEntry entry : sorted) {
            String path = EntryCollector.safePath(entry.path());
            if (path == null) {
                skipped.add(entry.path() + ": hidden, or not a safe relative path");
            } else if (entry.tooLarge()) {
                skipped.add(entry.path() + ": larger than a page or an attachment may be");
            } else if (files.putIfAbsent(path, entry) != null) {
                skipped.add(entry.path() + ": listed twice");
            } else if (MARKDOWN_FILE.matcher(path).matches()) {
                assignPage(path, entry.content());
            }
        }
    }

    private void assignPage(String file, byte[] content) {
        String page;
        try {
            page = PagePaths.forANewPage(pagePathOf(file));
        } catch (IllegalArgumentException invalid) {
            skipped.add(file + ": no valid page path (" + invalid.getMessage() + ")");
            return;
        }
        if (fileByPage.containsKey(page)) {
            skipped.add(file + ": page '" + page + "' already comes from " + fileByPage.get(page));
        } else if (isBinary(content)) {
            skipped.add(file + ": not a text file");
        } else if (tooLong(content)) {
            skipped.add(file + ": longer than a page may be (" + MarkdownRenderer.MAX_MARKDOWN + " characters)");
        } else {
            fileByPage.put(page, file);
            pageByFile.put(file, page);
            pageByLowerCaseFile.putIfAbsent(file.toLowerCase(Locale.ROOT), page);
        }
    }

    /**
     * The page path of a Markdown file under the prefix.
     *
     * @throws IllegalArgumentException when the file's name has no letter or digit, or the path is invalid
     */
    private String pagePathOf(String file) {
        String name = fileName(file);
        if (!INDEX_NAME.matcher(name).matches()) {
            PagePaths.normalize(name);
        }
        try {
            return PagePaths.ofFile(prefix.isEmpty() ? file : prefix + "/" + file);
        } catch (IllegalArgumentException noPath) {
            if (prefix.isEmpty() && file.indexOf('/') < 0) {
                // a top-level README.md or index.md imported into the root: named after the file
                return PagePaths.normalize(name);
            }
            throw noPath;
        }
    }

    private ImportedPage importPage(String page, String file) {
        String source = text(files.get(file).content());
        if (!source.isEmpty() && source.charAt(0) == BYTE_ORDER_MARK) {
            source = source.substring(1);
        }
        MarkdownOutline outline = MarkdownRenderer.instance().outline(source);
        Map<String, String> attachmentNames = new LinkedHashMap<>();
        StringBuilder markdown = new StringBuilder(source.length());
        int copied = 0;
        for (SourceLink link : outline.links()) {
            if (link.start() < copied) {
                continue; // inside a link already rewritten
            }
            Rewrite rewrite = rewrite(link, file, page, attachmentNames);
            if (rewrite != null) {
                markdown.append(source, copied, rewrite.start()).append(rewrite.text());
                copied = rewrite.end();
            }
        }
        markdown.append(source, copied, source.length());
        return new ImportedPage(page, title(outline, file), markdown.toString(), List.copyOf(attachmentNames.values()));
    }

    /** A replacement of source characters {@code [start, end)}. */
    private record Rewrite(int start, int end, String text) {
    }

    private Rewrite rewrite(SourceLink link, String file, String page, Map<String, String> attachmentNames) {
        String destination = link.destination().strip();
        String hugoRef = WikiTargets.hugoRef(destination);
        String target = hugoRef != null ? hugoRef : destination;
        if (hugoRef == null && !isRelative(target)) {
            return null;
        }
        String anchor = WikiTargets.anchorOf(target);
        String targetPath = decode(stripQuery(WikiTargets.withoutAnchor(target)));
        String resolved = targetPath.isEmpty() ? null : resolve(parentOf(file), targetPath);
        if (resolved == null) {
            return null;
        }
        if (link.kind() == SourceLink.Kind.LINK) {
            boolean markdownTarget = hugoRef != null || MARKDOWN_FILE.matcher(resolved).matches();
            String targetPage = linkedPage(resolved, markdownTarget);
            if (targetPage != null) {
                return new Rewrite(link.start(), link.end(), wikiLink(targetPage, anchor, link.label()));
            }
        }
        ArchiveEntry attachment = files.get(resolved);
        if (attachment == null || MARKDOWN_FILE.matcher(resolved).matches()) {
            return null;
        }
        String name = attachmentNames.computeIfAbsent(resolved, f -> uniqueName(f, attachmentNames));
        attachments.put(page + "/" + name, attachment.content());
        usedFiles.add(resolved);
        return new Rewrite(link.destinationStart(), link.destinationEnd(), name);
    }

    /**
     * The page a link to {@code resolved} leads to: the page of that file, the page of that folder,
     * or, for Markdown targets, the page the file would have (a missing page).
     */
    private String linkedPage(String resolved, boolean markdownTarget) {
        String page = pageByFile.get(resolved);
        if (page == null) {
            page = pageByLowerCaseFile.get(resolved.toLowerCase(Locale.ROOT));
        }
        if (page != null) {
            return page;
        }
        String candidate;
        try {
            candidate = pagePathOf(resolved);
        } catch (IllegalArgumentException noPage) {
            return null;
        }
        return markdownTarget || fileByPage.containsKey(candidate) ? candidate : null;
    }

    private static String wikiLink(String page, String anchor, String label) {
        String clean = BLANKS.matcher(NOT_LABEL_CHAR.matcher(label).replaceAll(" ")).replaceAll(" ").strip();
        String target = anchor == null || anchor.isBlank() ? page : page + "#" + anchor;
        return clean.isEmpty() || clean.equals(target) ? "[[" + target + "]]" : "[[" + target + "|" + clean + "]]";
    }

    /** A file name for the attachment that no other attachment of the page uses. */
    private static String uniqueName(String file, Map<String, String> namesInUse) {
        String base = NOT_FILE_NAME_CHAR.matcher(file.substring(file.lastIndexOf('/') + 1)).replaceAll("-");
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        String extension = dot > 0 ? base.substring(dot) : "";
        String name = base;
        for (int n = 2; namesInUse.containsValue(name); n++) {
            name = stem + "-" + n + extension;
        }
        return name;
    }

    private String title(MarkdownOutline outline, String file) {
        FrontMatter frontMatter = outline.frontMatter();
        if (frontMatter.title() != null && !frontMatter.title().isBlank()) {
            return frontMatter.title().strip();
        }
        if (outline.firstHeading() != null && !outline.firstHeading().isBlank()) {
            return outline.firstHeading();
        }
        String name = fileName(file);
        boolean indexFile = INDEX_NAME.matcher(name).matches();
        if (indexFile && file.indexOf('/') > 0) {
            String folder = parentOf(file);
            return folder.substring(folder.lastIndexOf('/') + 1);
        }
        return indexFile && !prefix.isEmpty() ? PagePaths.lastSegment(prefix) : name;
    }

    private void reportUnusedFiles() {
        files.forEach((path, entry) -> {
            if (!MARKDOWN_FILE.matcher(path).matches() && !usedFiles.contains(path)) {
                skipped.add(path + (IMAGE_FILE.matcher(path).matches()
                        ? ": image not used by any page"
                        : ": not a Markdown page (only .md and .markdown files are imported)"));
            }
        });
    }

    private static boolean isRelative(String target) {
        return !target.isEmpty() && !target.startsWith("/") && !target.startsWith("#") && !target.startsWith("?")
                && !target.startsWith("{{") && !URL_SCHEME.matcher(target).matches();
    }

    /** Joins a relative path to a folder, resolving "." and ".."; null when it leaves the root. */
    private static String resolve(String folder, String relative) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : (folder + "/" + relative).split("/")) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? null : String.join("/", segments);
    }

    /** The file's name without folder and Markdown extension. */
    private static String fileName(String file) {
        return MARKDOWN_EXTENSION.matcher(file.substring(file.lastIndexOf('/') + 1)).replaceFirst("");
    }

    private static String parentOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    private static String stripQuery(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return path;
        }
    }

    /**
     * A file's text: UTF-8, or (bytes that are no UTF-8) Windows-1252, which reads every Latin-1 file the way it
     * was written, where UTF-8 made each accented letter a replacement character.
     */
    static String text(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    /** Over the page limit: decoded only when its bytes could be few enough characters (at most 4 bytes each). */
    private static boolean tooLong(byte[] content) {
        return content.length > 4L * MarkdownRenderer.MAX_MARKDOWN
                || content.length > MarkdownRenderer.MAX_MARKDOWN && text(content).length() > MarkdownRenderer.MAX_MARKDOWN;
    }

    private static boolean isBinary(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
