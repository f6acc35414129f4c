package org.opsdesk.domain.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.domain.DomainException;

class EmailAddressTest {

    @Test
    void normalisesCaseSpacesAndBrackets() {
        assertThat(EmailAddress.of("  <Alice.Smith@Example.COM> ").value()).isEqualTo("alice.smith@example.com");
        assertThat(EmailAddress.of("a@b.example")).isEqualTo(EmailAddress.of("A@B.EXAMPLE"));
    }

    @Test
    void addressesUnderTheInvalidTopLevelDomainAreNotDeliverable() {
        assertThat(EmailAddress.of("nagios-prod@monitoring.invalid").isDeliverable()).isFalse();
        assertThat(EmailAddress.of("x@HOST.INVALID").isDeliverable()).isFalse();
        assertThat(EmailAddress.of("alice@invalid.example.com").isDeliverable()).isTrue();
        assertThat(EmailAddress.of("\"a@b.invalid\"@example.com").isDeliverable()).isTrue();
    }

    @Test
    void theDomainFollowsTheLastAtSign() {
        EmailAddress quoted = EmailAddress.of("\"Books@Books\"@example.com");
        assertThat(quoted.domain()).isEqualTo("example.com");
        assertThat(quoted.localPart()).isEqualTo("\"books@books\"");
    }

    @Test
    void acceptsQuotedLocalPartsAndInternationalDomains() {
        assertThat(EmailAddress.of("\"Books@Books\"@BlackRealityPublishing.com").value())
                .isEqualTo("\"books@books\"@blackrealitypublishing.com");
        assertThat(EmailAddress.of("Marilù.Gioffré@esempio-università.it").domain()).isEqualTo("esempio-università.it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@", "@b.example", "a b@c.example", "a@b.example\r\nBcc: x@y.example",
            "a@-b.example", "a,b@c.example"})
    void rejectsWhatIsNoAddress(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw)).isInstanceOf(DomainException.class);
    }
}
