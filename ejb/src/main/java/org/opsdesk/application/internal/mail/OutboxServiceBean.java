package org.opsdesk.application.internal.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import org.opsdesk.application.Caller;
import org.opsdesk.application.Page;
import org.opsdesk.application.internal.Agents;
import org.opsdesk.application.TicketCommands.NewAttachment;
import org.opsdesk.application.mail.OutboxService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.mail.OutboundMail;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.ticket.Attachment;
import org.opsdesk.infrastructure.persistence.MailRepository;
import org.opsdesk.infrastructure.persistence.PersonRepository;

/** The outbox for the sender: every call commits on its own, so a claimed mail is never sent twice. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxServiceBean implements OutboxService {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(OutboxServiceBean.class.getName());

    @Inject
    MailRepository mail;

    @Inject
    PersonRepository people;

    @Inject
    MailSettings settings;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    @Override
    public List<Long> due(int limit) {
        return mail.dueOutbound(clock.instant(), limit);
    }

    @Override
    public Optional<OutgoingMail> claim(long id) {
        Instant now = clock.instant();
        Optional<OutboundMail> found = mail.outbound(id).filter(o -> o.isDue(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OutboundMail o = found.get();
        // longer than one attempt can take (connect, then each read and write within the relay's time limit)
        o.claim(now, settings.relay().timeout().multipliedBy(4).plusMinutes(1));
        try {
            mail.flush(); // the version check now: of two senders at once, the loser backs off here, quietly
        } catch (OptimisticLockException takenMeanwhile) {
            context.setRollbackOnly();
            return Optional.empty();
        }
        List<NewAttachment> files = new ArrayList<>();
        if (o.messageRef() != null) {
            mail.message(o.messageRef()).ifPresent(m -> {
                for (Attachment a : m.attachments()) {
                    files.add(new NewAttachment(a.filename(), a.contentType(), a.content().bytes()));
                }
            });
        }
        return Optional.of(new OutgoingMail(o.id(), o.kind().name().toLowerCase(Locale.ROOT), o.ticketNumber(),
                o.messageId(), o.fromAddress(), o.fromName(), o.replyTo(), o.to(), o.cc(), o.subject(), o.text(),
                o.html(), o.inReplyTo(), o.references(), o.autoSubmitted(), settings.loopHeader(),
                settings.messageIdDomain(), files, o.version()));
    }

    @Override
    public SmtpRelay relay() {
        return settings.relay();
    }

    @Override
    public void sent(long id, long claim, List<String> refused, String note) {
        claimed(id, claim).ifPresent(o -> {
            Instant now = clock.instant();
            o.sent(now, note);
            bounced(refused, note, now);
            if (note != null && !note.isBlank()) {
                LOG.warning(() -> "Outbound mail " + id + " (ticket " + o.ticketNumber() + ") sent, but " + note);
            }
        });
    }

    @Override
    public void failed(long id, long claim, String error) {
        claimed(id, claim).ifPresent(o -> {
            o.failed(error, clock.instant(), settings.retryBase());
            if (o.state() == OutboundMail.State.FAILED) {
                LOG.warning(() -> "Outbound mail " + id + " (ticket " + o.ticketNumber() + ") given up after "
                        + o.attempts() + " attempts: " + error);
            } else {
                LOG.info(() -> "Outbound mail " + id + " not sent, will retry: " + error);
            }
        });
    }

    @Override
    public void refused(long id, long claim, List<String> refused, String error) {
        claimed(id, claim).ifPresent(o -> {
            Instant now = clock.instant();
            o.refused(error, now);
            bounced(refused, error, now);
            LOG.warning(() -> "Outbound mail " + id + " (ticket " + o.ticketNumber() + ") refused by the relay, not"
                    + " retried: " + error);
        });
    }

    @Override
    public void unclaimable(long id, String error) {
        mail.outbound(id).filter(o -> o.isDue(clock.instant())).ifPresent(o -> {
            o.failed(error, clock.instant(), settings.retryBase());
            LOG.warning(() -> "Outbound mail " + id + " could not be taken for sending (" + error + "); "
                    + (o.state() == OutboundMail.State.FAILED ? "given up" : "retried later"));
        });
    }

    /** The people behind addresses the relay refused for good: automatic mail to them pauses, as after a bounce. */
    private void bounced(List<String> refused, String reason, Instant now) {
        for (String address : refused) {
            try {
                people.byEmail(EmailAddress.of(address)).ifPresent(p -> p.mailBounced(
                        "Refused by the relay: " + reason, now));
            } catch (DomainException notAnAddressWeKnow) {
                // nobody of ours
            }
        }
    }

    /**
     * The mail, if this sender's claim still holds: a sender slower than its lease finds the mail taken by another
     * (or already sent), and must neither mark it sent nor queue it again.
     */
    private Optional<OutboundMail> claimed(long id, long claim) {
        Optional<OutboundMail> found = mail.outbound(id)
                .filter(o -> o.state() == OutboundMail.State.SENDING && o.version() == claim);
        if (found.isEmpty()) {
            LOG.info(() -> "Outbound mail " + id + " was claimed by another sender after this one's lease ran out;"
                    + " this sender's outcome is not recorded");
        }
        return found;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Page<OutboxEntry> list(String state, Long ticket, int offset, int limit, Caller caller) {
        Agents.require(people, caller);
        OutboundMail.State s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = OutboundMail.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("unknown_state", "state is one of queued, sending, sent, failed.");
            }
        }
        int lim = Page.limit(limit);
        int off = Page.offset(offset);
        List<OutboxEntry> items = mail.outboundList(s, ticket, off, lim).stream().map(OutboxServiceBean::entry)
                .toList();
        return new Page<>(items, mail.countOutbound(s, ticket), off, lim);
    }

    @Override
    public List<OutboxEntry> unsent(long ticket, Caller caller) {
        Agents.require(people, caller);
        return mail.unsentOf(ticket, 20).stream().map(OutboxServiceBean::entry).toList();
    }

    private static OutboxEntry entry(OutboundMail o) {
        return new OutboxEntry(o.id(), o.kind().name().toLowerCase(Locale.ROOT), o.ticketNumber(), o.messageId(),
                o.to(), o.cc(), o.subject(), o.state().name().toLowerCase(Locale.ROOT), o.attempts(), o.nextAttemptAt(),
                o.lastError(), o.createdAt(), o.sentAt());
    }
}
