package org.opsdesk.application.internal;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.MacroService;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.TicketCommands.AddMessage;
import org.opsdesk.application.TicketCommands.ChangeTicket;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.TicketViews.TicketView;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.ticket.Macro;
import org.opsdesk.domain.ticket.Priority;
import org.opsdesk.domain.ticket.TicketStatus;
import org.opsdesk.infrastructure.persistence.MacroRepository;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.QueueRepository;

/**
 * Macros: kept by admins, applied by agents through the ticket use cases themselves (each step checked, recorded and
 * told as if the agent had made it by hand), all in the one transaction of the apply.
 */
@Stateless
public class MacroServiceBean implements MacroService {

    @Inject
    MacroRepository macros;

    @Inject
    QueueRepository queues;

    @Inject
    PersonRepository people;

    @EJB
    TicketService tickets;

    @Inject
    Clock clock;

    @Override
    public List<MacroView> list(Caller caller) {
        Agents.require(people, caller);
        return macros.all(MAX_MACROS).stream().map(MacroServiceBean::view).toList();
    }

    @Override
    public MacroView create(MacroCommand c, Caller caller) {
        Admins.require(caller, "create macros");
        if (macros.byName(c.name()).isPresent()) {
            throw DomainException.conflict("macro_exists", "A macro named '" + Macro.validName(c.name())
                    + "' exists already.");
        }
        if (macros.count() >= MAX_MACROS) {
            throw DomainException.invalid("too_many_macros", "There are at most " + MAX_MACROS + " macros; delete"
                    + " one first.");
        }
        Macro m = new Macro(c.name(), clock.instant());
        define(m, c);
        macros.add(m);
        return view(m);
    }

    @Override
    public MacroView update(long id, MacroCommand c, Caller caller) {
        Admins.require(caller, "change macros");
        Macro m = find(id);
        macros.byName(c.name()).filter(other -> !other.id().equals(m.id())).ifPresent(other -> {
            throw DomainException.conflict("macro_exists", "A macro named '" + other.name() + "' exists already.");
        });
        m.rename(c.name(), clock.instant());
        define(m, c);
        return view(m);
    }

    @Override
    public void delete(long id, Caller caller) {
        Admins.require(caller, "delete macros");
        macros.remove(find(id));
    }

    private void define(Macro m, MacroCommand c) {
        m.define(c.note(), blank(c.status()) ? null : TicketStatus.fromCode(c.status()),
                blank(c.priority()) ? null : Priority.fromCode(c.priority()),
                blank(c.queue()) ? null : queues.byName(c.queue()).orElseThrow(() -> DomainException.invalid(
                        "unknown_queue", "There is no queue '" + c.queue() + "'.")),
                c.owner(), c.addTags(), c.removeTags(), clock.instant());
    }

    @Override
    public TicketView apply(long number, long id, Long expectedVersion, Caller caller) {
        Macro m = find(id);
        // first: the version the caller saw is checked here, whatever else the macro does
        TicketView t = m.priority() == null && m.queue() == null && expectedVersion == null
                ? tickets.get(number, caller)
                : tickets.change(number, new ChangeTicket(code(m.priority()), m.queue() == null ? null
                        : m.queue().name(), null, null, false, null, null, expectedVersion), caller);
        long current = t.number(); // a merged number: the ticket it went into, as for any change
        if (m.note() != null) {
            t = tickets.comment(current, new AddMessage(m.note(), null, List.of(), null, null, null), caller);
        }
        if (!m.addTags().isEmpty() || !m.removeTags().isEmpty()) {
            t = tickets.tag(current, m.addTags(), m.removeTags(), caller);
        }
        if ("take".equals(m.ownerAction()) && !caller.login().equals(t.owner())) {
            t = tickets.changeOwner(current, "take", null, null, caller);
        } else if ("release".equals(m.ownerAction()) && t.owner() != null) {
            t = tickets.changeOwner(current, "release", null, null, caller);
        }
        if (m.status() != null && !m.status().code().equals(t.status())) {
            t = tickets.changeStatus(current, m.status().code(), "macro " + m.name(), null, caller);
        }
        return t;
    }

    private Macro find(long id) {
        return macros.byId(id).orElseThrow(() -> new NotFoundException("macro_not_found", "There is no macro " + id
                + "."));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String code(Priority p) {
        return p == null ? null : p.code();
    }

    private static MacroView view(Macro m) {
        return new MacroView(m.id(), m.name(), m.note(), m.status() == null ? null : m.status().code(),
                code(m.priority()), m.queue() == null ? null : m.queue().name(), m.ownerAction(), m.addTags(),
                m.removeTags(), m.updatedAt());
    }
}
