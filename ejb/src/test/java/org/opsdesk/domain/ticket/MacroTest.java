package org.opsdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;

class MacroTest {

    private final Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aMacroKeepsWhatItChangesAndLeavesTheRestAlone() {
        Macro m = new Macro("  Close as spam ", now);
        m.define(" Spam, closed without an answer. ", TicketStatus.REJECTED, null, null, null, List.of("#Spam", "spam"),
                List.of("triage"), now);
        assertThat(m.name()).isEqualTo("Close as spam");
        assertThat(m.note()).isEqualTo("Spam, closed without an answer.");
        assertThat(m.status()).isEqualTo(TicketStatus.REJECTED);
        assertThat(m.priority()).isNull();
        assertThat(m.queue()).isNull();
        assertThat(m.ownerAction()).isNull();
        assertThat(m.addTags()).as("as a ticket keeps them, once").containsExactly("spam");
        assertThat(m.removeTags()).containsExactly("triage");
        assertThat(Macro.key("CLOSE AS SPAM")).isEqualTo(Macro.key("close as spam"));

        m.define(null, null, Priority.URGENT, null, " Take ", List.of(), null, now);
        assertThat(m.ownerAction()).isEqualTo("take");
        assertThat(m.note()).isNull();
        assertThat(m.addTags()).isEmpty();
    }

    @Test
    void aMacroThatChangesNothingOrContradictsItselfIsRefused() {
        Macro m = new Macro("x", now);
        assertThatThrownBy(() -> m.define(" ", null, null, null, "", List.of(" "), List.of(), now))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("empty_macro");
        assertThatThrownBy(() -> m.define(null, null, null, null, null, List.of("vpn"), List.of("VPN"), now))
                .isInstanceOf(DomainException.class).hasMessageContaining("'vpn'");
        assertThatThrownBy(() -> m.define(null, null, null, null, "steal", null, null, now))
                .isInstanceOf(DomainException.class).hasMessageContaining("take or release");
        assertThatThrownBy(() -> m.define(null, null, null, null, null, List.of("not a tag"), null, now))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_tag");
        assertThatThrownBy(() -> m.define("x".repeat(Macro.MAX_NOTE + 1), null, null, null, null, null, null, now))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> m.define(null, TicketStatus.NEW, null, null, null, null, null, now))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_macro_status");
        assertThatThrownBy(() -> new Macro(" ", now)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_macro_name");
        assertThatThrownBy(() -> new Macro("x".repeat(101), now)).isInstanceOf(DomainException.class);
    }
}
