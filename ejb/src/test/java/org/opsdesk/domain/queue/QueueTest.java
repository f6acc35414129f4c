package org.opsdesk.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.EmailAddress;

class QueueTest {

    private final Queue ops = new Queue("ops", null, EmailAddress.of("ops@example.com"),
            EmailAddress.of("ops-comment@example.com"), Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void theAddressesToldOfNewTicketsAreKeptOnceEachInOrder() {
        assertThat(ops.notifyAddresses()).isEmpty();
        ops.notifyOnNew(List.of(EmailAddress.of("Team@Example.com"), EmailAddress.of("oncall@example.com"),
                EmailAddress.of("team@example.com")));
        assertThat(ops.notifyAddresses()).extracting(EmailAddress::value)
                .containsExactly("team@example.com", "oncall@example.com");
        ops.notifyOnNew(List.of());
        assertThat(ops.notifyAddresses()).isEmpty();
    }

    @Test
    void theQueuesOwnAddressesAndTooManyAreRefused() {
        assertThatThrownBy(() -> ops.notifyOnNew(List.of(EmailAddress.of("ops@example.com"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("come back as a ticket");
        List<EmailAddress> many = new ArrayList<>();
        for (int i = 0; i <= Queue.MAX_NOTIFY; i++) {
            many.add(EmailAddress.of("member" + i + "@example.com"));
        }
        assertThatThrownBy(() -> ops.notifyOnNew(many)).isInstanceOf(DomainException.class)
                .hasMessageContaining("list address");
    }
}
