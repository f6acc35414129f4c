package org.opsdesk.application.internal.mail;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.mail.BlockedSenderService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.mail.BlockedSender;
import org.opsdesk.infrastructure.persistence.MailRepository;

@Stateless
public class BlockedSenderServiceBean implements BlockedSenderService {

    @Inject
    MailRepository mail;

    @Inject
    Clock clock;

    @Override
    public List<BlockedSenderView> list(Caller caller) {
        requireAdmin(caller);
        return mail.blockedSenders().stream().map(BlockedSenderServiceBean::view).toList();
    }

    @Override
    public BlockedSenderView block(String pattern, String note, Caller caller) {
        requireAdmin(caller);
        BlockedSender b = new BlockedSender(pattern, note, caller.login(), clock.instant());
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
        if (caller == null || !caller.admin()) {
            throw DomainException.forbidden("admin_required", "Only an admin can block senders.");
        }
    }

    private static BlockedSenderView view(BlockedSender b) {
        return new BlockedSenderView(b.id(), b.pattern(), b.note(), b.createdAt(), b.createdBy());
    }
}
