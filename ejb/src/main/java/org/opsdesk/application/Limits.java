package org.opsdesk.application;

/** Configured limits that clients check before they send (the services check them again). */
public interface Limits {

    /** The largest attachment accepted, in bytes ({@code OPSDESK_MAX_ATTACHMENT_MB}). */
    long maxAttachmentBytes();
}
