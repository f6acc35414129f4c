package org.opsdesk.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;

class SignatureTest {

    @Test
    void aSignatureIsPlainTextWithKnownPlaceholdersOnly() {
        assertThat(Signature.valid("  \r\n")).as("blank: none").isNull();
        assertThat(Signature.valid("\r\n{{ agent.name }}\r\nOps team, {{queue.name}}\r\n\r\n"))
                .isEqualTo("{{ agent.name }}\nOps team, {{queue.name}}");
        assertThatThrownBy(() -> Signature.valid("{{agent.phone}}")).isInstanceOf(DomainException.class)
                .hasMessageContaining("{{agent.phone}}").hasMessageContaining("{{agent.email}}");
        assertThatThrownBy(() -> Signature.valid("x".repeat(Signature.MAX_LENGTH + 1)))
                .hasMessageContaining("at most 2000");
        assertThat(Signature.render("{{agent.name}} <{{ agent.email }}>, #{{ticket.number}}",
                Map.of("agent.name", "Alice", "agent.email", "alice@ops.example"))).isEqualTo(
                        "Alice <alice@ops.example>, #");
    }

    @Test
    void itGoesBelowTheTextOnceAfterTheDashDashLineAndEscapedBelowHtml() {
        String signed = Signature.below("Restarted the VPN concentrator.\n\n", "Alice\nOps team");
        assertThat(signed).isEqualTo("Restarted the VPN concentrator.\n\n-- \nAlice\nOps team");
        assertThat(Signature.below(signed, "Alice\nOps team")).as("not twice").isEqualTo(signed);
        String html = Signature.belowHtml("<p>Done.</p>", "A & B <ops>\nteam");
        assertThat(html).isEqualTo("<p>Done.</p><p>-- <br>A &amp; B &lt;ops&gt;<br>team</p>");
        assertThat(Signature.belowHtml(html, "A & B <ops>\nteam")).as("not twice").isEqualTo(html);
        assertThat(Signature.below("Regards,\nAlice", "Alice")).as("a name at the end is no signature yet")
                .isEqualTo("Regards,\nAlice\n\n-- \nAlice");
        assertThat(Signature.below("Thanks.", " ")).as("a signature that came out blank").isEqualTo("Thanks.");
        assertThat(Signature.belowHtml("<p>x</p>", "")).isEqualTo("<p>x</p>");
        assertThatThrownBy(() -> Signature.valid("a\0b")).hasMessageContaining("NUL");
    }

    @Test
    void aReplyEndingInAQuoteIsSignedAboveItSoTheQuoteStillFolds() {
        String reply = "Fixed.\n\nOn 7 Dec 2026, 10:00, carol@customer.example wrote:\n> it is broken\n>\n> again\n";
        String signed = Signature.below(reply, "Alice");
        assertThat(signed).isEqualTo("Fixed.\n\n-- \nAlice\n\nOn 7 Dec 2026, 10:00, carol@customer.example wrote:\n"
                + "> it is broken\n>\n> again");
        assertThat(Signature.below(signed, "Alice")).as("not twice").isEqualTo(signed);
        assertThat(Signature.below("> only a quote", "Alice")).isEqualTo("-- \nAlice\n\n> only a quote");
        assertThat(Signature.withoutSignature(signed)).isEqualTo("Fixed.\n");
        assertThat(Signature.withoutSignature("no signature")).isEqualTo("no signature");
        assertThat(Signature.withoutSignature("-- \nAlice\n\n> only a quote")).isEmpty();
    }
}
