package org.opsdesk.domain.ticket;

import java.util.List;

import org.opsdesk.domain.DomainException;

/**
 * What a message says: plain text (required), HTML that the caller has already sanitised (optional),
 * attachments, and for mail the sender's address, its Message-ID and notes about skipped parts.
 */
public record MessageBody(String text, String sanitizedHtml, List<Attachment> attachments, String fromAddress,
        String rfcMessageId, String notes) {

    public MessageBody {
        if ((text == null || text.isBlank()) && (sanitizedHtml == null || sanitizedHtml.isBlank())
                && (attachments == null || attachments.isEmpty())) {
            throw DomainException.invalid("empty_message", "A message needs a body text, HTML or an attachment.");
        }
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static MessageBody text(String text) {
        return new MessageBody(text, null, List.of(), null, null, null);
    }
}
