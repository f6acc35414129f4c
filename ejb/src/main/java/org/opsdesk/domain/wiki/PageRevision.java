package org.opsdesk.domain.wiki;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One saved state of a page, numbered from 1; never changed once written. */
@Entity
@Table(name = "wiki_revision")
public class PageRevision {

    public static final int MAX_COMMENT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "page_id")
    private WikiPage page;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, length = WikiPage.MAX_TITLE)
    private String title;

    @Column(nullable = false, length = 300)
    private String path;

    @Column(nullable = false)
    private String markdown;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(length = MAX_COMMENT)
    private String comment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PageRevision() {
        // JPA
    }

    PageRevision(WikiPage page, int number, String author, String comment, Instant at) {
        this.page = page;
        this.number = number;
        this.title = page.title();
        this.path = page.path().value();
        this.markdown = page.markdown();
        this.author = author;
        this.comment = comment == null || comment.isBlank() ? null
                : comment.strip().substring(0, Math.min(comment.strip().length(), MAX_COMMENT));
        this.createdAt = at;
    }

    public WikiPage page() {
        return page;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public String path() {
        return path;
    }

    public String markdown() {
        return markdown;
    }

    public String author() {
        return author;
    }

    public String comment() {
        return comment;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
