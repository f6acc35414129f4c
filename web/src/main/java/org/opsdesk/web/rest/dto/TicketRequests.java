package org.opsdesk.web.rest.dto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

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

    /**
     * {@code POST /api/tickets/{n}/replies} and {@code /comments}; {@code status} optionally changes it too;
     * {@code timeWorked}: minutes worked, logged with the message.
     */
    public record MessageRequest(String body, String html, List<AttachmentUpload> attachments, String status,
            Long version, Integer timeWorked, Boolean signature) {
    }

    /** Who is to watch a ticket: {@code {"agent": "login"}}; none (or no body): the caller. */
    public record WatchRequest(String agent) {
    }

    /** {@code POST /api/tickets/{n}/time}: minutes worked (negative corrects), and a note. */
    public record TimeRequest(Integer minutes, String note) {
    }

    /** A file in a JSON body: name, type, and content in Base64. */
    public record AttachmentUpload(String filename, String contentType, String contentBase64) {

        public NewAttachment toCommand() {
            if (contentBase64 == null) {
                throw DomainException.invalid("attachment_content_required",
                        "Attachment '" + filename + "' needs \"contentBase64\".");
            }
            try {
                // line breaks and spaces allowed (MIME-style), anything else outside Base64 refused: the MIME decoder
                // would skip it and store an empty or mangled file
                return new NewAttachment(filename, contentType,
                        Base64.getDecoder().decode(WHITESPACE.matcher(contentBase64).replaceAll("")));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("attachment_not_base64",
                        "\"contentBase64\" of attachment '" + filename + "' is not Base64.");
            }
        }

        private static final Pattern WHITESPACE = Pattern.compile("\\s+");

        public static List<NewAttachment> toCommands(List<AttachmentUpload> uploads) {
            if (uploads == null) {
                return List.of();
            }
            List<NewAttachment> commands = new ArrayList<>();
            for (int i = 0; i < uploads.size(); i++) {
                if (uploads.get(i) == null) {
                    throw DomainException.invalid("invalid_attachment", "attachments[" + i + "] is null: each"
                            + " attachment is an object {\"filename\", \"contentType\", \"contentBase64\"}.");
                }
                commands.add(uploads.get(i).toCommand());
            }
            return commands;
        }
    }

    /** {@code POST /api/tickets/{n}/status}. */
    public record StatusRequest(String status, String note, String pendingUntil, Long version) {
    }

    /** {@code POST /api/tickets/{n}/owner}. */
    public record OwnerRequest(String action, String agent, Long version) {
    }

    /** {@code POST /api/tickets/{n}/links} (and {@code DELETE} with the same body). */
    public record LinkRequest(String type, Long target) {
    }

    /**
     * {@code POST /api/tickets/{n}/forward}: send message {@code message} (or the latest from the requester) on to
     * {@code to} and {@code cc}, with {@code note} above it.
     */
    public record ForwardRequest(Long message, java.util.List<String> to, java.util.List<String> cc, String note) {
    }

    /** {@code {"macro": 3, "version": 7}}: applies macro 3 to the ticket, if it is still at version 7. */
    public record MacroRequest(Long macro, Long version) {
    }

    /** {@code POST /api/tickets/{n}/tags}: tags to add and to take off, the others kept. */
    public record TagsRequest(java.util.List<String> add, java.util.List<String> remove) {
    }

    /** {@code POST /api/tickets/{n}/split}: the message to split off, and the new ticket's subject and queue. */
    public record SplitRequest(Long message, String subject, String queue) {
    }

    /** {@code POST /api/tickets/{n}/merge}: merge this ticket into {@code into}. */
    public record MergeRequest(Long into, Long version) {
    }
}
