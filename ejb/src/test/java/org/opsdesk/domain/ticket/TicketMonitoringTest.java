package org.opsdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.queue.Queue;

/** The verbs the monitoring uses as a system actor: alert history, notes, resolve on recovery. */
class TicketMonitoringTest {

    private final Instant t0 = Instant.parse("2026-11-22T02:04:52Z");
    private final Queue ops = new Queue("ops", null, EmailAddress.of("ops@example.com"), null, t0);
    private final Person nagios = withField(Person.customer(EmailAddress.of("nagios@monitoring.invalid"), t0), "id", 1L);
    private final Person alice = withField(Person.agent("alice", "Alice", null, false, t0), "id", 2L);

    private Ticket alertTicket() {
        Ticket t = withField(new Ticket(ops, "localhost: Disk /var is CRITICAL", nagios, null, Priority.HIGH, nagios,
                t0), "number", 41L);
        t.receive(nagios, MessageBody.text("CRITICAL: DISK CRITICAL"), MessageOrigin.MONITORING, t0);
        return t;
    }

    @Test
    void alertHistoryAndNotesAreByTheSourceAndNeverReopen() {
        Ticket t = alertTicket();
        t.recordAlert(nagios, "WARNING", "CRITICAL", "load rising", t0.plusSeconds(1));
        t.noteFromMonitoring(nagios, MessageBody.text("still there"), t0.plusSeconds(2));
        assertThat(t.history()).extracting(HistoryEntry::kind).containsExactly(HistoryKind.CREATED,
                HistoryKind.INBOUND_ADDED, HistoryKind.ALERT, HistoryKind.COMMENT_ADDED);
        assertThat(t.history().get(2).actor()).isEqualTo("nagios@monitoring.invalid");
        assertThat(t.history().get(2).oldValue()).isEqualTo("WARNING");
        assertThat(t.messages().get(1).kind()).isEqualTo(MessageKind.COMMENT);
        assertThat(t.status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void aRecoveryResolvesAnActiveTicketButNotOneAHumanAlreadyResolved() {
        Ticket t = alertTicket();
        assertThat(t.resolveOnRecovery(nagios, "recovered (OK)", t0.plusSeconds(5))).isTrue();
        assertThat(t.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(t.resolvedAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(t.history().get(t.history().size() - 1).actor()).isEqualTo("nagios@monitoring.invalid");

        Ticket human = alertTicket();
        human.resolve(alice, "fixed by hand", t0.plusSeconds(3));
        int before = human.history().size();
        assertThat(human.resolveOnRecovery(nagios, "recovered (OK)", t0.plusSeconds(5))).isFalse();
        assertThat(human.history()).hasSize(before);
        human.close(alice, null, t0.plusSeconds(6));
        assertThat(human.resolveOnRecovery(nagios, "recovered", t0.plusSeconds(7))).isFalse();
        assertThat(human.status()).isEqualTo(TicketStatus.CLOSED);
    }

    private static <T> T withField(T entity, String name, long value) {
        try {
            Field f = entity.getClass().getDeclaredField(name);
            f.setAccessible(true);
            f.set(entity, value);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
