package org.opsdesk.mail.inbound.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opsdesk.application.mail.MailThreading;
import org.opsdesk.mail.inbound.parse.ParsedMail;

class ThreadCorrelatorTest {

    /** Ticket 7 has the stored message "m7@customer"; alice is its requester; 8 merged into 9. */
    private static final class Threads implements MailThreading {
        @Override
        public Optional<Long> ticketForMessageIds(List<String> ids) {
            return ids.contains("m7@customer") ? Optional.of(7L) : Optional.empty();
        }

        @Override
        public Optional<Long> ticketOfOwnMessageId(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Long> taggedTicket(String subject) {
            Matcher m = Pattern.compile("\\[OpsDesk #(\\d+)\\]").matcher(subject);
            return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        }

        @Override
        public boolean mayUseTag(long ticket, String address) {
            return ticket == 7 && address.equals("alice@customer.example");
        }

        @Override
        public Optional<Long> existing(long ticket) {
            return Map.of(7L, 7L, 8L, 9L).containsKey(ticket) ? Optional.of(Map.of(7L, 7L, 8L, 9L).get(ticket))
                    : Optional.empty();
        }

        @Override
        public Set<String> ownAddresses() {
            return Set.of("support@example.com");
        }

        @Override
        public Optional<String> blockedBy(List<String> senders) {
            return Optional.empty();
        }

        @Override
        public String loopHeader() {
            return "X-OpsDesk-Loop";
        }

        @Override
        public String loopValue() {
            return "opsdesk.test";
        }
    }

    private final ThreadCorrelator correlator = new ThreadCorrelator(new Threads());

    private static ParsedMail mail(String from, String subject, List<String> inReplyTo, List<String> references) {
        return new ParsedMail("new@x", inReplyTo, references, subject, from, null, List.of(), List.of(), null, null,
                null, Map.of(), "text", null, List.of(), null, List.of());
    }

    @Test
    void headersThreadFirstWhoeverSends() {
        var c = correlator.correlate(mail("mallory@evil.example", "no tag", List.of("m7@customer"), List.of()));
        assertThat(c.threaded()).isTrue();
        assertThat(c.ticket()).isEqualTo(7L);
        assertThat(correlator.correlate(mail("x@y.example", "x", List.of(), List.of("other@x", "m7@customer")))
                .ticket()).isEqualTo(7L);
    }

    @Test
    void theSubjectTagCountsOnlyForParticipants() {
        var ok = correlator.correlate(mail("alice@customer.example", "Re: [OpsDesk #7] disk", List.of(), List.of()));
        assertThat(ok.threaded()).isTrue();
        assertThat(ok.ticket()).isEqualTo(7L);
        var stranger = correlator.correlate(mail("mallory@evil.example", "Re: [OpsDesk #7] disk", List.of(), List.of()));
        assertThat(stranger.threaded()).isFalse();
        assertThat(stranger.ticket()).isEqualTo(7L);
        assertThat(stranger.reason()).contains("not a participant");
    }

    @Test
    void unknownTagsAndNoHeadersMeanANewTicket() {
        var c = correlator.correlate(mail("alice@customer.example", "[OpsDesk #999] x", List.of("unknown@x"), List.of()));
        assertThat(c.threaded()).isFalse();
        assertThat(c.ticket()).isNull();
        assertThat(correlator.correlate(mail(null, "[OpsDesk #7]", List.of(), List.of())).threaded()).isFalse();
    }
}
