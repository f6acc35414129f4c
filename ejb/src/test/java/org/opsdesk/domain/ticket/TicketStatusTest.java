package org.opsdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.domain.DomainException;

import static org.opsdesk.domain.ticket.TicketStatus.*;

class TicketStatusTest {

    /** The table, written out independently of the enum. */
    static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.of(
            NEW, EnumSet.of(OPEN, RESOLVED, REJECTED),
            OPEN, EnumSet.of(PENDING, RESOLVED, REJECTED),
            PENDING, EnumSet.of(OPEN, RESOLVED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.of(OPEN),
            REJECTED, EnumSet.of(OPEN));

    static Stream<Arguments> everyPair() {
        return Stream.of(values()).flatMap(from -> Stream.of(values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void everyMoveIsAllowedExactlyAsTheTableSays(TicketStatus from, TicketStatus to) {
        boolean allowed = ALLOWED.get(from).contains(to);
        assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
        if (allowed) {
            from.checkTransitionTo(to);
        } else {
            assertThatThrownBy(() -> from.checkTransitionTo(to))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                        assertThat(e.code()).isEqualTo("illegal_transition");
                        ALLOWED.get(from).forEach(a -> assertThat(e.getMessage()).contains(a.code()));
                    });
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyReopeningAClosedTicketNeedsAnAdmin(TicketStatus from, TicketStatus to) {
        assertThat(from.requiresAdminFor(to)).isEqualTo(from == CLOSED && to == OPEN);
    }

    @ParameterizedTest
    @MethodSource("codes")
    void codesRoundTrip(TicketStatus s) {
        assertThat(TicketStatus.fromCode(s.code().toUpperCase())).isEqualTo(s);
    }

    static Stream<TicketStatus> codes() {
        return Stream.of(values());
    }

    @org.junit.jupiter.api.Test
    void unknownCodeNamesTheValidOnes() {
        assertThatThrownBy(() -> TicketStatus.fromCode("done"))
                .isInstanceOf(DomainException.class).hasMessageContaining("resolved");
    }
}
