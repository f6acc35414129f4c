package org.opsdesk.web.ui.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextTest {

    @Test
    void splitsTheQuoteWithItsAttributionLine() {
        QuotedText t = QuotedText.split("Thanks, works now.\n\nOn Mon, 1 Dec 2025, Ops wrote:\n> Try again.\n> Bye");
        assertThat(t.own()).isEqualTo("Thanks, works now.");
        assertThat(t.quoted()).startsWith("On Mon, 1 Dec 2025, Ops wrote:").endsWith("> Bye");
        assertThat(t.hasQuote()).isTrue();
    }

    @Test
    void aMessageWithoutQuoteOrOnlyAQuoteIsShownWhole() {
        assertThat(QuotedText.split("plain text").hasQuote()).isFalse();
        QuotedText onlyQuote = QuotedText.split("> all quoted");
        assertThat(onlyQuote.own()).isEqualTo("> all quoted");
        assertThat(onlyQuote.hasQuote()).isFalse();
        assertThat(QuotedText.split(null).own()).isEmpty();
    }
}
