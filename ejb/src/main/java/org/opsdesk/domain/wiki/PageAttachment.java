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

import org.opsdesk.domain.ContentTypes;
import org.opsdesk.domain.ticket.AttachmentContent;

/** A file on a page (an image a runbook embeds, a script): its bytes are stored once by SHA-256. */
@Entity
@Table(name = "wiki_attachment")
public class PageAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "page_id")
    private WikiPage page;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 255)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sha256")
    private AttachmentContent content;

    @Column(name = "uploaded_by", nullable = false, length = 100)
    private String uploadedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PageAttachment() {
        // JPA
    }

    public PageAttachment(WikiPage page, String fileName, String contentType, AttachmentContent content,
            String uploadedBy, Instant at) {
        this.page = page;
        this.fileName = fileName;
        this.contentType = ContentTypes.safe(contentType);
        this.content = content;
        this.size = content.size();
        this.uploadedBy = uploadedBy;
        this.createdAt = at;
    }

    /** A new upload under the same name replaces the bytes; the name stays. */
    public void replace(String newContentType, AttachmentContent newContent, String by, Instant at) {
        this.contentType = ContentTypes.safe(newContentType);
        this.content = newContent;
        this.size = newContent.size();
        this.uploadedBy = by;
        this.createdAt = at;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public AttachmentContent content() {
        return content;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
