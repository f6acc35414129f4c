package org.opsdesk.application.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opsdesk.application.AttachmentTooLargeException;
import org.opsdesk.application.TicketCommands.NewAttachment;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.ticket.Attachment;
import org.opsdesk.domain.ticket.MessageBody;
import org.opsdesk.infrastructure.config.Settings;

/**
 * Builds message bodies: sanitises HTML, derives text from HTML when there is no text, stores each
 * attachment's bytes once per SHA-256 and applies the size limit.
 */
@ApplicationScoped
public class MessageBodies {

    @Inject
    AttachmentContents contents;

    @Inject
    Settings settings;

    /**
     * Where the message comes from. The API refuses an attachment over the limit (413) and an empty
     * message (400); mail must never be refused, so there an attachment over the limit is skipped with
     * a note and an empty mail is kept with a placeholder text.
     */
    public enum Origin { API, MAIL }

    public MessageBody build(String text, String html, List<NewAttachment> files, String fromAddress,
            String rfcMessageId, List<String> notes, Origin origin) {
        if (text != null && text.indexOf('\0') >= 0 || html != null && html.indexOf('\0') >= 0) {
            // a mail's were dropped by its parser; a person's form or request is told (PostgreSQL stores no NUL)
            throw DomainException.invalid("invalid_text", "A message must not contain the NUL character (U+0000).");
        }
        String clean = HtmlSanitizer.sanitize(html);
        String plain = (text == null || text.isBlank()) && clean != null ? HtmlSanitizer.toText(clean) : text;
        List<String> allNotes = notes == null ? new ArrayList<>() : new ArrayList<>(notes);
        List<Attachment> attachments = new ArrayList<>();
        long max = settings.maxAttachmentBytes();
        for (NewAttachment f : files == null ? List.<NewAttachment>of() : files) {
            if (f.bytes() == null) {
                throw DomainException.invalid("attachment_empty", "Attachment '" + f.filename() + "' has no content.");
            }
            if (f.bytes().length > max) {
                if (origin == Origin.API) {
                    throw new AttachmentTooLargeException(f.filename(), f.bytes().length, max);
                }
                allNotes.add("attachment '" + Attachment.safeFilename(f.filename()) + "' (" + f.bytes().length
                        + " bytes) skipped: over the limit of " + max + " bytes");
                continue;
            }
            attachments.add(new Attachment(f.filename(), f.contentType(), contents.stored(f.bytes()), f.contentId()));
        }
        if (origin == Origin.MAIL && (plain == null || plain.isBlank()) && clean == null && attachments.isEmpty()) {
            plain = allNotes.isEmpty() ? "(empty message)" : "(no readable content)";
        }
        return new MessageBody(plain, clean, attachments, fromAddress, rfcMessageId,
                allNotes.isEmpty() ? null : String.join("\n", allNotes));
    }
}
