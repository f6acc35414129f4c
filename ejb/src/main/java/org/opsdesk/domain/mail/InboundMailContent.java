package org.opsdesk.domain.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The raw bytes of one {@link InboundMail}, exactly as they arrived; written once, never changed. */
@Entity
@Table(name = "inbound_mail_raw")
public class InboundMailContent {

    @Id
    @Column(name = "mail_id")
    private Long mailId;

    @Column(nullable = false, updatable = false)
    private byte[] raw;

    protected InboundMailContent() {
        // JPA
    }

    public InboundMailContent(long mailId, byte[] raw) {
        this.mailId = mailId;
        this.raw = raw;
    }

    public byte[] raw() {
        return raw;
    }
}
