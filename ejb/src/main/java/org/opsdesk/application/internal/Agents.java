package org.opsdesk.application.internal;

import java.time.Instant;

import org.opsdesk.application.Caller;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.ticket.Mentions;
import org.opsdesk.domain.ticket.Ticket;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.security.KnownCallers;

/** The one check that a use case is called by an active agent; answers that agent. */
public final class Agents {

    private Agents() {
    }

    public static Person require(PersonRepository people, Caller caller) {
        return people.agent(caller == null ? null : caller.login()).filter(Person::canWorkTickets)
                .orElseThrow(Agents::forbidden);
    }

    /**
     * The same check from the cache of known callers, for reads that need only the agent's login (searching): no
     * database read when the agent was seen a moment ago.
     */
    public static String requireLogin(KnownCallers callers, Caller caller, Instant now) {
        return callers.activeAgent(caller == null ? null : caller.login(), now).map(KnownCallers.Agent::login)
                .orElseThrow(Agents::forbidden);
    }

    /**
     * The agents {@code text} mentions as {@code @login} watch {@code ticket} from now on ({@link Ticket#mention});
     * whether it named any agent.
     */
    public static boolean mentionIn(PersonRepository people, Ticket ticket, String text, Person by, Instant now) {
        boolean named = false;
        for (String login : Mentions.in(text)) {
            java.util.Optional<Person> agent = people.agent(login);
            agent.ifPresent(a -> ticket.mention(a, by, now));
            named |= agent.isPresent();
        }
        return named;
    }

    private static DomainException forbidden() {
        return DomainException.forbidden("agent_required", "Only an active agent can do this.");
    }
}
