package org.opsdesk.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.EmailAddress;

class BlockedSenderTest {

    @Test
    void anAddressOrADomainIsStoredOneWay() {
        assertThat(BlockedSender.normalised(" Spam@Example.COM ")).isEqualTo("spam@example.com");
        assertThat(BlockedSender.normalised("<spam@example.com>")).isEqualTo("spam@example.com");
        assertThat(BlockedSender.normalised("example.com")).isEqualTo("@example.com");
        assertThat(BlockedSender.normalised("@Example.com")).isEqualTo("@example.com");
        assertThat(BlockedSender.normalised("*@example.com")).isEqualTo("@example.com");
        assertThat(BlockedSender.normalised("bücher.example")).as("as mail carries it")
                .isEqualTo("@xn--bcher-kva.example");
        assertThat(BlockedSender.normalised("Kai@Bücher.example")).isEqualTo("kai@xn--bcher-kva.example");
        assertThatThrownBy(() -> BlockedSender.normalised(null)).hasMessageContaining("Name the sender");
        assertThatThrownBy(() -> BlockedSender.normalised("  ")).hasMessageContaining("Name the sender");
        for (String wrong : new String[] {"@", "com", "-x.example", "a b.example", "*.example.com",
                "x@", "a@@b.example", "example..com"}) {
            assertThatThrownBy(() -> BlockedSender.normalised(wrong)).as(wrong).isInstanceOf(DomainException.class)
                    .hasMessageContaining("Block an address");
        }
    }

    @Test
    void anAddressIsMatchedByItselfAndEachDomainAboveIt() {
        assertThat(BlockedSender.patternsMatching(EmailAddress.of("bot@mx.spam.example")))
                .containsExactly("bot@mx.spam.example", "@mx.spam.example", "@spam.example", "@example");
        BlockedSender idn = new BlockedSender("@bücher.example", null, "admin", Instant.EPOCH);
        assertThat(idn.blocks(EmailAddress.of("kai@xn--bcher-kva.example"))).as("the wire form").isTrue();
        assertThat(idn.blocks(EmailAddress.of("kai@shop.bücher.example"))).as("SMTPUTF8's form").isTrue();
        assertThat(idn.blocks(EmailAddress.of("kai@buecher.example"))).isFalse();
    }

    @Test
    void aNoteIsOneLineOfAtMost500Characters() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        BlockedSender b = new BlockedSender("spam.example", "  sends\nviagra  ", "admin", now);
        assertThat(b.pattern()).isEqualTo("@spam.example");
        assertThat(b.note()).isEqualTo("sends viagra");
        assertThat(new BlockedSender("spam.example", " ", "admin", now).note()).isNull();
        assertThatThrownBy(() -> new BlockedSender("spam.example", "x".repeat(501), "admin", now))
                .isInstanceOf(DomainException.class);
    }
}
