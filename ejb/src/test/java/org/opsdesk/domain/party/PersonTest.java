package org.opsdesk.domain.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;

class PersonTest {

    private final Instant now = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void agentsHaveNormalisedLoginsAndRoles() {
        Person p = Person.agent(" Alice ", null, null, false, now);
        assertThat(p.login()).isEqualTo("alice");
        assertThat(p.displayName()).isEqualTo("alice");
        assertThat(p.canWorkTickets()).isTrue();
        assertThat(p.isAdmin()).isFalse();
        p.disable();
        assertThat(p.canWorkTickets()).isFalse();
        assertThatThrownBy(() -> Person.agent("no spaces", null, null, false, now)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Person.agent(" System ", null, null, false, now)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("reserved_login");
        Person customer = Person.customer(EmailAddress.of("system@example.com"), now);
        assertThatThrownBy(() -> customer.promoteToAgent("system")).isInstanceOf(DomainException.class);
        assertThat(customer.isAgent()).as("unchanged").isFalse();
    }

    @Test
    void customersAreKnownByAddressAndCannotHavePasswords() {
        Person c = Person.customer(EmailAddress.of("Bob@Example.com"), now);
        assertThat(c.handle()).isEqualTo("bob@example.com");
        assertThat(c.canWorkTickets()).isFalse();
        assertThat(c.isAdmin()).isFalse();
        assertThatThrownBy(() -> c.changePassword("x")).isInstanceOf(DomainException.class);
        c.promoteToAgent("bob");
        assertThat(c.isAgent()).isTrue();
    }

    @Test
    void displayNamesFitTheirColumnRefusedFromAnAdminClippedFromAnAddress() {
        assertThatThrownBy(() -> Person.agent("carol", "c".repeat(201), null, false, now))
                .isInstanceOf(DomainException.class).hasMessageContaining("200");
        assertThat(Person.agent("carol", "c".repeat(200), null, false, now).displayName()).hasSize(200);
        Person agent = Person.agent("dave", "Dave", null, false, now);
        assertThatThrownBy(() -> agent.rename("d".repeat(201))).isInstanceOf(DomainException.class);
        assertThat(agent.displayName()).isEqualTo("Dave");

        // an address may have 254 characters, a name 200: the customer is still created, named by what fits
        String address = "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(50) + ".example";
        assertThat(address.length()).isGreaterThan(Person.MAX_DISPLAY_NAME);
        Person customer = Person.customer(EmailAddress.of(address), now);
        assertThat(customer.displayName()).hasSize(Person.MAX_DISPLAY_NAME);
        assertThat(customer.handle()).isEqualTo(address);
    }
}
