package org.opsdesk.mail.inbound.parse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the permissive parser made of one raw message. Never null lists; strings are decoded
 * (RFC 2047, charsets) and header values unfolded.
 *
 * @param messageId      the Message-ID without angle brackets, or null when the mail has none
 * @param inReplyTo      Message-IDs from In-Reply-To (without brackets), in order
 * @param references     Message-IDs from References (without brackets), in order
 * @param subject        decoded single-line subject, "" when missing
 * @param fromAddress    the sender's address as written (not validated), or null when missing/unreadable
 * @param fromName       the sender's display name, or null
 * @param to             recipient addresses of To
 * @param cc             recipient addresses of Cc
 * @param replyTo        first Reply-To address, or null
 * @param returnPath     the Return-Path address: null when the header is absent, "" for {@code <>}
 * @param date           the Date header, or null when missing or unparsable
 * @param headers        every header: lower-case name → decoded, unfolded values in order
 * @param text           the best plain-text body (text/plain part, or the HTML rendered as text), "" if none
 * @param html           the raw (unsanitised) HTML body, or null
 * @param attachments    attachments and inline parts (cid images), with their bytes
 * @param report         for multipart/report: the delivery-status text and the original message's headers
 * @param notes          warnings about parts that were skipped or decoded with a fallback
 */
public record ParsedMail(String messageId, List<String> inReplyTo, List<String> references, String subject,
        String fromAddress, String fromName, List<String> to, List<String> cc, String replyTo, String returnPath,
        Instant date, Map<String, List<String>> headers, String text, String html,
        List<ParsedAttachment> attachments, DeliveryReport report, List<String> notes) {

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header (name in any case), in order; empty when absent. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /**
     * @param filename    decoded (RFC 2231/2047) file name, or null when the part has none
     * @param contentType the MIME type without parameters, lower-case
     * @param contentId   the Content-ID without brackets, or null
     * @param inline      whether the part is meant to be shown inline
     */
    public record ParsedAttachment(String filename, String contentType, String contentId, boolean inline,
            byte[] bytes) {
    }

    /**
     * The machine-readable parts of a multipart/report (RFC 3464 bounce, RFC 3798 receipt).
     *
     * @param reportType       the report-type parameter ("delivery-status", "disposition-notification", …)
     * @param failedRecipients Final-Recipient/Original-Recipient addresses whose Action is failed
     * @param originalMessageId Message-ID of the bounced message (from the returned message or its headers), or null
     */
    public record DeliveryReport(String reportType, List<String> failedRecipients, String originalMessageId) {
    }
}
