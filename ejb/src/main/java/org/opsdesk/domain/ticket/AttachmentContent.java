package org.opsdesk.domain.ticket;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an attachment, stored once per SHA-256 however many messages carry them. */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent {

    @Id
    @Column(name = "sha256", length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] bytes;

    protected AttachmentContent() {
        // JPA
    }

    public AttachmentContent(byte[] bytes) {
        this.bytes = bytes.clone();
        this.size = bytes.length;
        this.sha256 = sha256Of(bytes);
    }

    public static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public byte[] bytes() {
        return bytes.clone();
    }
}
