package org.opsdesk.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * V36 on a database that holds mail from before it (an in-memory H2 migrated by the real migrations): each message
 * is linked to the stored mail it was read from where that is certain, and nowhere else; and from then on one stored
 * mail makes one message at most, whatever two racing deliveries of it believe.
 */
class MessageOriginalMigrationTest {

    private static final String URL = "jdbc:h2:mem:v36;DB_CLOSE_DELAY=-1";

    @Test
    void messagesReceivedBeforeAreLinkedOnlyWhereCertainAndAStoredMailMakesOneMessageAtMost() throws SQLException {
        migrate("35");
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            // tickets, queues and people are beside the point: their keys are not checked for these rows
            s.execute("SET REFERENTIAL_INTEGRITY FALSE");
            inbound(s, 1, "one@x", 10, "DELIVERED", "CREATED");
            message(s, 100, 10, "INBOUND", "one@x");
            // one Message-ID reused by two different mails, both appended to one ticket: which is which is unknown
            inbound(s, 2, "reused@x", 11, "DELIVERED", "CREATED");
            inbound(s, 3, "reused@x", 11, "DELIVERED", "APPENDED");
            message(s, 101, 11, "INBOUND", "reused@x");
            message(s, 102, 11, "INBOUND", "reused@x");
            // a message since merged into another ticket: the stored mail still names the first
            inbound(s, 4, "merged@x", 12, "DELIVERED", "CREATED");
            message(s, 103, 13, "INBOUND", "merged@x");
            // an agent's reply carries its own Message-ID, which no stored mail has
            message(s, 104, 10, "REPLY", "reply@opsdesk");
            // mail to the comment address makes an internal comment
            inbound(s, 5, "note@x", 10, "DELIVERED", "APPENDED");
            message(s, 105, 10, "COMMENT", "note@x");
            // a quarantined mail made no message, whatever a message's id says
            inbound(s, 6, "lost@x", 14, "QUARANTINED", "QUARANTINED");
            message(s, 106, 14, "INBOUND", "lost@x");
            // one mail sent to two queues: a stored mail, and a message, on each ticket
            inbound(s, 7, "both@x", 15, "DELIVERED", "CREATED");
            inbound(s, 8, "both@x", 16, "DELIVERED", "CREATED");
            message(s, 109, 15, "INBOUND", "both@x");
            message(s, 110, 16, "INBOUND", "both@x");
            // an ignored mail (a loop) added no message; one of its id on its ticket is another mail's
            inbound(s, 9, "loop@x", 17, "DELIVERED", "IGNORED");
            message(s, 111, 17, "INBOUND", "loop@x");
        }

        migrate(null);

        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            Map<Long, Long> links = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT id, inbound_mail_id FROM ticket_message ORDER BY id")) {
                while (r.next()) {
                    long mail = r.getLong(2);
                    boolean none = r.wasNull();
                    links.put(r.getLong(1), none ? null : mail);
                }
            }
            Map<Long, Long> expected = new LinkedHashMap<>();
            expected.put(100L, 1L);
            expected.put(101L, null);
            expected.put(102L, null);
            expected.put(103L, null);
            expected.put(104L, null);
            expected.put(105L, 5L);
            expected.put(106L, null);
            expected.put(109L, 7L);
            expected.put(110L, 8L);
            expected.put(111L, null);
            assertThat(links).isEqualTo(expected);
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.indexes"
                    + " WHERE index_name = 'INBOUND_MAIL_MESSAGE_ID_TMP_IX'")) {
                r.next();
                assertThat(r.getLong(1)).as("the look-up's index is dropped").isZero();
            }

            assertThatThrownBy(() -> message(s, 107, 10, "INBOUND", "one@x", 1L))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
            message(s, 108, 10, "INBOUND", "typed@x", null); // written by an agent: no mail, no limit
        }
    }

    private static void migrate(String target) {
        var config = Flyway.configure(MessageOriginalMigrationTest.class.getClassLoader())
                .dataSource(URL, "sa", "").locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private static void inbound(Statement s, long id, String messageId, long ticket, String state, String disposition)
            throws SQLException {
        s.executeUpdate("INSERT INTO inbound_mail (id, dedupe_key, sha256, message_id, source, action, received_at,"
                + " size_bytes, state, disposition, ticket_number) VALUES (" + id + ", 'k" + id + "', 'sha" + id
                + "', '" + messageId + "', 'pipe', 'correspond', CURRENT_TIMESTAMP, 10, '" + state + "', '"
                + disposition + "', " + ticket + ")");
    }

    private static void message(Statement s, long id, long ticket, String kind, String rfcMessageId)
            throws SQLException {
        s.executeUpdate("INSERT INTO ticket_message (id, ticket_number, kind, created_at, body_text, rfc_message_id)"
                + " VALUES (" + id + ", " + ticket + ", '" + kind + "', CURRENT_TIMESTAMP, 'text', '" + rfcMessageId
                + "')");
    }

    private static void message(Statement s, long id, long ticket, String kind, String rfcMessageId, Long mail)
            throws SQLException {
        s.executeUpdate("INSERT INTO ticket_message (id, ticket_number, kind, created_at, body_text, rfc_message_id,"
                + " inbound_mail_id) VALUES (" + id + ", " + ticket + ", '" + kind + "', CURRENT_TIMESTAMP, 'text', '"
                + rfcMessageId + "', " + mail + ")");
    }
}
