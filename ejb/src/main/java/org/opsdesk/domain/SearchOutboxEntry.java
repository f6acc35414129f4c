package org.opsdesk.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** "Ticket 42 (or page runbooks/x) changed: index it again." One row of the search index outbox. */
@Entity
@Table(name = "search_outbox")
public class SearchOutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "doc_type", nullable = false, length = 8)
    private String docType;

    @Column(name = "doc_id", nullable = false, length = 300)
    private String docId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SearchOutboxEntry() {
        // JPA
    }

    public SearchOutboxEntry(String docType, String docId, Instant createdAt) {
        this.docType = docType;
        this.docId = docId;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String docType() {
        return docType;
    }

    public String docId() {
        return docId;
    }
}
