package org.opsdesk.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.opsdesk.application.internal.AdminBootstrap;

/**
 * What must happen before OpsDesk answers: the schema migration, then the first admin. Other start-up
 * beans declare {@code @DependsOn("Startup")}.
 */
@Singleton
@jakarta.ejb.Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Startup {

    @EJB
    SchemaMigration schema;

    @EJB
    AdminBootstrap admin;

    @PostConstruct
    void start() {
        schema.migrate();
        admin.ensureAdmin();
    }
}
