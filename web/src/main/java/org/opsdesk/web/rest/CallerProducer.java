package org.opsdesk.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.opsdesk.application.Caller;
import org.opsdesk.web.security.AgentIdentityStore;

/** The authenticated caller of this request, as the application API wants it. */
@RequestScoped
public class CallerProducer {

    @Inject
    HttpServletRequest request;

    public Caller caller() {
        var principal = request.getUserPrincipal();
        if (principal == null) {
            throw new jakarta.ws.rs.NotAuthorizedException("Basic realm=\"OpsDesk\"");
        }
        return new Caller(principal.getName(), principal.getName(), request.isUserInRole(AgentIdentityStore.ADMIN));
    }
}
