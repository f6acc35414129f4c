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
}
