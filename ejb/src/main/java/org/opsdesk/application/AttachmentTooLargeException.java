package org.opsdesk.application;

import org.opsdesk.domain.DomainException;

/** An attachment is over the configured size limit (answered with 413). */
public class AttachmentTooLargeException extends DomainException {

    public AttachmentTooLargeException(String filename, long size, long max) {
        super(Kind.INVALID, "attachment_too_large", "Attachment '" + filename + "' has " + size
                + " bytes; the limit is " + max + " bytes (OPSDESK_MAX_ATTACHMENT_MB).");
    }
}
