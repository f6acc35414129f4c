package org.opsdesk.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

import org.opsdesk.application.Caller;
import org.opsdesk.web.security.Callers;

/** The authenticated caller of this request, as the application API wants it. */
@RequestScoped
public class CallerProducer {

    @Inject
    HttpServletRequest request;

    public Caller caller() {
        return Callers.of(request).orElseThrow(() -> new NotAuthorizedException("Basic realm=\"OpsDesk\""));
    }
}
