package org.opsdesk.web.ui.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedAddressesTest {

    @Test
    void addressesAreReadOneALineOrSeparatedAndFromANameWithTheAddressInAngles() {
        assertThat(TicketBean.addresses("a@x.example\nb@x.example, c@x.example; d@x.example e@x.example"))
                .containsExactly("a@x.example", "b@x.example", "c@x.example", "d@x.example", "e@x.example");
        assertThat(TicketBean.addresses("Bob Jones <bob@x.example>, \"Lee, Ann\" <ann@x.example>\n  \n"))
                .containsExactly("bob@x.example", "ann@x.example");
        assertThat(TicketBean.addresses("a@x.example, Bob <bob@x.example>")).containsExactly("bob@x.example",
                "a@x.example");
        assertThat(TicketBean.addresses("bob")).as("refused by the service, which says why").containsExactly("bob");
        assertThat(TicketBean.addresses(null)).isEmpty();
        assertThat(TicketBean.addresses("  ")).isEmpty();
    }
}
