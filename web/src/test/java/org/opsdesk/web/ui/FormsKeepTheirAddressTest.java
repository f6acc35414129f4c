package org.opsdesk.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class FormsKeepTheirAddressTest {

    @Test
    void onlyTheParametersThatNameThePageAreCarriedAsWritten() {
        Set<String> ticket = Set.of("n");
        assertThat(FormsKeepTheirAddress.keep("n=12&sent=ticket-12-reply", ticket)).isEqualTo("n=12");
        // a link that would post its own text, or a hidden merge, with the agent's next click
        assertThat(FormsKeepTheirAddress.keep("n=12&reply%3Abody=evil&reply:status=resolved&merge=merge"
                + "&merge:merge=Merge&jakarta.faces.partial.ajax=true", ticket)).isEqualTo("n=12");
        assertThat(FormsKeepTheirAddress.keep("path=kb%2Fa%26b&sentinel=1", Set.of("path"))).isEqualTo("path=kb%2Fa%26b");
        assertThat(FormsKeepTheirAddress.keep("%E0%A4%A=1&n=3", ticket)).isEqualTo("n=3");
        assertThat(FormsKeepTheirAddress.keep(null, ticket)).isEmpty();
        assertThat(FormsKeepTheirAddress.keep("n=1", Set.of())).isEmpty();
    }
}
