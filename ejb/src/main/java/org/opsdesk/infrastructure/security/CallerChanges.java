package org.opsdesk.infrastructure.security;

import jakarta.inject.Inject;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.opsdesk.domain.party.Person;

/**
 * The JPA listener (declared in {@code META-INF/orm.xml}, so the domain classes do not name it) that tells {@link
 * KnownCallers} of every change to a person or an API token: a disabled agent, a withdrawn admin role, a revoked
 * token count from the next request on. New rows change nothing that is remembered, nor do changes of customers (a
 * customer made an agent is an agent by the time this hears of it; were an agent ever made a customer again, or
 * deleted as a customer, this test would have to see the old kind).
 */
public class CallerChanges {

    @Inject
    KnownCallers callers;

    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        if (entity instanceof Person p && !p.isAgent()) {
            return;
        }
        callers.changed();
    }
}
