package org.opsdesk.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormsKeepTheirAddressTest {

    @Test
    void aSentDraftsMarkIsLeftOutAndTheRestKeptAsWritten() {
        assertThat(FormsKeepTheirAddress.withoutSent("n=12&sent=ticket-12-reply")).isEqualTo("n=12");
        assertThat(FormsKeepTheirAddress.withoutSent("sent=new-ticket&n=12&sent")).isEqualTo("n=12");
        assertThat(FormsKeepTheirAddress.withoutSent("path=kb%2Fa%26b&sentinel=1")).isEqualTo("path=kb%2Fa%26b&sentinel=1");
        assertThat(FormsKeepTheirAddress.withoutSent(null)).isEmpty();
    }
}
