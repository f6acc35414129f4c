package org.opsdesk.domain.wiki;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opsdesk.domain.DomainException;

/**
 * A wiki page: its path, title and current Markdown, numbered revisions (each save is one), and what its text
 * refers to. The page changes itself through {@link #revise}, {@link #moveTo} and {@link #restore}; each
 * answers the revision to store.
 */
@Entity
@Table(name = "wiki_page")
public class WikiPage {

    public static final int MAX_TITLE = 300;
    public static final int MAX_MARKDOWN = org.opsdesk.wiki.markdown.MarkdownRenderer.MAX_MARKDOWN;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 300)
    private String path;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(nullable = false)
    private String markdown;

    @Column(nullable = false)
    private int revision;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @ElementCollection
    @CollectionTable(name = "wiki_reference", joinColumns = @JoinColumn(name = "page_id"))
    private Set<PageReference> references = new HashSet<>();

    protected WikiPage() {
        // JPA
    }

    private WikiPage(PagePath path, Instant now) {
        this.path = path.value();
        this.createdAt = now;
    }

    /** A new page at {@code path}; the answer's {@link PageRevision#page()} is the page (revision 1). */
    public static PageRevision create(PagePath path, String title, String markdown, Set<PageReference> refs,
            String author, String comment, Instant now) {
        WikiPage page = new WikiPage(path, now);
        page.apply(title, markdown, refs, author, now);
        return page.nextRevision(author, comment, now);
    }

    /**
     * Saves new text. Answers the new revision, or empty when title and text are unchanged (a null edit makes
     * no revision, as in MediaWiki). The references are taken either way: they are derived from the text, and a
     * newer OpsDesk may derive more from the same text (a null edit or a re-import brings them up to date).
     */
    public Optional<PageRevision> revise(String newTitle, String newMarkdown, Set<PageReference> refs,
            String author, String comment, Instant now) {
        String t = validTitle(newTitle);
        String m = validMarkdown(newMarkdown);
        if (t.equals(title) && m.equals(markdown)) {
            if (!references.equals(refs)) {
                references.clear();
                references.addAll(refs);
            }
            return Optional.empty();
        }
        apply(t, m, refs, author, now);
        return Optional.of(nextRevision(author, comment, now));
    }

    /** Brings back the text of an old revision as a new revision. */
    public Optional<PageRevision> restore(PageRevision old, Set<PageReference> refs, String author, Instant now) {
        if (!old.page().id.equals(id)) {
            throw DomainException.invalid("wrong_page", "Revision " + old.number() + " belongs to another page.");
        }
        return revise(old.title(), old.markdown(), refs, author, "Restored revision " + old.number(), now);
    }

    /** Moves the page to {@code to}; the caller leaves a redirect at the old path. */
    public PageRevision moveTo(PagePath to, String author, Instant now) {
        if (to.value().equals(path)) {
            throw DomainException.conflict("same_path", "The page is at " + path + " already.");
        }
        String from = path;
        this.path = to.value();
        this.updatedAt = now;
        this.updatedBy = author;
        return nextRevision(author, "Moved from " + from, now);
    }

    private void apply(String newTitle, String newMarkdown, Set<PageReference> refs, String author, Instant now) {
        this.title = validTitle(newTitle);
        this.markdown = validMarkdown(newMarkdown);
        this.references.clear();
        this.references.addAll(refs);
        this.updatedAt = now;
        this.updatedBy = author;
    }

    private PageRevision nextRevision(String author, String comment, Instant now) {
        revision++;
        return new PageRevision(this, revision, author, comment, now);
    }

    static String validTitle(String t) {
        if (t == null || t.isBlank()) {
            throw DomainException.invalid("invalid_title", "A page needs a title.");
        }
        String s = t.strip().replaceAll("\\s+", " ");
        return s.length() > MAX_TITLE ? s.substring(0, MAX_TITLE) : s;
    }

    /**
     * A page text as stored (line ends as {@code \n}); refuses none and one too large, which callers check before
     * they parse it.
     */
    public static String validMarkdown(String m) {
        if (m == null) {
            throw DomainException.invalid("invalid_markdown", "A page needs a markdown body (it may be empty).");
        }
        if (m.length() > MAX_MARKDOWN) {
            throw DomainException.invalid("page_too_large",
                    "A page may hold at most " + MAX_MARKDOWN + " characters; split it into several pages.");
        }
        return m.replace("\r\n", "\n");
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public PagePath path() {
        return new PagePath(path);
    }

    public String title() {
        return title;
    }

    public String markdown() {
        return markdown;
    }

    public int revision() {
        return revision;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Set<PageReference> references() {
        return Set.copyOf(references);
    }
}
