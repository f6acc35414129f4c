package org.opsdesk.mail.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.opsdesk.application.AlertNotification;
import org.opsdesk.application.AlertService;
import org.opsdesk.application.TicketCommands.NewAttachment;
import org.opsdesk.application.mail.InboundMailService;
import org.opsdesk.application.mail.InboundMailService.RawMail;
import org.opsdesk.application.mail.MailDelivery;
import org.opsdesk.application.mail.MailDelivery.Mode;
import org.opsdesk.application.mail.MailOutcome;
import org.opsdesk.application.mail.MailThreading;
import org.opsdesk.mail.inbound.parse.MailParser;
import org.opsdesk.mail.inbound.parse.ParsedMail;
import org.opsdesk.mail.inbound.parse.UnparseableMailException;
import org.opsdesk.mail.inbound.steps.MachineMailDetector;
import org.opsdesk.mail.inbound.steps.MachineMailVerdict;
import org.opsdesk.mail.inbound.steps.MonitoringMailReader;
import org.opsdesk.mail.inbound.steps.ThreadCorrelator;
import org.opsdesk.mail.inbound.steps.ThreadCorrelator.Correlation;

/**
 * Runs one stored message through the pipeline: parse permissively, then either record it as an alert (on an alert
 * intake; the alert service commits the alert and the mail's outcome together) or, in a transaction of its own, detect
 * machine mail, correlate to a ticket and deliver. Anything that fails rolls back that transaction only; the caller
 * then quarantines the (already stored) message with the reason.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailProcessor {

    private final MailParser parser = new MailParser();

    @EJB
    InboundMailService inbound;

    @EJB
    MailThreading threading;

    @EJB
    AlertService alerts;

    private final MonitoringMailReader monitoring = new MonitoringMailReader();

    @EJB
    MailProcessor self;

    /** Processes stored mail {@code id}; its raw bytes, read first, never change. */
    public MailOutcome process(long id) throws UnparseableMailException {
        RawMail raw = inbound.raw(id);
        ParsedMail mail = parser.parse(raw.raw());
        if (raw.alertSource() != null && threading.blockedBy(senders(mail)).isEmpty()) {
            // a blocked sender's mail is ignored below, on an alert intake too
            Optional<AlertNotification> alert = monitoring.read(mail, raw.alertSource());
            if (alert.isPresent()) {
                // no transaction is held meanwhile: the alert service commits what many alerts race to create on
                // its own first, and each copy of a mail waiting for another would hold a connection
                return alerts.receiveFromMail(raw.alertSource(), sender(mail), alert.get(), id);
            }
        }
        return self.deliver(raw, mail);
    }

    /** Correlates and delivers a mail that is no alert, in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MailOutcome deliver(RawMail raw, ParsedMail mail) {
        MachineMailVerdict verdict = new MachineMailDetector(threading.loopHeader(), threading.loopValue(),
                threading.ownAddresses())
                .classify(mail);
        return inbound.deliver(raw.id(), raw.queue(), raw.action(), decide(mail, verdict));
    }

    private MailDelivery decide(ParsedMail mail, MachineMailVerdict verdict) {
        // a bounce is let through: it opens no ticket and gets no answer anyway, and one returning our mail marks
        // the recipient that failed, whoever's mail server reports it
        Optional<String> blocked = verdict.kind() == MachineMailVerdict.Kind.BOUNCE ? Optional.empty()
                : threading.blockedBy(senders(mail));
        if (blocked.isPresent()) {
            // kept and marked, never added to a ticket nor answered: an admin blocked the sender
            return delivery(mail, Mode.IGNORE, null, true, "sender blocked (" + blocked.get() + ")", List.of());
        }
        Correlation c = new ThreadCorrelator(threading).correlate(mail);
        switch (verdict.kind()) {
            case LOOP:
                return delivery(mail, Mode.IGNORE, c.ticket(), true, "mail loop: " + verdict.reason(), List.of());
            case BOUNCE: {
                // a report belongs to the ticket of the mail of ours it returns, or to the one its own threading
                // headers name; never to one its subject tag alone names: anyone can write a tag, and a made-up
                // report would be added to any ticket and pause automatic mail to its people
                // the mail returned, named by the report or by the report's own threading headers (a relay that
                // returns no copy), when one of those is a signed id of ours
                List<String> named = new java.util.ArrayList<>();
                if (verdict.originalMessageId() != null) {
                    named.add(verdict.originalMessageId());
                }
                named.addAll(mail.inReplyTo());
                named.addAll(mail.references());
                Long ours = named.stream().limit(60).map(threading::ticketOfOwnMessageId)
                        .flatMap(java.util.Optional::stream).findFirst().orElse(null);
                Long ticket = ours != null || verdict.originalMessageId() == null ? ours
                        : threading.ticketForMessageIds(List.of(verdict.originalMessageId())).orElse(null);
                if (ticket == null && c.byHeaders()) { // a participant's tag is still only a tag
                    ticket = c.ticket();
                }
                // only a report returning mail we sent, by its signed Message-ID, marks its recipients: a stored id is
                // known to anyone who saw the thread, and a report quoting one paused a customer's automatic mail
                return delivery(mail, Mode.BOUNCE, ticket, true, "bounce: " + verdict.reason(),
                        ours != null ? verdict.failedRecipients() : List.of());
            }
            case AUTO_REPLY:
                return c.threaded()
                        ? delivery(mail, Mode.APPEND, c.ticket(), true, "auto-reply (" + verdict.reason() + "), "
                                + c.reason(), List.of())
                        : delivery(mail, Mode.IGNORE, c.ticket(), true, "auto-reply (" + verdict.reason()
                                + ") to no known ticket", List.of());
            case AUTO_GENERATED:
                // a robot's own report is recorded, never answered and never reopens; without a ticket to thread to
                // it is a ticket of its own (a cron job's report, a cloud alarm from no-reply@), as in RT and Zammad
                return delivery(mail, c.threaded() ? Mode.APPEND : Mode.NEW_TICKET, c.ticket(), true,
                        "automatic mail (" + verdict.reason() + "), " + c.reason(), List.of());
            case LIST:
            case QUIET:
                // a person wrote it (a list member's reply, a mail asking for no automatic answers): it reopens and
                // notifies as any person's mail does, only no autoreply goes back (to a list, or against the wish)
                String what = verdict.kind() == MachineMailVerdict.Kind.LIST ? "list mail"
                        : "no automatic answers wanted";
                return quietDelivery(mail, c.threaded() ? Mode.APPEND : Mode.NEW_TICKET, c.ticket(),
                        what + " (" + verdict.reason() + "), " + c.reason());
            case HUMAN:
            default:
                return delivery(mail, c.threaded() ? Mode.APPEND : Mode.NEW_TICKET, c.ticket(), false, c.reason(),
                        List.of());
        }
    }

    /** Every address a mail names as its sender: From, Sender, Return-Path (what a block may name). */
    static List<String> senders(ParsedMail mail) {
        List<String> senders = new ArrayList<>();
        senders.add(mail.fromAddress());
        senders.add(senderHeader(mail));
        senders.add(mail.returnPath());
        return senders.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
    }

    /** The address of the Sender header ({@code Name <a@b>} or bare), or null without one that holds an {@code @}. */
    private static String senderHeader(ParsedMail mail) {
        String sender = mail.header("Sender");
        if (sender == null || !sender.contains("@")) {
            return null;
        }
        int lt = sender.indexOf('<');
        int gt = sender.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? sender.substring(lt + 1, gt).strip() : sender.strip();
    }

    /** From; without one, Sender, Reply-To or a non-empty Return-Path (as RT and Zammad fall back). */
    static String sender(ParsedMail mail) {
        if (mail.fromAddress() != null && !mail.fromAddress().isBlank()) {
            return mail.fromAddress();
        }
        String sender = senderHeader(mail);
        if (sender != null) {
            return sender;
        }
        if (mail.replyTo() != null && !mail.replyTo().isBlank()) {
            return mail.replyTo();
        }
        return mail.returnPath() == null || mail.returnPath().isBlank() ? null : mail.returnPath();
    }

    private static MailDelivery delivery(ParsedMail mail, Mode mode, Long ticket, boolean machine, String reason,
            List<String> failedRecipients) {
        return delivery(mail, mode, ticket, machine, machine, reason, failedRecipients);
    }

    private static MailDelivery quietDelivery(ParsedMail mail, Mode mode, Long ticket, String reason) {
        return delivery(mail, mode, ticket, false, true, reason, List.of());
    }

    private static MailDelivery delivery(ParsedMail mail, Mode mode, Long ticket, boolean machine, boolean quiet,
            String reason, List<String> failedRecipients) {
        List<NewAttachment> files = new ArrayList<>();
        for (ParsedMail.ParsedAttachment a : mail.attachments()) {
            String name = a.filename() != null ? a.filename()
                    : a.contentId() != null ? a.contentId() : "attachment";
            files.add(new NewAttachment(name, a.contentType(), a.bytes(), a.contentId()));
        }
        return new MailDelivery(mode, ticket, sender(mail), mail.fromName(), mail.cc(), mail.subject(),
                mail.text(), mail.html(), files, mail.messageId(), machine, quiet, reason, failedRecipients,
                mail.notes());
    }
}
