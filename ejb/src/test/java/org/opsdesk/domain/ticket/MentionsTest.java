package org.opsdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void aMentionIsAnAtAndALoginOnItsOwnNeverAnAddressOrAQuote() {
        assertThat(Mentions.in("@Alice can you look? cc (@bob.smith), \"@carol-2\": thanks, @alice."))
                .containsExactly("alice", "bob.smith", "carol-2");
        assertThat(Mentions.in("mail alice@example.com or x@y, user@@bob, a@bob, https://git.example/@bob,"
                + " mailto:@bob, ?user=@bob")).isEmpty();
        assertThat(Mentions.in("On Monday carol wrote:\n> @dave please\nok @erin")).containsExactly("erin");
        assertThat(Mentions.in("@-nope @_nope @ok_ @a")).containsExactly("a");
        assertThat(Mentions.in(null)).isEmpty();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            many.append("@agent").append(i).append(' ');
        }
        assertThat(Mentions.in(many.toString())).hasSize(Mentions.MAX);
    }
}
