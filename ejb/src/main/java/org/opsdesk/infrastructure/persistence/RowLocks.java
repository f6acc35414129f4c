package org.opsdesk.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Row locks by id, held until the transaction ends: the one place for them, and for the rule on rows naming a parent
 * that an admin may delete at the same moment (an organization a trigger names, an alert source its first alerts
 * name). PostgreSQL's foreign key check takes a share lock on the parent, so such an insert and the parent's delete
 * come one after the other there, and the loser fails on the key. H2's reads the parent as last committed, so both
 * commit and leave a row naming nothing: there the parent's row is locked first ({@link #holdParent}; H2 has no shared
 * row lock, so it is {@code FOR UPDATE}, taken only in short transactions and only while the parent may still be
 * deleted), and the delete, which locks the row it deletes, waits for the insert's commit and then fails on the key,
 * or the insert finds the parent gone. (A host's first alert marks it as monitored instead: see Host#monitoredNow.)
 */
@ApplicationScoped
public class RowLocks {

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/OpsDeskDS")
    DataSource dataSource;

    private static volatile Boolean postgres;

    /**
     * Locks the row {@code id} of {@code table} until the transaction ends; false when there is none (deleted
     * meanwhile). A query, not a refresh with a lock: a refresh of a row deleted meanwhile throws, and marks the whole
     * transaction for rollback.
     */
    public boolean lock(String table, long id) {
        return !em.createNativeQuery("select id from " + table + " where id = ? for update").setParameter(1, id)
                .getResultList().isEmpty();
    }

    /**
     * Before a row naming parent {@code id} of {@code table} is inserted: on H2 locks the parent's row (false when it
     * is gone); on PostgreSQL does nothing (true), its foreign key's own share lock is enough and an exclusive one
     * would make every insert naming the parent wait for the others.
     */
    public boolean holdParent(String table, long id) {
        return postgres() || lock(table, id);
    }

    /** Whether the database is PostgreSQL (else H2). */
    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                known = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database apart", e);
            }
            postgres = known;
        }
        return known;
    }
}
