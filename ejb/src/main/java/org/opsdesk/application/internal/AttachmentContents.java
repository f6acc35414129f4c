package org.opsdesk.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opsdesk.application.ConcurrentChangeException;
import org.opsdesk.domain.ticket.AttachmentContent;
import org.opsdesk.infrastructure.persistence.ConstraintViolations;
import org.opsdesk.infrastructure.persistence.CreatedMeanwhileException;
import org.opsdesk.infrastructure.persistence.TicketRepository;

/**
 * The bytes of attachments (of messages and of wiki pages), stored once per SHA-256. Two transactions that store the
 * same new bytes at once (two mails with one company logo, on two streams) race for its key: the loser fails at once,
 * at a flush here, with a {@link ConcurrentChangeException} that the caller retries on the fresh state (the mail
 * gateway does; the API answers 409), rather than at commit with a unique violation that quarantined the mail.
 */
@ApplicationScoped
public class AttachmentContents {

    @Inject
    TicketRepository tickets;

    public AttachmentContent stored(byte[] bytes) {
        return tickets.content(AttachmentContent.sha256Of(bytes)).orElseGet(() -> {
            AttachmentContent c = new AttachmentContent(bytes);
            try {
                ConstraintViolations.insertUnique(() -> tickets.addNow(c));
            } catch (CreatedMeanwhileException e) {
                throw new ConcurrentChangeException("the same attachment was stored concurrently", e);
            }
            return c;
        });
    }
}
