package org.opsdesk.wiki.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opsdesk.wiki.markdown.ext.OpsDeskExtension;

/**
 * OpsDesk's one Markdown configuration: CommonMark with GitHub tables, task lists, strikethrough
 * and autolinks; heading ids; fenced code with {@code class="language-xxx"}; YAML front matter
 * (read, never rendered); {@code [[path]]} / {@code [[path|label]]} wiki links; {@code #123} ticket
 * and {@code host:name} host references; Hugo {@code {{< ref "X.md" >}}} link destinations.
 * Raw HTML is escaped and {@code javascript:}, {@code vbscript:} and {@code data:} links are
 * suppressed.
 *
 * <p>Thread-safe: the parser and renderer are built once and shared.
 */
public final class MarkdownRenderer {

    private static final MarkdownRenderer INSTANCE = new MarkdownRenderer();

    /** Matched by Flexmark against the raw destination; the resolver also checks it decoded. */
    private static final String SUPPRESSED_LINKS = "(?is)[\\x00-\\x20]*(?:javascript|vbscript|data):.*";

    private final Parser parser;
    private final HtmlRenderer htmlRenderer;

    private MarkdownRenderer() {
        DataHolder options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                        StrikethroughExtension.create(), AutolinkExtension.create(), WikiLinkExtension.create(),
                        YamlFrontMatterExtension.create(), OpsDeskExtension.create()))
                // Hugo shortcodes such as {{< ref "./X.md" >}} contain blanks and quotes
                .set(Parser.PARSE_JEKYLL_MACROS_IN_URLS, true)
                // GitHub-flavoured tables
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.MIN_HEADER_ROWS, 1)
                .set(TablesExtension.MAX_HEADER_ROWS, 1)
                // not padded: a header of 10,000 columns over 10,000 rows of "|" made 10^8 empty cells from 60 KB of text
                .set(TablesExtension.APPEND_MISSING_COLUMNS, false)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
                .set(WikiLinkExtension.LINK_FIRST_SYNTAX, true)
                .set(WikiLinkExtension.ALLOW_ANCHORS, true)
                .set(HtmlRenderer.ESCAPE_HTML, true)
                .set(HtmlRenderer.SUPPRESSED_LINKS, SUPPRESSED_LINKS)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .toImmutable();
        parser = Parser.builder(options).build();
        htmlRenderer = HtmlRenderer.builder(options).build();
    }

    /**
     * The longest text a page may hold, in characters. Parsing takes memory in proportion to the text (about a
     * hundred times its size), so every path that parses a page's text checks it first: saves, previews, imports.
     */
    public static final int MAX_MARKDOWN = 1_000_000;

    /** The shared instance. */
    public static MarkdownRenderer instance() {
        return INSTANCE;
    }

    /**
     * Renders a page.
     *
     * @param markdown the page source (null is read as empty)
     * @param links    page existence and URLs, asked while rendering
     */
    public RenderedMarkdown render(String markdown, LinkResolver links) {
        Objects.requireNonNull(links, "links");
        Document document = parse(markdown);
        OpsDeskExtension.LINK_RESOLVER.set(document, links);
        String html = htmlRenderer.render(document);
        DocumentFacts facts = DocumentFacts.of(document);
        return new RenderedMarkdown(html, FrontMatterReader.read(document), facts.toc, facts.wikiLinks,
                facts.ticketRefs, facts.hostRefs, PlainText.of(document), facts.firstHeading);
    }

    /** The normalised page paths a page links to (wiki links and Hugo {@code ref} links), for backlinks. */
    public Set<String> wikiLinks(String markdown) {
        return Collections.unmodifiableSet(DocumentFacts.of(parse(markdown)).wikiLinks);
    }

    /** A page's front matter, {@link FrontMatter#EMPTY} when it has none. */
    public FrontMatter frontMatter(String markdown) {
        return FrontMatterReader.read(parse(markdown));
    }

    /** Front matter, first heading, link targets and inline links of a page, without rendering it. */
    public MarkdownOutline outline(String markdown) {
        Document document = parse(markdown);
        DocumentFacts facts = DocumentFacts.of(document);
        return new MarkdownOutline(FrontMatterReader.read(document), facts.firstHeading, facts.wikiLinks, facts.links);
    }

    private Document parse(String markdown) {
        String text = markdown == null ? "" : markdown;
        try {
            return parser.parse(text);
        } catch (StackOverflowError tooDeep) {
            // a construct repeated beyond what the parser's regular expressions take (a table of some 1,000 columns
            // on a thread of the default stack): shown as its text, which loses nothing, instead of failing every
            // view and save of the page
            String fence = "`".repeat(Math.max(3, longestRun(text, '`') + 1));
            return parser.parse(fence + "text\n" + text + "\n" + fence + "\n");
        }
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
