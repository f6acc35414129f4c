package org.opsdesk.application.internal.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.mail.MailboxService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.mail.Mailbox;
import org.opsdesk.infrastructure.persistence.MailRepository;
import org.opsdesk.infrastructure.config.Settings;
import org.opsdesk.infrastructure.persistence.AlertRepository;
import org.opsdesk.infrastructure.persistence.QueueRepository;

@Stateless
public class MailboxServiceBean implements MailboxService {

    /** How long a poll may hold a mailbox before another worker may take it over. */
    static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    MailRepository mail;

    @Inject
    QueueRepository queues;

    @Inject
    AlertRepository alerts;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Override
    public List<MailboxView> list(Caller caller) {
        requireAdmin(caller);
        return mail.mailboxes().stream().map(MailboxServiceBean::view).toList();
    }

    @Override
    public MailboxView create(MailboxCommand c, Caller caller) {
        requireAdmin(caller);
        if (c.name() != null && mail.mailbox(c.name().strip()).isPresent()) {
            throw DomainException.conflict("mailbox_exists", "A mailbox '" + c.name() + "' exists already.");
        }
        Mailbox m = new Mailbox(c.name(), clock.instant());
        configure(m, c, true);
        mail.add(m);
        mail.flush();
        return view(m);
    }

    @Override
    public MailboxView update(String name, MailboxCommand c, Caller caller) {
        requireAdmin(caller);
        if (c.name() != null && !c.name().strip().equals(name)) {
            throw DomainException.invalid("rename_unsupported", "A mailbox keeps its name: create one named \""
                    + c.name().strip() + "\" and delete \"" + name + "\" instead.");
        }
        // locked and read again: a poll ending meanwhile records its outcome in this row, which this change would
        // otherwise write back as it was read
        Mailbox m = locked(name);
        configure(m, c, false);
        return view(m);
    }

    @Override
    public void delete(String name, Caller caller) {
        requireAdmin(caller);
        mail.remove(locked(name));
    }

    private Mailbox locked(String name) {
        return mail.lockMailbox(find(name).id()).orElseThrow(() -> new NotFoundException("mailbox_not_found",
                "There is no mailbox '" + name + "'."));
    }

    /** The port to set: 0 asks for the protocol's own (null to the domain), null keeps a chosen one. */
    private static Integer port(MailboxCommand c, Mailbox m, boolean fresh) {
        if (c.port() != null) {
            return c.port() == 0 ? null : c.port();
        }
        return fresh ? null : m.keptPort();
    }

    private void configure(Mailbox m, MailboxCommand c, boolean fresh) {
        String queue = c.queue() != null ? c.queue() : fresh ? null : m.queueName();
        if (queue == null || queues.byName(queue).isEmpty()) {
            throw DomainException.invalid("unknown_queue", "\"queue\" must name an existing queue.");
        }
        m.configure(c.protocol() != null ? c.protocol() : fresh ? null : m.protocol().name(),
                c.host() != null ? c.host() : m.host(), port(c, m, fresh),
                c.security() != null ? c.security() : fresh ? null : m.security().name(),
                c.username() != null ? c.username() : m.username(), c.password(),
                c.folder() != null ? c.folder() : m.folder(), queues.byName(queue).get().name(),
                c.action() != null ? c.action() : m.action(),
                c.pollSeconds() != null ? c.pollSeconds() : fresh ? null : m.pollSeconds(), c.enabled());
        if (c.alertSource() != null) {
            if (!c.alertSource().isBlank() && alerts.source(c.alertSource().strip()).isEmpty()) {
                throw DomainException.invalid("unknown_alert_source", "\"alertSource\" must name an existing alert"
                        + " source (or be empty for none).");
            }
            m.alertIntakeOf(c.alertSource());
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Connection> claimDue() {
        Instant now = clock.instant();
        for (Mailbox candidate : mail.mailboxes()) {
            if (!candidate.isDue(now)) {
                continue;
            }
            Optional<Mailbox> locked = mail.lockMailbox(candidate.id());
            if (locked.isPresent() && locked.get().isDue(now)) {
                Mailbox m = locked.get();
                m.claim(now, LEASE);
                return Optional.of(new Connection(m.id(), m.name(), m.protocol().name(), m.host(), m.port(),
                        m.security().name(), m.username(), m.password(), m.folder(), m.queueName(), m.action(),
                        m.alertSource(), settings.maxRequestBytes()));
            }
        }
        return Optional.empty();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void polled(long id, String error) {
        mail.lockMailbox(id).ifPresent(m -> m.polled(clock.instant(), error));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseClaims() {
        return mail.releaseMailboxClaims();
    }

    private Mailbox find(String name) {
        return mail.mailbox(name).orElseThrow(() -> new NotFoundException("mailbox_not_found",
                "There is no mailbox '" + name + "'."));
    }

    private static void requireAdmin(Caller caller) {
        if (caller == null || !caller.admin()) {
            throw DomainException.forbidden("admin_required", "Only an admin can manage mailboxes.");
        }
    }

    private static MailboxView view(Mailbox m) {
        return new MailboxView(m.id(), m.name(), m.protocol().name(), m.host(), m.port(), m.keptPort() == null,
                m.security().name(), m.username(), m.folder(), m.queueName(), m.action(), m.alertSource(),
                m.pollSeconds(), m.isEnabled(), m.lastPollAt(), m.lastError());
    }
}
