package org.opsdesk.application.internal;

import org.opsdesk.application.Caller;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.Person;
import org.opsdesk.infrastructure.persistence.PersonRepository;

/** The one check that a use case is called by an active agent; answers that agent. */
public final class Agents {

    private Agents() {
    }

    public static Person require(PersonRepository people, Caller caller) {
        return people.agent(caller == null ? null : caller.login()).filter(Person::canWorkTickets)
                .orElseThrow(() -> DomainException.forbidden("agent_required", "Only an active agent can do this."));
    }
}
