package org.opsdesk.web.ui.admin;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.AgentService;
import org.opsdesk.application.AgentService.AgentView;
import org.opsdesk.application.AgentService.CreateAgent;
import org.opsdesk.web.ui.AsShown;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;

/** Agents ({@code admin/agents.xhtml}): create, disable and enable, reset a password. */
@Named("adminAgents")
@ViewScoped
public class AdminAgentsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AgentService agents;

    @Inject
    CurrentAgent me;

    private String login;
    private String displayName;
    private String email;
    private String password;
    private boolean admin;

    private String resetLogin;
    private String resetPassword;

    private final AsShown<List<AgentView>> shown = new AsShown<>();

    /** The agents; at a click, as the page showed them (the row buttons address rows of that list). */
    public List<AgentView> getAgents() {
        return shown.get(() -> agents.list(me.caller()));
    }

    public String create() {
        try {
            agents.create(new CreateAgent(login, displayName, email, password, admin), me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Agent " + login + " created.");
        return done();
    }

    public String setActive(String agent, boolean active) {
        try {
            agents.setActive(agent, active, me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info(agent + (active ? " can log in again." : " is disabled."));
        return done();
    }

    public String setAdmin(String agent, boolean admin) {
        try {
            agents.setAdmin(agent, admin, me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info(agent + (admin ? " is an admin now." : " is an agent without the admin role now."));
        return done();
    }

    public String reset() {
        if (resetLogin == null) {
            Messages.error("Choose the agent whose password to reset.");
            return null;
        }
        try {
            agents.changePassword(resetLogin, resetPassword, null, me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("The password of " + resetLogin + " is reset.");
        return done();
    }

    private static String done() {
        return Redirects.to("/admin/agents.xhtml");
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public String getResetLogin() {
        return resetLogin;
    }

    public void setResetLogin(String resetLogin) {
        this.resetLogin = resetLogin;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }
}
