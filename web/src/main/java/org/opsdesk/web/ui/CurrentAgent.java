package org.opsdesk.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.opsdesk.application.Caller;
import org.opsdesk.web.security.Callers;

/** The logged-in agent of this request ({@code #{me}} in views). */
@Named("me")
@RequestScoped
public class CurrentAgent {

    @Inject
    HttpServletRequest request;

    public Caller caller() {
        return Callers.of(request).orElseThrow(() -> new IllegalStateException("No agent is logged in."));
    }

    public String getLogin() {
        return caller().login();
    }

    public boolean isAdmin() {
        return caller().admin();
    }
}
