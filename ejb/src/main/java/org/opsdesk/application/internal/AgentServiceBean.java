package org.opsdesk.application.internal;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.AgentService;
import org.opsdesk.application.AuthenticationService;
import org.opsdesk.application.Caller;
import org.opsdesk.application.LoginThrottledException;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.ApiToken;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;
import org.opsdesk.infrastructure.config.Settings;
import org.opsdesk.infrastructure.persistence.AppLocks;
import org.opsdesk.infrastructure.persistence.PersonRepository;
import org.opsdesk.infrastructure.security.PasswordHasher;
import org.opsdesk.infrastructure.security.Secrets;
import org.opsdesk.infrastructure.security.VerifiedCredentials;

@Stateless
public class AgentServiceBean implements AgentService {

    /** Prefix of every token secret, so leaked tokens are easy to recognise. */
    static final String TOKEN_PREFIX = "odt_";
    static final int MIN_PASSWORD = 10;

    @Inject
    PersonRepository people;

    @Inject
    AppLocks locks;

    @Inject
    Settings settings;

    @Inject
    VerifiedCredentials verified;

    @EJB
    AuthenticationService authentication;

    @Inject
    Clock clock;

    @Override
    public List<AgentView> list(Caller caller) {
        Agents.require(people, caller);
        return people.agents().stream().map(AgentServiceBean::view).toList();
    }

    @Override
    public AgentView get(String login, Caller caller) {
        Agents.require(people, caller);
        return view(find(login));
    }

    @Override
    public AgentView create(CreateAgent c, Caller caller) {
        Admins.require(caller, "create agents");
        String login = Person.normalizeLogin(c.login());
        if (people.agent(login).isPresent()) {
            throw DomainException.conflict("agent_exists", "An agent '" + login + "' exists already.");
        }
        EmailAddress email = c.email() == null || c.email().isBlank() ? null : EmailAddress.of(c.email());
        Person agent;
        if (email != null && people.byEmail(email).isPresent()) {
            agent = people.byEmail(email).get();
            if (agent.isAgent()) {
                throw DomainException.conflict("email_taken", "Agent " + agent.login() + " has " + email + " already.");
            }
            agent.promoteToAgent(login);
            agent.rename(c.displayName());
            agent.grantAdmin(Boolean.TRUE.equals(c.admin()));
        } else {
            agent = Person.agent(login, c.displayName(), email, Boolean.TRUE.equals(c.admin()), clock.instant());
            people.add(agent);
        }
        agent.changePassword(hash(c.password()));
        return view(agent);
    }

    @Override
    public AgentView setActive(String login, Boolean active, Caller caller) {
        Admins.require(caller, "enable or disable agents");
        if (active == null) {
            // an absent or misspelt field must not re-enable the account an admin meant to disable
            throw DomainException.invalid("active_required", "Send {\"active\": true} or {\"active\": false}.");
        }
        Person p = find(login);
        if (!active && p.login().equals(caller.login())) {
            throw DomainException.conflict("self_disable", "You cannot disable yourself.");
        }
        if (active) {
            p.enable();
        } else {
            p.disable();
            if (p.isAdmin()) {
                keepAnAdmin(p);
            }
            verified.forget(p.login());
        }
        return view(p);
    }

    @Override
    public AgentView setAdmin(String login, Boolean admin, Caller caller) {
        Admins.require(caller, "grant or withdraw the admin role");
        if (admin == null) {
            throw DomainException.invalid("admin_required", "Send {\"admin\": true|false}.");
        }
        Person p = find(login);
        if (!admin && p.login().equals(caller.login())) {
            throw DomainException.conflict("self_demote", "You cannot withdraw your own admin role; ask another admin.");
        }
        p.grantAdmin(admin);
        if (!admin) {
            keepAnAdmin(p);
        }
        verified.forget(p.login());
        return view(p);
    }

    /**
     * Refuses a change that leaves no active admin. Two admins disabling or demoting each other at the same moment
     * would each see the other still there; under the admins' lock (taken after this person's row is written, so
     * the change is part of what the next one reads) the second sees the first's change.
     */
    private void keepAnAdmin(Person changed) {
        people.flush();
        locks.take(AppLocks.ADMINS);
        if (!people.anotherActiveAdminThan(changed)) {
            throw DomainException.conflict("last_admin", changed.login() + " is the last active admin: make another"
                    + " agent admin first.");
        }
    }

    @Override
    public void changePassword(String login, String newPassword, String currentPassword, Caller caller) {
        Agents.require(people, caller);
        Person p = find(login);
        if (!p.login().equals(caller.login()) && !caller.admin()) {
            throw DomainException.forbidden("admin_required", "Only an admin can change another agent's password.");
        }
        if (p.login().equals(caller.login())) {
            requireCurrentPassword(p, currentPassword);
        }
        p.changePassword(hash(newPassword));
        verified.forget(p.login());
    }

    /**
     * One's own password is changed knowing the current one, checked as a login is (wrong guesses count towards the
     * account's lock).
     */
    private void requireCurrentPassword(Person p, String currentPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw DomainException.invalid("current_password_required", "Give your current password as"
                    + " \"currentPassword\" to change it (an API token alone is not enough).");
        }
        boolean right;
        try {
            right = authentication.byPassword(p.login(), currentPassword, null).isPresent();
        } catch (LoginThrottledException wait) {
            throw DomainException.forbidden("too_many_failed_logins", "Too many wrong passwords for " + p.login()
                    + ": try again in " + Math.max(1, wait.retryAfter().toSeconds()) + " s.");
        }
        if (!right) {
            throw DomainException.forbidden("current_password_wrong", "The current password is wrong.");
        }
    }

    @Override
    public NewToken createToken(String name, Caller caller) {
        Person owner = Agents.require(people, caller);
        String secret = TOKEN_PREFIX + Secrets.random(32);
        ApiToken token = new ApiToken(owner, name, Secrets.sha256Hex(secret), secret.substring(0, 12),
                clock.instant());
        people.add(token);
        people.flush();
        return new NewToken(view(token), secret);
    }

    @Override
    public List<TokenView> tokens(Caller caller) {
        return people.tokensOf(Agents.require(people, caller)).stream().map(AgentServiceBean::view).toList();
    }

    @Override
    public void revokeToken(long id, Caller caller) {
        Person me = Agents.require(people, caller);
        ApiToken t = people.token(id).filter(x -> x.owner().equals(me) || caller.admin())
                .orElseThrow(() -> new NotFoundException("token_not_found", "You have no token " + id + "."));
        t.revoke(clock.instant());
    }

    private String hash(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw DomainException.invalid("weak_password",
                    "A password needs at least " + MIN_PASSWORD + " characters.");
        }
        return new PasswordHasher(settings.passwordIterations()).hash(password);
    }

    private Person find(String login) {
        return people.agent(login).orElseThrow(
                () -> new NotFoundException("agent_not_found", "There is no agent '" + login + "'."));
    }

    private static AgentView view(Person p) {
        return new AgentView(p.login(), p.displayName(), p.email() == null ? null : p.email().value(), p.isAdmin(),
                p.isActive());
    }

    private static TokenView view(ApiToken t) {
        return new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
    }
}
