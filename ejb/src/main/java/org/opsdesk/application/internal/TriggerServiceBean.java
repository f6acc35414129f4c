package org.opsdesk.application.internal;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.TriggerService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.ticket.Priority;
import org.opsdesk.domain.ticket.Trigger;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.QueueRepository;
import org.opsdesk.infrastructure.persistence.TriggerRepository;

/** Triggers kept by admins; {@link TicketTriggers} runs them. */
@Stateless
public class TriggerServiceBean implements TriggerService {

    @Inject
    TriggerRepository triggers;

    @Inject
    QueueRepository queues;

    @Inject
    PersonRepository people;

    @Inject
    org.opsdesk.infrastructure.persistence.OrganizationRepository organizations;

    @Inject
    Clock clock;

    @Override
    public List<TriggerView> list(Caller caller) {
        Agents.require(people, caller);
        return triggers.all(MAX_TRIGGERS).stream().map(TriggerServiceBean::view).toList();
    }

    @Override
    public TriggerView create(TriggerCommand c, Caller caller) {
        Admins.require(caller, "create triggers");
        refuseTaken(c.name(), null);
        if (triggers.count() >= MAX_TRIGGERS) {
            throw DomainException.invalid("too_many_triggers", "There are at most " + MAX_TRIGGERS + " triggers;"
                    + " delete one first.");
        }
        Trigger t = new Trigger(c.name(), clock.instant());
        define(t, c);
        org.opsdesk.application.LostRaces.flush(() -> triggers.add(t), () -> organizationGone(c));
        return view(t);
    }

    @Override
    public TriggerView update(long id, TriggerCommand c, Caller caller) {
        Admins.require(caller, "change triggers");
        Trigger t = find(id);
        refuseTaken(c.name(), t.id());
        t.rename(c.name(), clock.instant());
        define(t, c);
        org.opsdesk.application.LostRaces.flush(triggers::flush, () -> organizationGone(c));
        return view(t);
    }

    @Override
    public void delete(long id, Caller caller) {
        Admins.require(caller, "delete triggers");
        triggers.remove(find(id));
    }

    /** 409 {@code trigger_exists} when another trigger ({@code self}: this one's id) has the name in any case. */
    private void refuseTaken(String name, Long self) {
        triggers.byName(name).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw DomainException.conflict("trigger_exists", "A trigger named '" + other.name() + "' exists already.");
        });
    }

    private void define(Trigger t, TriggerCommand c) {
        Conditions when = c.conditions() == null ? new Conditions(null, null, null, null, null, null, null)
                : c.conditions();
        if (when.on() != null) { // left out: as it was (a new trigger runs on create)
            t.on(when.on().stream().map(Trigger.Event::of).collect(java.util.stream.Collectors.toCollection(
                    () -> java.util.EnumSet.noneOf(Trigger.Event.class))), clock.instant());
        }
        Actions then = c.actions() == null ? new Actions(null, null, null, List.of()) : c.actions();
        t.when(queue(when.queue()), when.channel(), when.subject(), when.body(), when.requester(),
                blank(when.organization()) ? null : organizations.heldByName(when.organization().strip()).orElseThrow(() ->
                        DomainException.invalid("unknown_organization", "There is no organization '"
                                + when.organization().strip() + "'.")), clock.instant());
        Person owner = blank(then.owner()) ? null : people.agent(then.owner().strip()).orElseThrow(() ->
                DomainException.invalid("unknown_agent", "There is no agent '" + then.owner().strip() + "'."));
        t.then(queue(then.queue()), blank(then.priority()) ? null : Priority.fromCode(then.priority()), owner,
                then.addTags(), clock.instant());
        if (c.active() != null) {
            t.activate(c.active(), clock.instant()); // left out: as it was (a new trigger is active)
        }
    }

    /** The answer when the organization a trigger names was deleted as it was being saved. */
    private static DomainException organizationGone(TriggerCommand c) {
        String name = c.conditions() == null ? null : c.conditions().organization();
        return DomainException.invalid("unknown_organization", "There is no organization '" + name + "' (it was"
                + " deleted just now).");
    }

    private Queue queue(String name) {
        return blank(name) ? null : queues.byName(name.strip()).orElseThrow(() -> DomainException.invalid(
                "unknown_queue", "There is no queue '" + name.strip() + "'."));
    }

    private Trigger find(long id) {
        return triggers.byId(id).orElseThrow(() -> new NotFoundException("trigger_not_found", "There is no trigger "
                + id + "."));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static TriggerView view(Trigger t) {
        return new TriggerView(t.id(), t.name(), t.isActive(),
                new Conditions(t.ifQueue() == null ? null : t.ifQueue().name(), t.ifChannel(), t.ifSubject(),
                        t.ifBody(), t.ifRequester(), t.ifOrganization() == null ? null : t.ifOrganization().name(),
                        t.events().stream().map(Trigger.Event::code).toList()),
                new Actions(t.setQueue() == null ? null : t.setQueue().name(),
                        t.priority() == null ? null : t.priority().code(), t.owner() == null ? null : t.owner().login(),
                        t.addTags()), t.updatedAt());
    }
}
