package org.opsdesk.wiki.archive;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.opsdesk.wiki.PagePaths;
import org.opsdesk.wiki.markdown.MarkdownRenderer;
import org.opsdesk.wiki.markdown.SourceLink;
import org.opsdesk.wiki.markdown.ext.WikiTargets;

/**
 * Lays a wiki out as a Markdown tree, the form {@link MarkdownImporter} reads back.
 *
 * <ul>
 *   <li>Page {@code a/b} is the file {@code a/b.md}.</li>
 *   <li>A page's attachments sit beside its file ({@code a/diagram.png}), where its Markdown's bare-name
 *       references ({@code ![](diagram.png)}) find them.</li>
 *   <li>Two pages of one folder may each have an attachment of the same name with different content: the second
 *       is written under a free name ({@code diagram-2.png}) and its page's references are rewritten to it, so
 *       nothing is lost and every page still shows its own file. The same content under the same name is written
 *       once. An attachment is never written over a page's file, nor as a Markdown file (which would come back
 *       as a page).</li>
 * </ul>
 */
public final class MarkdownExporter {

    private static final Pattern MARKDOWN_FILE = Pattern.compile("(?i).+\\.(md|markdown)");

    /**
     * One page to export.
     *
     * @param path        its wiki path ({@code ops/db})
     * @param markdown    its current source
     * @param attachments its files by name, in the order to write them
     */
    public record ExportedPage(String path, String markdown, Map<String, byte[]> attachments) {

        /** Copies the attachments (keeping their order). */
        public ExportedPage {
            attachments = Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
        }
    }

    private MarkdownExporter() {
    }

    /** The files of the tree, content by relative '/'-separated path, pages first, in the pages' order. */
    public static Map<String, byte[]> files(List<ExportedPage> pages) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<String> folders = new HashSet<>();
        Map<ExportedPage, String> fileOfPage = new java.util.IdentityHashMap<>();
        // first the pages whose file is their path (no part starting with a dot), whatever their order: the page
        // linux/bashrc keeps bashrc.md, and linux/.bashrc becomes bashrc-2.md (or the next name free)
        Map<String, byte[]> reserved = new LinkedHashMap<>();
        for (boolean hidden : new boolean[] {false, true}) {
            for (ExportedPage page : pages) {
                if (hidden == hasHiddenPart(page.path())) {
                    String file = freeFile(reserved, page.path());
                    fileOfPage.put(page, file);
                    reserved.put(file, null);
                }
            }
        }
        for (ExportedPage page : pages) {
            String file = fileOfPage.get(page);
            files.put(file, null); // reserved: written below, once its references are settled
            for (String f = PagePaths.parent(file); !f.isEmpty(); f = PagePaths.parent(f)) {
                folders.add(f);
            }
        }
        for (ExportedPage page : pages) {
            String file = fileOfPage.get(page);
            String folder = PagePaths.parent(file); // its files lie beside it, where its relative links lead
            String prefix = folder.isEmpty() ? "" : folder + "/";
            Map<String, String> renamed = new HashMap<>();
            for (Map.Entry<String, byte[]> a : page.attachments().entrySet()) {
                String name = freeName(files, folders, prefix, exportable(prefix, a.getKey()), a.getValue());
                files.put(prefix + name, a.getValue());
                if (!name.equals(a.getKey())) {
                    renamed.put(a.getKey(), name);
                }
            }
            String markdown = renamed.isEmpty() ? page.markdown() : rewrite(page.markdown(), renamed);
            files.put(file, markdown.getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static boolean hasHiddenPart(String path) {
        return path.startsWith(".") || path.contains("/.");
    }

    /**
     * The file of a page, or where two pages would have the same one ({@code linux/.bashrc} and {@code linux/bashrc}:
     * archives leave out hidden files) that of the first free {@code path-N}: no page is lost from an export.
     */
    private static String freeFile(Map<String, byte[]> files, String path) {
        String file = PagePaths.fileOf(path);
        for (int n = 2; files.containsKey(file); n++) {
            file = PagePaths.fileOf(path + "-" + n);
        }
        return file;
    }

    /**
     * An attachment's name as a file an archive may hold: no leading dots (a hidden file), and at the top no drive
     * letter's colon ({@code c:x.png}); archives refuse both ({@link EntryCollector#safePath}).
     */
    static String exportable(String prefix, String name) {
        String visible = name.replaceFirst("^\\.+", "");
        if (visible.isEmpty()) {
            return "attachment";
        }
        return prefix.isEmpty() && visible.length() > 1 && visible.charAt(1) == ':'
                ? visible.charAt(0) + "_" + visible.substring(2) : visible;
    }

    /**
     * {@code name}, or the first {@code stem-N.ext} that is free in the folder (no file there, nor a folder of pages)
     * or holds the same content.
     */
    private static String freeName(Map<String, byte[]> files, Set<String> folders, String prefix, String name, byte[] content) {
        boolean markdownName = MARKDOWN_FILE.matcher(name).matches();
        int dot = name.lastIndexOf('.');
        String stem = markdownName ? name : dot > 0 ? name.substring(0, dot) : name;
        String extension = markdownName ? ".txt" : dot > 0 ? name.substring(dot) : "";
        String candidate = markdownName ? stem + extension : name;
        for (int n = 2; ; n++) {
            String path = prefix + candidate;
            boolean free = !folders.contains(path) && !files.containsKey(path);
            if (free || files.get(path) != null && Arrays.equals(files.get(path), content)) {
                return candidate;
            }
            candidate = stem + "-" + n + extension;
        }
    }

    /**
     * A file name as a link destination: percent-encoded (a space as {@code %20}), so that a name with spaces,
     * parentheses, {@code #} or {@code ?} stays one destination and names the file, as the renderer and the importer
     * decode it.
     */
    static String asDestination(String fileName) {
        return URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The Markdown with every link and image to a renamed attachment pointing at its new name. */
    private static String rewrite(String markdown, Map<String, String> renamed) {
        StringBuilder out = new StringBuilder(markdown.length());
        int copied = 0;
        for (SourceLink link : MarkdownRenderer.instance().outline(markdown).links()) {
            String name = WikiTargets.bareFileName(link.destination().strip());
            String to = name == null ? null : renamed.get(name);
            if (to == null || link.destinationStart() < copied) {
                continue;
            }
            out.append(markdown, copied, link.destinationStart()).append(asDestination(to));
            copied = link.destinationEnd();
        }
        return out.append(markdown, copied, markdown.length()).toString();
    }
}
