package org.opsdesk.application.internal;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.domain.party.Person;
import org.opsdesk.infrastructure.config.Settings;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.security.PasswordHasher;
import org.opsdesk.infrastructure.security.Secrets;

/**
 * On the first start (no admin yet) creates the agent {@code admin} with OPSDESK_ADMIN_PASSWORD, or a
 * random password printed once to the log.
 */
@Stateless
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    PersonRepository people;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    public void ensureAdmin() {
        if (people.anyAdmin()) {
            return;
        }
        boolean given = settings.adminPassword().isPresent();
        String password = settings.adminPassword().orElseGet(() -> Secrets.random(18));
        Person admin = people.agent("admin").orElseGet(() -> {
            Person p = Person.agent("admin", "Administrator", null, true, clock.instant());
            people.add(p);
            return p;
        });
        admin.grantAdmin(true);
        admin.enable(); // no active admin is left: 'admin' is the way back in
        admin.changePassword(new PasswordHasher(settings.passwordIterations()).hash(password));
        if (given) {
            LOG.info("Created the agent 'admin' with the password from OPSDESK_ADMIN_PASSWORD.");
        } else {
            LOG.warning("Created the agent 'admin' with the generated password: " + password
                    + "   (shown this once; change it, or set OPSDESK_ADMIN_PASSWORD before the first start)");
        }
    }
}
