package org.opsdesk.domain.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;

class HostNameTest {

    @Test
    void normalisesCaseAndStripsPortSchemePathAndTrailingDot() {
        assertThat(HostName.of("Web01.Example.TEST:9100").value()).isEqualTo("web01.example.test");
        assertThat(HostName.of("https://shop.example.test").value()).isEqualTo("shop.example.test");
        assertThat(HostName.of("http://user@db01.example.test:5432/metrics?x=1").value()).isEqualTo("db01.example.test");
        assertThat(HostName.of(" localhost. ").value()).isEqualTo("localhost");
        assertThat(HostName.of("127.0.0.1:9100").value()).isEqualTo("127.0.0.1");
        assertThat(HostName.of("[2001:db8::1]:9100").value()).isEqualTo("2001:db8::1");
        assertThat(HostName.of("2001:db8::1").value()).isEqualTo("2001:db8::1");
        assertThat(HostName.of("WEB01")).isEqualTo(HostName.of("web01"));
    }

    @Test
    void shortNameIsTheFirstLabelOfAQualifiedNameOnly() {
        assertThat(HostName.of("web01.example.test").shortName()).isEqualTo("web01");
        assertThat(HostName.of("web01.example.test").isQualified()).isTrue();
        assertThat(HostName.of("web01").shortName()).isEqualTo("web01");
        assertThat(HostName.of("web01").isQualified()).isFalse();
        assertThat(HostName.of("10.0.0.7").isAddress()).isTrue();
        assertThat(HostName.of("10.0.0.7").shortName()).isEqualTo("10.0.0.7");
    }

    @Test
    void refusesWhatIsNoHostName() {
        for (String bad : new String[] {"", "  ", "web 01", "a;b", "-web", "x".repeat(254), "web01\nevil"}) {
            assertThatThrownBy(() -> HostName.of(bad)).as(bad).isInstanceOf(DomainException.class)
                    .hasMessageContaining("host name");
        }
    }

    @Test
    void aHostAnswersToItsNameShortNameAndAliases() {
        Instant t0 = Instant.parse("2026-11-22T02:00:00Z");
        Host fqdn = new Host(HostName.of("web01.example.test:9100"), null, t0);
        assertThat(fqdn.answersTo(HostName.of("WEB01"))).isTrue();
        assertThat(fqdn.answersTo(HostName.of("web01.example.test"))).isTrue();
        assertThat(fqdn.answersTo(HostName.of("web02"))).isFalse();
        Host bare = new Host(HostName.of("db01"), "10.0.0.5", t0);
        assertThat(bare.answersTo(HostName.of("db01.example.test"))).isTrue();
        bare.edit(null, List.of("Postgres-Primary"), List.of("DB", "prod"), "primary database", t0);
        assertThat(bare.answersTo(HostName.of("postgres-primary"))).isTrue();
        assertThat(bare.tags()).containsExactly("db", "prod");
        assertThat(bare.aliases()).containsExactly("postgres-primary");
        assertThat(bare.address()).isEqualTo("10.0.0.5");
    }

    @Test
    void anAlertTeachesTheAddressOnlyOnce() {
        Instant t0 = Instant.parse("2026-11-22T02:00:00Z");
        Host h = new Host(HostName.of("localhost"), null, t0);
        // monitoring's odd address is left out, not the alert (the batch was a 4xx, and monitoring sends none again)
        h.seenAt("10.0.0.5 (mgmt)", t0);
        assertThat(h.address()).isNull();
        assertThat(new Host(HostName.of("odd"), "10.0.0.5 (mgmt)", t0).address()).isNull();
        h.seenAt("127.0.0.1", t0);
        h.seenAt("10.9.9.9", t0);
        assertThat(h.address()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> h.edit(null, null, List.of("two words"), null, t0))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> h.edit("10.0.0.5 (mgmt)", null, null, null, t0)).as("an agent is told")
                .isInstanceOf(DomainException.class);
    }
}
