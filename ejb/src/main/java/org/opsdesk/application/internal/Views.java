package org.opsdesk.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.opsdesk.application.TicketViews.AttachmentView;
import org.opsdesk.application.TicketViews.HistoryView;
import org.opsdesk.application.TicketViews.LinkView;
import org.opsdesk.application.TicketViews.MessageView;
import org.opsdesk.application.TicketViews.TicketSummary;
import org.opsdesk.application.TicketViews.TicketView;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.ticket.HistoryEntry;
import org.opsdesk.domain.ticket.Link;
import org.opsdesk.domain.ticket.Message;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.domain.ticket.TicketStatus;
import org.opsdesk.infrastructure.persistence.TicketRepository;

/** Builds the read models inside the transaction. */
final class Views {

    private Views() {
    }

    /** The ticket page's view; {@code replyTo}: who a public reply goes to (see {@code OutboxWriter}). */
    static TicketView of(Ticket t, TicketRepository repository, List<String> replyTo, List<String> organizations,
            java.time.Instant now) {
        List<LinkView> links = new ArrayList<>();
        for (Link l : t.links()) {
            links.add(new LinkView(l.type().code(), l.target().number(), l.target().subject(),
                    l.target().status().code()));
        }
        for (Link l : repository.incomingLinks(t)) {
            links.add(new LinkView(l.type().reverseCode(), l.source().number(), l.source().subject(),
                    l.source().status().code()));
        }
        return new TicketView(t.number(), t.version(), t.subject(), t.queue().name(), t.status().code(),
                t.status().allowedNext().stream().map(TicketStatus::code).sorted().toList(),
                t.priority().code(), handle(t.owner()), requesters(t.requesters()), List.copyOf(t.cc()),
                t.createdAt(), t.updatedAt(), t.resolvedAt(), t.due(), t.pendingUntil(), links,
                t.messages().stream().map(Views::message).toList(), repository.mergedInto(t),
                t.messageToForward() == null ? null : t.messageToForward().id(), List.copyOf(replyTo),
                t.timeWorked(), t.tags(), t.watchers().stream().map(Person::handle).toList(),
                t.responseDue() == null && t.resolutionDue() == null ? null
                        : new org.opsdesk.application.TicketViews.ServiceLevelView(t.responseDue(),
                                t.firstResponseAt(), t.resolutionDue(), t.isEscalated(now),
                                t.isNearingDeadline(now)),
                organizations);
    }

    static TicketSummary summary(Ticket t, java.time.Instant now) {
        return new TicketSummary(t.number(), t.subject(), t.queue().name(), t.status().code(), t.priority().code(),
                handle(t.owner()), requesters(t.requesters()), t.createdAt(), t.updatedAt(), t.due(),
                t.isOverdue(now), t.timeWorked(), t.isEscalated(now), t.nextDeadline());
    }

    static MessageView message(Message m) {
        return new MessageView(m.id(), m.kind().code(), handle(m.author()), m.fromAddress(), m.createdAt(), m.text(),
                m.html(), m.attachments().stream()
                        .map(a -> new AttachmentView(a.id(), a.filename(), a.contentType(), a.size(), a.sha256(),
                                a.contentId()))
                        .toList(), m.originalMail() != null);
    }

    static org.opsdesk.application.TicketViews.TimeEntryView timeEntry(
            org.opsdesk.infrastructure.persistence.TimeRepository.EntryRow e) {
        return new org.opsdesk.application.TicketViews.TimeEntryView(e.id(), e.ticket(), e.agent(), e.minutes(),
                e.at(), e.message(), e.note());
    }

    static HistoryView history(HistoryEntry h) {
        return new HistoryView(h.id(), h.at(), h.actor(), h.kind().code(), h.oldValue(), h.newValue(), h.note());
    }

    private static List<String> requesters(Set<Person> people) {
        return people.stream().map(p -> p.email() != null ? p.email().value() : p.login())
                .collect(Collectors.toList());
    }

    private static String handle(Person p) {
        return p == null ? null : p.handle();
    }
}
