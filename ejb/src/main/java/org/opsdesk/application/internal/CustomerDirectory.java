package org.opsdesk.application.internal;

import java.time.Clock;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;
import org.opsdesk.infrastructure.persistence.ConstraintViolations;
import org.opsdesk.infrastructure.persistence.PersonRepository;

/**
 * Finds the person behind an address, creating a customer on first contact. Creation commits in its
 * own transaction, so two first contacts at once make one person (the loser finds the winner's).
 */
@Stateless
public class CustomerDirectory {

    @Inject
    PersonRepository people;

    @Inject
    Clock clock;

    @EJB
    CustomerDirectory self;

    public Person personFor(EmailAddress address) {
        return people.byEmail(address).orElseGet(() -> {
            try {
                self.createCustomer(address);
            } catch (RuntimeException e) {
                if (!ConstraintViolations.isViolation(e)) {
                    throw e;
                }
            }
            return people.byEmail(address).orElseThrow(
                    () -> new IllegalStateException("customer " + address + " neither created nor found"));
        });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createCustomer(EmailAddress address) {
        if (people.byEmail(address).isEmpty()) {
            ConstraintViolations.insertUnique(() -> {
                people.add(Person.customer(address, clock.instant()));
                people.flush();
            });
        }
    }
}
