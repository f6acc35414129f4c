package org.opsdesk.application.internal.mail;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.mail.BlockedSenderService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.application.internal.Admins;
import org.opsdesk.domain.mail.BlockedSender;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.MailRepository;

@Stateless
public class BlockedSenderServiceBean implements BlockedSenderService {

    @Inject
    MailRepository mail;

    @Inject
    Clock clock;

    @Inject
    OutboxWriter outbox;

    @Inject
    PersonRepository people;

    @Override
    public List<BlockedSenderView> list(Caller caller) {
        requireAdmin(caller);
        return mail.blockedSenders().stream().map(BlockedSenderServiceBean::view).toList();
    }

    @Override
    public BlockedSenderView block(String pattern, String note, Caller caller) {
        requireAdmin(caller);
        BlockedSender b = new BlockedSender(pattern, note, caller.login(), clock.instant());
        // a rule that swallowed OpsDesk's own mail or an agent's would silently drop their replies and comments
        for (String own : outbox.ownAddressesNow()) {
            if (b.blocks(EmailAddress.of(own))) {
                throw DomainException.invalid("blocks_own_address", "'" + b.pattern() + "' would block " + own
                        + ", one of OpsDesk's own addresses.");
            }
        }
        for (Person agent : people.agents()) {
            if (agent.isActive() && agent.email() != null && b.blocks(agent.email())) {
                throw DomainException.invalid("blocks_agent", "'" + b.pattern() + "' would block agent "
                        + agent.login() + " (" + agent.email().value() + ").");
            }
        }
        if (mail.blockedPattern(List.of(b.pattern())).isPresent()) {
            throw DomainException.conflict("already_blocked", "'" + b.pattern() + "' is blocked already.");
        }
        mail.add(b);
        mail.flush(); // a rule added at the same moment fails here, as a lost race
        return view(b);
    }

    @Override
    public void unblock(long id, Caller caller) {
        requireAdmin(caller);
        mail.remove(mail.blockedSender(id).orElseThrow(() -> new NotFoundException("blocked_sender_not_found",
                "There is no blocked sender " + id + ".")));
    }

    private static void requireAdmin(Caller caller) {
        Admins.require(caller, "block senders");
    }

    private static BlockedSenderView view(BlockedSender b) {
        return new BlockedSenderView(b.id(), b.pattern(), b.note(), b.createdAt(), b.createdBy());
    }
}
