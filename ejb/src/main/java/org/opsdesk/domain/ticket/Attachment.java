package org.opsdesk.domain.ticket;

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

/** A file on a message: its safe name, declared type and size, and a reference to its stored bytes. */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id")
    private Message message;

    @Column(name = "filename", nullable = false, length = 255)
    private String filename;

    @Column(name = "content_type", nullable = false, length = 255)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sha256")
    private AttachmentContent content;

    protected Attachment() {
        // JPA
    }

    /** Null, or the Content-ID (without angle brackets) of an inline part of a mail. */
    @Column(name = "content_id", length = 250)
    private String contentId;

    public Attachment(String filename, String contentType, AttachmentContent content) {
        this(filename, contentType, content, null);
    }

    /** An inline part of a mail: {@code contentId} is what its HTML refers to as {@code cid:}. */
    public Attachment(String filename, String contentType, AttachmentContent content, String contentId) {
        this.filename = safeFilename(filename);
        this.contentType = ContentTypes.safe(contentType);
        this.content = content;
        this.size = content.size();
        this.contentId = safeContentId(contentId);
    }

    /** The Content-ID without angle brackets or control characters; null when blank or too long to be real. */
    static String safeContentId(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("[\\p{Cntrl}<>\"\\s]", "");
        return s.isEmpty() || s.length() > 250 ? null : s;
    }

    public String contentId() {
        return contentId;
    }

    void attachTo(Message m) {
        this.message = m;
    }

    /**
     * Keeps only the last path segment, drops control characters and quotes, and never answers an empty
     * name, so a stored name can neither traverse paths nor break a header.
     */
    public static String safeFilename(String raw) {
        String s = raw == null ? "" : raw;
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(cut + 1);
        s = s.replaceAll("[\\p{Cntrl}\"]", "").strip();
        s = s.length() > 255 ? s.substring(s.length() - 255) : s; // the end, with the extension
        while (s.startsWith(".")) { // after the cut, which could leave a hidden name
            s = s.substring(1);
        }
        return s.isEmpty() ? "attachment" : s;
    }

    public Long id() {
        return id;
    }

    public Message message() {
        return message;
    }

    public String filename() {
        return filename;
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

    public String sha256() {
        return content.sha256();
    }
}
