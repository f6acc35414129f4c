package org.opsdesk.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.ViewService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.party.SavedView;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.persistence.RowLocks;

/** Saved views: the caller's own and the shared ones. */
@Stateless
public class ViewServiceBean implements ViewService {

    @Inject
    RowLocks locks;

    @Inject
    PersonRepository people;

    @Inject
    Clock clock;

    /** The most views listed (the sidebar's): an agent's own 50 and many colleagues' shared ones. */
    static final int MAX_LISTED = 200;

    @Override
    public List<SavedViewView> views(Caller caller) {
        Person me = Agents.require(people, caller);
        // by name; where a shared view has the name of one's own, one's own first
        return people.viewsFor(me, MAX_LISTED).stream().map(v -> view(v, me))
                .sorted(Comparator.comparing((SavedViewView v) -> v.name().toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(v -> !v.mine()).thenComparingLong(SavedViewView::id))
                .toList();
    }

    @Override
    public Saved save(String name, String query, boolean shared, Caller caller) {
        Person me = Agents.require(people, caller);
        String n = SavedView.validName(name);
        Instant now = clock.instant();
        // one save of the agent's at a time: the name is one in any case, and the count is capped, neither of which the
        // table's unique key (the name as written) can say; two saves of "VPN" and "vpn" at once made two views
        locks.lock("person", me.id());
        var existing = people.viewNamed(me, n);
        if (existing.isPresent()) {
            existing.get().change(query, shared, now);
            return new Saved(view(existing.get(), me), false);
        }
        if (people.viewCount(me) >= SavedView.MAX_PER_AGENT) {
            throw DomainException.invalid("too_many_views", "An agent saves at most " + SavedView.MAX_PER_AGENT
                    + " views; delete one first.");
        }
        SavedView v = new SavedView(me, n, query, shared, now);
        people.add(v);
        people.flush();
        return new Saved(view(v, me), true);
    }

    @Override
    public void delete(long id, Caller caller) {
        Person me = Agents.require(people, caller);
        SavedView v = people.view(id).filter(x -> x.mayBeDeletedBy(me))
                .orElseThrow(() -> new NotFoundException("view_not_found", "You have no saved view " + id + "."));
        people.remove(v);
    }

    private static SavedViewView view(SavedView v, Person me) {
        return new SavedViewView(v.id(), v.name(), v.query(), v.shared(), v.owner().handle(), v.owner().equals(me),
                v.updatedAt());
    }
}
