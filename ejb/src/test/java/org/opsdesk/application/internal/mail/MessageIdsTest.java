package org.opsdesk.application.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    private final MessageIds ids = new MessageIds("instance-secret-1", "support.example");

    @Test
    void ourIdsNameTheirTicketAndVerify() {
        String id = ids.create(4711);
        assertThat(id).startsWith("opsdesk.4711.").endsWith("@support.example");
        assertThat(ids.ticketOf(id)).contains(4711L);
        assertThat(ids.ticketOf("<" + id + ">")).isEmpty();
        assertThat(ids.create(4711)).isNotEqualTo(id);
    }

    @Test
    void forgedOrForeignIdsDoNot() {
        String id = ids.create(12);
        assertThat(ids.ticketOf(id.replace("opsdesk.12.", "opsdesk.13."))).isEmpty();
        assertThat(new MessageIds("another-secret", "support.example").ticketOf(id)).isEmpty();
        assertThat(ids.ticketOf("CAF=abc@mail.gmail.com")).isEmpty();
        assertThat(ids.ticketOf(null)).isEmpty();
    }
}
