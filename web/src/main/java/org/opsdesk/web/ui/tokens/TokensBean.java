package org.opsdesk.web.ui.tokens;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.AgentService;
import org.opsdesk.application.AgentService.NewToken;
import org.opsdesk.application.AgentService.TokenView;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;

/**
 * My API tokens ({@code tokens.xhtml}). A new token's secret is shown in the answer to the form post
 * only (no redirect, nothing stored), so it appears exactly once.
 */
@Named("tokens")
@ViewScoped
public class TokensBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AgentService agents;

    @Inject
    CurrentAgent me;

    private String name;
    private transient String secret;

    public List<TokenView> getTokens() {
        return agents.tokens(me.caller());
    }

    public String create() {
        try {
            NewToken created = agents.createToken(name, me.caller());
            secret = created.secret();
            Messages.info("Token " + created.token().name() + " created. Copy the secret now: it is not shown again.");
            name = null;
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        return null;
    }

    public String revoke(long id) {
        try {
            agents.revokeToken(id, me.caller());
            Messages.info("Token revoked.");
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        secret = null;
        return null;
    }

    /** The secret of the token just created, in this response only. */
    public String getSecret() {
        return secret;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
