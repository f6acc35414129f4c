package org.opsdesk.web.rest.dto;

import java.util.Base64;
import java.util.List;

import org.opsdesk.application.TicketCommands.NewAttachment;
import org.opsdesk.domain.DomainException;

/** JSON bodies the ticket API accepts. */
public final class TicketRequests {

    private TicketRequests() {
    }

    /** {@code POST /api/tickets}. */
    public record CreateTicketRequest(String queue, String subject, String body, String requester, List<String> cc,
            String priority, List<AttachmentUpload> attachments) {
    }

    /** {@code POST /api/tickets/{n}/replies} and {@code /comments}; {@code status} optionally changes it too. */
    public record MessageRequest(String body, String html, List<AttachmentUpload> attachments, String status) {
    }

    /** A file in a JSON body: name, type, and content in Base64. */
    public record AttachmentUpload(String filename, String contentType, String contentBase64) {

        public NewAttachment toCommand() {
            if (contentBase64 == null) {
                throw DomainException.invalid("attachment_content_required",
                        "Attachment '" + filename + "' needs \"contentBase64\".");
            }
            try {
                return new NewAttachment(filename, contentType, Base64.getMimeDecoder().decode(contentBase64));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("attachment_not_base64",
                        "\"contentBase64\" of attachment '" + filename + "' is not Base64.");
            }
        }

        public static List<NewAttachment> toCommands(List<AttachmentUpload> uploads) {
            return uploads == null ? List.of() : uploads.stream().map(AttachmentUpload::toCommand).toList();
        }
    }

    /** {@code POST /api/tickets/{n}/status}. */
    public record StatusRequest(String status, String note, Long version) {
    }

    /** {@code POST /api/tickets/{n}/owner}. */
    public record OwnerRequest(String action, String agent, Long version) {
    }

    /** {@code POST /api/tickets/{n}/links} (and {@code DELETE} with the same body). */
    public record LinkRequest(String type, Long target) {
    }

    /** {@code POST /api/tickets/{n}/merge}: merge this ticket into {@code into}. */
    public record MergeRequest(Long into) {
    }
}
