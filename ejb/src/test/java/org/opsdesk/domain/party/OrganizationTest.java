package org.opsdesk.domain.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;

class OrganizationTest {

    private final Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void itsCustomersAreThePeopleAtItsDomainsExactly() {
        Organization acme = new Organization(" Acme Corp ", now);
        acme.atDomains(List.of("ACME.example", "@eu.acme.example", "acme.example", " "), now);
        assertThat(acme.name()).isEqualTo("Acme Corp");
        assertThat(acme.domains()).containsExactly("acme.example", "eu.acme.example");
        assertThat(acme.includes(EmailAddress.of("Ops@Acme.Example"))).isTrue();
        assertThat(acme.includes(EmailAddress.of("ops@mail.acme.example"))).as("a subdomain not listed").isFalse();
        assertThat(acme.includes(EmailAddress.of("ops@notacme.example"))).isFalse();
        assertThat(Person.customer(EmailAddress.of("Ops@Acme.Example"), now).emailDomain()).isEqualTo("acme.example");

        acme.atDomains(List.of("eu.acme.example"), now);
        assertThat(acme.domains()).containsExactly("eu.acme.example");
        assertThat(Organization.key("ACME corp")).isEqualTo(Organization.key("acme Corp"));
    }

    @Test
    void whatIsNoDomainOrNameIsRefused() {
        Organization o = new Organization("x", now);
        for (String bad : new String[] {"localhost", "acme", "acme..example", "-acme.example", "acme_x.example",
                "a@b.example", "acme.example/"}) {
            assertThatThrownBy(() -> o.atDomains(List.of(bad), now)).as(bad).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_domain");
        }
        List<String> many = java.util.stream.IntStream.range(0, Organization.MAX_DOMAINS + 1)
                .mapToObj(i -> "d" + i + ".example").toList();
        assertThatThrownBy(() -> o.atDomains(many, now)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("too_many_domains");
        assertThatThrownBy(() -> new Organization("", now)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_organization_name");
        assertThatThrownBy(() -> o.describe("n".repeat(Organization.MAX_NOTE + 1), now))
                .isInstanceOf(DomainException.class);
    }
}
