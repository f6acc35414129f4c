package org.opsdesk.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V39 on a database of tickets answered before V30 kept when (an in-memory H2 migrated by the real migrations): each
 * takes the first response its history shows, and a ticket nobody answered stays unanswered.
 */
class FirstResponseMigrationTest {

    private static final String URL = "jdbc:h2:mem:v39;DB_CLOSE_DELAY=-1";

    @Test
    void ticketsAnsweredBeforeTheServiceLevelsKeptItTakeTheirFirstResponseFromTheirHistory() throws SQLException {
        migrate("38");
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            // queues and people are beside the point: their keys are not checked for these rows
            s.execute("SET REFERENTIAL_INTEGRITY FALSE");
            // two replies by agents: the first is the first response
            ticket(s, 1, false, null, null);
            history(s, 1, "10:20", "alice", "REPLY_ADDED", null);
            history(s, 1, "10:05", "bob", "REPLY_ADDED", null);
            // a customer's ticket that an agent took but never answered: the customer still waits
            ticket(s, 2, false, null, null);
            history(s, 2, "10:01", "alice", "OWNER", "alice");
            history(s, 2, "10:02", "carol@customer.example", "INBOUND_ADDED", null);
            // monitoring's ticket: a trigger's assignment is no one looking; an agent taking it is
            ticket(s, 3, true, null, null);
            history(s, 3, "10:01", "system", "OWNER", "oncall");
            history(s, 3, "10:04", "oncall", "OWNER", null); // released
            history(s, 3, "10:07", "alice", "OWNER", "alice");
            // answered since V30: left as it is
            ticket(s, 4, false, null, "09:00");
            history(s, 4, "10:30", "alice", "REPLY_ADDED", null);
            // a ticket merged into another: the target holds its reply, answered when it was
            ticket(s, 5, false, null, null);
            ticket(s, 6, false, 5L, null);
            history(s, 6, "10:03", "bob", "REPLY_ADDED", null);
            // nothing but the customer's mail
            ticket(s, 7, false, null, null);
            history(s, 7, "10:00", "carol@customer.example", "INBOUND_ADDED", null);
            // merged into a ticket merged on in turn: the last one holds the reply
            ticket(s, 10, false, null, null);
            ticket(s, 9, false, 10L, null);
            ticket(s, 8, false, 9L, null);
            history(s, 8, "10:02", "alice", "REPLY_ADDED", null);
            // a ticket answered later than the one merged into it: the earlier first response of the two
            ticket(s, 11, false, null, null);
            history(s, 11, "10:10", "alice", "REPLY_ADDED", null);
            ticket(s, 12, false, 11L, null);
            history(s, 12, "10:04", "bob", "REPLY_ADDED", null);
        }

        migrate(null);

        Map<Long, String> firstResponses = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT number, first_response_at FROM ticket ORDER BY number")) {
            while (r.next()) {
                java.time.OffsetDateTime at = r.getObject(2, java.time.OffsetDateTime.class);
                firstResponses.put(r.getLong(1), at == null ? null : at.toLocalTime().toString());
            }
        }
        Map<Long, String> expected = new LinkedHashMap<>();
        expected.put(1L, "10:05");
        expected.put(2L, null);
        expected.put(3L, "10:07");
        expected.put(4L, "09:00");
        expected.put(5L, "10:03");
        expected.put(6L, "10:03");
        expected.put(7L, null);
        expected.put(8L, "10:02");
        expected.put(9L, "10:02");
        expected.put(10L, "10:02");
        expected.put(11L, "10:04");
        expected.put(12L, "10:04");
        assertThat(firstResponses).isEqualTo(expected);
    }

    private static void migrate(String target) {
        var config = Flyway.configure(FirstResponseMigrationTest.class.getClassLoader())
                .dataSource(URL, "sa", "").locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private static String at(String time) {
        return "TIMESTAMP WITH TIME ZONE '2026-11-02 " + time + ":00+00:00'";
    }

    private static void ticket(Statement s, long number, boolean monitoring, Long mergedInto, String firstResponse)
            throws SQLException {
        s.executeUpdate("INSERT INTO ticket (number, version, subject, queue_id, priority, status, created_at,"
                + " updated_at, priority_rank, merged_into, opened_by_monitoring, first_response_at) VALUES (" + number
                + ", 0, 'subject', 1, 'NORMAL', 'open', " + at("09:00") + ", " + at("09:00") + ", 1, " + mergedInto + ", "
                + monitoring + ", " + (firstResponse == null ? "NULL" : at(firstResponse)) + ")");
    }

    private static void history(Statement s, long ticket, String time, String actor, String kind, String newValue)
            throws SQLException {
        s.executeUpdate("INSERT INTO ticket_history (ticket_number, at, actor, kind, new_value) VALUES (" + ticket
                + ", " + at(time) + ", '" + actor + "', '" + kind + "', "
                + (newValue == null ? "NULL" : "'" + newValue + "'") + ")");
    }
}
