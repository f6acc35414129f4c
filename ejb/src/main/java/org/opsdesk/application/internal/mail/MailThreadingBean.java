package org.opsdesk.application.internal.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.mail.MailThreading;
import org.opsdesk.domain.mail.BlockedSender;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.infrastructure.persistence.MailRepository;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.TicketRepository;

@Stateless
public class MailThreadingBean implements MailThreading {

    @Inject
    MailRepository mail;

    @Inject
    TicketRepository tickets;

    @Inject
    PersonRepository people;

    @Inject
    OutboxWriter outbox;

    @Inject
    MailSettings settings;

    @EJB
    MailIdentity identity;

    @Override
    public Optional<Long> ticketOfOwnMessageId(String messageId) {
        return messageId == null || messageId.length() > 998 ? Optional.empty()
                : identity.messageIds().ticketOf(messageId.strip()).flatMap(this::existing);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The ids are taken in the order given (the mail answered first, then the references from the newest), and
     * the first one known wins, signed or stored: an old signed id of a closed ticket early in the references must
     * not win over the reply the mail answers. At most {@value #MAX_IDS} ids are looked at.
     */
    @Override
    public Optional<Long> ticketForMessageIds(List<String> messageIds) {
        java.util.LinkedHashSet<String> unique = new java.util.LinkedHashSet<>();
        for (String id : messageIds) {
            if (id != null && !id.isBlank() && id.length() <= 998 && unique.size() < MAX_IDS) {
                unique.add(id.strip());
            }
        }
        List<String> ids = new ArrayList<>(unique);
        java.util.Map<String, Long> stored = null;
        for (String id : ids) {
            Optional<Long> ours = identity.messageIds().ticketOf(id);
            if (ours.isPresent()) {
                return existing(ours.get());
            }
            if (stored == null) {
                stored = mail.ticketsOfStoredMessages(ids);
            }
            Long known = stored.get(id);
            if (known != null) {
                return existing(known);
            }
        }
        return Optional.empty();
    }

    /** The ids of one mail looked at: a References of 70,000 ids made two queries of as many parameters. */
    static final int MAX_IDS = 60;

    @Override
    public Optional<Long> taggedTicket(String subject) {
        return identity.subjectTag().ticketIn(subject);
    }

    @Override
    public boolean mayUseTag(long number, String address) {
        EmailAddress a;
        try {
            a = EmailAddress.of(address);
        } catch (DomainException e) {
            return false;
        }
        Optional<Ticket> t = tickets.resolve(number);
        if (t.isEmpty()) {
            return false;
        }
        return t.get().involves(a) || people.byEmail(a).filter(p -> p.canWorkTickets()).isPresent();
    }

    @Override
    public Optional<Long> existing(long number) {
        return tickets.resolve(number).map(Ticket::number);
    }

    @Override
    public Set<String> ownAddresses() {
        return outbox.ownAddresses();
    }

    @Override
    public Optional<String> blockedBy(List<String> senders) {
        List<String> patterns = new java.util.ArrayList<>();
        for (String sender : senders) {
            if (sender == null || sender.isBlank()) {
                continue;
            }
            try {
                patterns.addAll(BlockedSender.patternsMatching(EmailAddress.of(sender)));
            } catch (DomainException notAnAddress) {
                // "root", "undisclosed-recipients": nothing a rule names
            }
        }
        return patterns.isEmpty() ? Optional.empty() : mail.blockedPattern(patterns);
    }

    @Override
    public String loopHeader() {
        return settings.loopHeader();
    }

    @Override
    public String loopValue() {
        return settings.messageIdDomain();
    }
}
