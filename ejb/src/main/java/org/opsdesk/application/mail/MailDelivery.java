package org.opsdesk.application.mail;

import java.util.List;

import org.opsdesk.application.TicketCommands.NewAttachment;

/**
 * The gateway's decision for one parsed message, carried out by {@link InboundMailService#deliver}.
 *
 * @param mode         NEW_TICKET, APPEND (to {@code ticket}), IGNORE (record only) or BOUNCE (of our mail)
 * @param ticket       the correlated ticket for APPEND/BOUNCE; for NEW_TICKET the ticket the mail quoted (linked)
 * @param machine      auto-reply, bounce, robot or loop: never auto-answered, never reopens
 * @param quiet        a person's mail that must not be answered automatically (list mail, a mail asking for no
 *                     automatic answers): no autoreply, but it reopens and notifies as any person's mail does
 * @param reason       why (correlation or machine verdict), kept with the stored mail
 */
public record MailDelivery(Mode mode, Long ticket, String fromAddress, String fromName, List<String> cc,
        String subject, String text, String html, List<NewAttachment> attachments, String messageId,
        boolean machine, boolean quiet, String reason, List<String> failedRecipients, List<String> notes) {

    public enum Mode { NEW_TICKET, APPEND, IGNORE, BOUNCE }
}
