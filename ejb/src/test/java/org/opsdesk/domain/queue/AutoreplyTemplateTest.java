package org.opsdesk.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;

class AutoreplyTemplateTest {

    private static final Map<String, String> VALUES = Map.of("ticket.number", "123", "ticket.subject",
            "Disk full on db01", "ticket.tag", "[OpsDesk #123]", "queue.name", "support", "requester.name",
            "Alice Doe", "requester.email", "alice@example.com");

    @Test
    void placeholdersAreFilledInAndTheRestIsKeptAsWritten() {
        String text = AutoreplyTemplate.render("Dear {{requester.name}} <{{requester.email}}>,\n"
                + "we track \"{{ ticket.subject }}\" as #{{ticket.number}} in {{queue.name}}; keep {{ticket.tag}}.\n"
                + "Prices in $1 and {braces} stay.", VALUES);

        assertThat(text).isEqualTo("Dear Alice Doe <alice@example.com>,\n"
                + "we track \"Disk full on db01\" as #123 in support; keep [OpsDesk #123].\n"
                + "Prices in $1 and {braces} stay.");
    }

    @Test
    void theDefaultTextNamesTheTicketAndTheTag() {
        String text = AutoreplyTemplate.render(null, VALUES);

        assertThat(text).startsWith("Hello,\n").contains("ticket #123", "    Disk full on db01", "[OpsDesk #123]")
                .endsWith("-- \nsupport\n");
    }

    @Test
    void valuesAreInsertedLiterallyNotReadAsPlaceholdersOrReplacementSyntax() {
        String text = AutoreplyTemplate.render("Re: {{ticket.subject}}", Map.of("ticket.subject",
                "costs $5 \\ {{queue.name}}"));

        assertThat(text).isEqualTo("Re: costs $5 \\ {{queue.name}}");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> AutoreplyTemplate.valid("Hi {{ticket.id}}"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("{{ticket.id}}")
                .hasMessageContaining("{{ticket.number}}, {{ticket.subject}}, {{ticket.tag}}");
    }

    @Test
    void blankTextMeansTheDefaultAndLineEndsAreUnified() {
        assertThat(AutoreplyTemplate.valid("  \n ")).isNull();
        assertThat(AutoreplyTemplate.valid(null)).isNull();
        assertThat(AutoreplyTemplate.valid("a\r\nb\rc")).isEqualTo("a\nb\nc");
    }

    @Test
    void tooLongATemplateIsRefused() {
        assertThatThrownBy(() -> AutoreplyTemplate.valid("x".repeat(AutoreplyTemplate.MAX_LENGTH + 1)))
                .isInstanceOf(DomainException.class).hasMessageContaining("at most 5000");
    }

    @Test
    void aQueueSendsTheDefaultUntilChangedAndAfterItIsCleared() {
        Queue q = new Queue("support", null, null, null, Instant.EPOCH);
        assertThat(q.autoreplyTemplate()).isEqualTo(AutoreplyTemplate.DEFAULT);
        assertThat(q.hasDefaultAutoreplyTemplate()).isTrue();

        q.changeAutoreplyTemplate("Got it: {{ticket.tag}}");
        assertThat(q.autoreplyTemplate()).isEqualTo("Got it: {{ticket.tag}}");
        assertThat(q.hasDefaultAutoreplyTemplate()).isFalse();

        q.changeAutoreplyTemplate("");
        assertThat(q.hasDefaultAutoreplyTemplate()).isTrue();
    }
}
