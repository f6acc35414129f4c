package org.opsdesk.application.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.QueueService;
import org.opsdesk.application.QueueService.Sla;
import org.opsdesk.application.QueueService.SlaTarget;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.queue.BusinessHours;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.queue.ServiceLevel;
import org.opsdesk.domain.ticket.Priority;
import org.opsdesk.infrastructure.persistence.TicketRepository;
import org.opsdesk.infrastructure.persistence.AppLocks;
import org.opsdesk.infrastructure.persistence.QueueRepository;

@Stateless
public class QueueServiceBean implements QueueService {

    @Inject
    QueueRepository queues;

    @Inject
    AppLocks locks;

    @Inject
    TicketRepository tickets;

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
        settle(q, c);
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
        settle(q, c);
        return view(q);
    }

    /** The settings a new queue and a change share; {@code null} leaves one as it is. */
    private void settle(Queue q, QueueCommand c) {
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
        if (c.sla() != null) {
            serviceLevel(q, c.sla());
        }
    }

    /**
     * A new service level, and the deadlines of its new and open tickets with it, as Zammad recomputes its
     * escalations when an SLA changes (a pending or resolved ticket's follow when its clock runs again).
     */
    private void serviceLevel(Queue q, Sla sla) {
        Map<Priority, ServiceLevel.Target> targets = new EnumMap<>(Priority.class);
        if (sla.targets() != null) {
            sla.targets().forEach((priority, t) -> targets.put(Priority.fromCode(priority),
                    t == null ? null : new ServiceLevel.Target(t.response(), t.resolution())));
        }
        ServiceLevel level = ServiceLevel.of(targets, sla.warnPercent());
        BusinessHours hours = BusinessHours.of(sla.businessHours());
        if (level.equals(q.serviceLevel()) && hours.equals(q.businessHours())) {
            return;
        }
        q.changeServiceLevel(level, hours);
        if (q.id() != null) {
            java.time.Instant now = clock.instant();
            tickets.newAndOpenIn(q).forEach(t -> t.serviceLevelChanged(now));
        }
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
                q.notifyAddresses().stream().map(EmailAddress::value).toList(), q.signature(), sla(q));
    }

    private static Sla sla(Queue q) {
        Map<String, SlaTarget> targets = new LinkedHashMap<>();
        List<Priority> mostUrgentFirst = new java.util.ArrayList<>(List.of(Priority.values()));
        java.util.Collections.reverse(mostUrgentFirst);
        for (Priority p : mostUrgentFirst) {
            ServiceLevel.Target t = q.serviceLevel().targets().get(p);
            if (t != null) {
                targets.put(p.code(), new SlaTarget(t.responseMinutes(), t.resolutionMinutes()));
            }
        }
        return new Sla(q.businessHours().spec(), targets, q.serviceLevel().warnPercent());
    }
}
