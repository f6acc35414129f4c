package org.opsdesk.application.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.QueueService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.infrastructure.persistence.AppLocks;
import org.opsdesk.infrastructure.persistence.QueueRepository;

@Stateless
public class QueueServiceBean implements QueueService {

    @Inject
    QueueRepository queues;

    @Inject
    AppLocks locks;

    @Inject
    Clock clock;

    @Inject
    org.opsdesk.application.internal.mail.OutboxWriter outbox;

    @Override
    public List<QueueView> list() {
        return queues.all().stream().map(QueueServiceBean::view).toList();
    }

    @Override
    public QueueView get(String name) {
        return view(find(name));
    }

    @Override
    public QueueView create(QueueCommand c, Caller caller) {
        Admins.require(caller, "create queues");
        // first, before any row is read or written: whoever holds it writes the queues' default marks next
        locks.take(AppLocks.DEFAULT_QUEUE);
        String name = Queue.validName(c.name());
        if (queues.byName(name).isPresent()) {
            throw DomainException.conflict("queue_exists", "A queue named '" + name + "' exists already.");
        }
        addressesFree(null, address(c.correspondAddress()), address(c.commentAddress()));
        Queue q = new Queue(name, c.description(), address(c.correspondAddress()), address(c.commentAddress()),
                clock.instant());
        if (Boolean.TRUE.equals(c.isDefault()) || queues.defaultQueue().isEmpty()) {
            makeDefault(q);
        }
        if (c.autoReply() != null) {
            q.autoReply(c.autoReply());
        }
        if (c.autoReplyTemplate() != null) {
            q.changeAutoreplyTemplate(c.autoReplyTemplate());
        }
        if (c.signature() != null) {
            q.changeSignature(c.signature());
        }
        notifyOnNew(q, c.notifyOnNew());
        queues.add(q);
        return view(q);
    }

    @Override
    public QueueView update(String name, QueueCommand c, Caller caller) {
        Admins.require(caller, "change queues");
        if (Boolean.TRUE.equals(c.isDefault())) {
            // first, before this queue's row is written (a description changed with it): holding that row while
            // waiting here, and another admin holding this lock while clearing that row's mark, was a deadlock
            locks.take(AppLocks.DEFAULT_QUEUE);
        }
        Queue q = find(name);
        EmailAddress correspond = c.correspondAddress() != null ? address(c.correspondAddress()) : q.correspondAddress();
        EmailAddress comment = c.commentAddress() != null ? address(c.commentAddress()) : q.commentAddress();
        // the changed addresses only (a pair taken before the rule existed must not block every other change), and
        // before the change: the query would flush it, and a taken address fail in the database
        addressesFree(q, Objects.equals(correspond, q.correspondAddress()) ? null : correspond,
                Objects.equals(comment, q.commentAddress()) ? null : comment);
        q.describe(c.description() != null ? c.description() : q.description(), correspond, comment);
        if (Boolean.TRUE.equals(c.isDefault())) {
            makeDefault(q);
        }
        if (c.autoReply() != null) {
            q.autoReply(c.autoReply());
        }
        if (c.autoReplyTemplate() != null) {
            q.changeAutoreplyTemplate(c.autoReplyTemplate());
        }
        if (c.signature() != null) {
            q.changeSignature(c.signature());
        }
        notifyOnNew(q, c.notifyOnNew());
        return view(q);
    }

    /**
     * Who hears of the queue's new tickets ({@code null}: unchanged): never one of OpsDesk's own addresses, any queue's
     * (the mail would come back as a ticket); the queue checks its own new ones.
     */
    private void notifyOnNew(Queue q, List<String> addresses) {
        if (addresses == null) {
            return;
        }
        java.util.Set<String> own = outbox.ownAddressesNow();
        List<EmailAddress> list = addresses.stream().filter(a -> a != null && !a.isBlank()).map(EmailAddress::of)
                .toList();
        for (EmailAddress a : list) {
            if (own.contains(a.value())) {
                throw DomainException.invalid("own_address", a.value() + " is one of OpsDesk's own addresses: mail"
                        + " sent there would come back as a ticket.");
            }
        }
        q.notifyOnNew(list);
    }

    /** An address belongs to one queue only: inbound mail to it must have one destination. */
    private void addressesFree(Queue self, EmailAddress... addresses) {
        for (EmailAddress a : addresses) {
            if (a == null) {
                continue;
            }
            for (Queue other : queues.receivingAt(a.value())) {
                if (other != self) {
                    throw DomainException.conflict("address_taken", a.value() + " is already an address of the queue '"
                            + other.name() + "': each address leads to one queue.");
                }
            }
        }
    }

    /** Makes {@code q} the one default queue; the caller holds the default-queue lock. */
    private void makeDefault(Queue q) {
        queues.clearDefaultsBut(q);
        q.makeDefault();
    }

    private Queue find(String name) {
        return queues.byName(name).orElseThrow(
                () -> new NotFoundException("queue_not_found", "There is no queue '" + name + "'."));
    }

    private static EmailAddress address(String s) {
        return s == null || s.isBlank() ? null : EmailAddress.of(s);
    }

    private static QueueView view(Queue q) {
        return new QueueView(q.id(), q.name(), q.description(),
                q.correspondAddress() == null ? null : q.correspondAddress().value(),
                q.commentAddress() == null ? null : q.commentAddress().value(), q.isDefault(), q.autoReplies(),
                q.autoreplyTemplate(), q.hasDefaultAutoreplyTemplate(),
                q.notifyAddresses().stream().map(EmailAddress::value).toList(), q.signature());
    }
}
