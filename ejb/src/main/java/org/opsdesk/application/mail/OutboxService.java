package org.opsdesk.application.mail;

import java.time.Instant;
import java.util.List;

import org.opsdesk.application.Caller;
import org.opsdesk.application.Page;
import org.opsdesk.application.TicketCommands.NewAttachment;

/** The outbox the sender drains: what is due, claim, sent or failed. */
public interface OutboxService {

    /** One mail to send, with everything its MIME form needs. */
    record OutgoingMail(long id, String kind, Long ticket, String messageId, String fromAddress, String fromName,
            String replyTo, List<String> to, List<String> cc, String subject, String text, String html,
            String inReplyTo, String references, String autoSubmitted, String loopHeader, String loopValue,
            List<NewAttachment> attachments) {
    }

    record OutboxEntry(long id, String kind, Long ticket, String messageId, List<String> to, String subject,
            String state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    }

    /** Ids of queued mail whose next attempt is due, oldest first. */
    List<Long> due(int limit);

    /** Takes one mail for sending (commits); empty when another sender took it or it is not due. */
    java.util.Optional<OutgoingMail> claim(long id);

    void sent(long id);

    void failed(long id, String error);

    Page<OutboxEntry> list(String state, Long ticket, int offset, int limit, Caller caller);
}
