package org.opsdesk.domain.wiki;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A path a page had before it moved: it keeps answering with the page, and links to it keep resolving. */
@Entity
@Table(name = "wiki_redirect")
public class PageRedirect {

    @Id
    @Column(name = "from_path", length = 300)
    private String fromPath;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "page_id")
    private WikiPage page;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PageRedirect() {
        // JPA
    }

    public PageRedirect(PagePath from, WikiPage page, Instant at) {
        this.fromPath = from.value();
        this.page = page;
        this.createdAt = at;
    }

    public String fromPath() {
        return fromPath;
    }

    public WikiPage page() {
        return page;
    }

    /** A new page created at this path takes it back; a later move may point it elsewhere. */
    public void pointTo(WikiPage target) {
        this.page = target;
    }
}
