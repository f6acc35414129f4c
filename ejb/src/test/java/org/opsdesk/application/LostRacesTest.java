package org.opsdesk.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class LostRacesTest {

    @Test
    void aUniqueKeyTakenMeanwhileADeadlockOrAVersionCheckIsALostRace() {
        assertThat(LostRaces.isLostRace(wrapped(new SQLException("duplicate key", "23505")))).isTrue();
        assertThat(LostRaces.isLostRace(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(LostRaces.isLostRace(wrapped(new SQLException("could not serialize", "40001")))).isTrue();
        assertThat(LostRaces.isLostRace(wrapped(new SQLException("Timeout trying to lock table", "HYT00")))).isTrue();
        assertThat(LostRaces.isLostRace(new EJBException(new OptimisticLockException("stale")))).isTrue();
        assertThat(LostRaces.isLostRace(new ConcurrentChangeException("same bytes stored first", null))).isTrue();
    }

    @Test
    void aBrokenForeignKeyIsNoLostRaceButItsParentWasDeleted() {
        // a link left behind by a bug broke a key at a delete, and was answered 409 "changed at the same moment"
        SQLException pg = new SQLException("violates foreign key constraint", "23503");
        SQLException h2 = new SQLException("Referential integrity: parent missing", "23506");
        assertThat(LostRaces.isLostRace(wrapped(pg))).isFalse();
        assertThat(LostRaces.isLostRace(wrapped(h2))).isFalse();
        assertThat(LostRaces.isParentDeleted(wrapped(pg))).isTrue();
        assertThat(LostRaces.isParentDeleted(wrapped(h2))).isTrue();
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "", new int[0]);
        batch.setNextException(pg);
        assertThat(LostRaces.isParentDeleted(new EJBException(batch))).isTrue();
        assertThat(LostRaces.isParentDeleted(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
    }

    @Test
    void aRetriedCallIsMadeAgainWhileItLosesRacesThenItsLastFailureStands() {
        int[] calls = {0};
        assertThat(LostRaces.retried(5, () -> {
            if (++calls[0] < 3) {
                throw new EJBException(new OptimisticLockException("stale"));
            }
            return "won";
        })).isEqualTo("won");
        assertThat(calls[0]).isEqualTo(3);

        calls[0] = 0;
        assertThatThrownBy(() -> LostRaces.retried(4, () -> {
            calls[0]++;
            throw new EJBException(new OptimisticLockException("stale"));
        })).isInstanceOf(EJBException.class);
        assertThat(calls[0]).isEqualTo(4);

        calls[0] = 0;
        assertThatThrownBy(() -> LostRaces.retried(4, () -> {
            calls[0]++;
            throw new IllegalArgumentException("refused");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls[0]).as("a refusal is not made again").isEqualTo(1);
    }

    @Test
    void aBatchReportsTheStatementsOwnFailureAsItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", new int[0]);
        SQLException outer = new SQLException("batch failed", (String) null);
        outer.setNextException(batch);
        assertThat(LostRaces.isLostRace(wrapped(outer))).isTrue();
    }

    @Test
    void otherFailuresStayWhatTheyAre() {
        assertThat(LostRaces.isLostRace(wrapped(new SQLException("value too long", "22001")))).isFalse();
        assertThat(LostRaces.isLostRace(wrapped(new SQLException("connection refused", "08001")))).isFalse();
        assertThat(LostRaces.isLostRace(new IllegalStateException("a bug"))).isFalse();
        assertThat(LostRaces.isLostRace(null)).isFalse();
    }

    private static RuntimeException wrapped(SQLException e) {
        return new EJBException(new PersistenceException("could not execute statement", e));
    }
}
