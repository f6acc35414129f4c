package org.opsdesk.web.rest.alert;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.opsdesk.application.AlertService;
import org.opsdesk.web.security.Callers;

/**
 * Checks the source's secret of a {@link SecretBeforeBody} intake before the body is read: JAX-RS reads the body to
 * call the method, so a check inside the method came after the parsing (a wrong secret with a malformed body got 400
 * instead of 401). Callers with credentials are authenticated as everywhere else; without {@code ?secret=} the intake
 * refuses them itself.
 */
@Provider
@SecretBeforeBody
@Priority(Priorities.AUTHENTICATION)
public class SecretBeforeBodyFilter implements ContainerRequestFilter {

    @EJB
    AlertService alerts;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        MultivaluedMap<String, String> query = context.getUriInfo().getQueryParameters();
        String secret = query.getFirst("secret");
        if (secret == null || Callers.of(request).isPresent()) {
            return;
        }
        String source = query.getFirst("source");
        if (source == null) {
            source = defaultSource(resource.getResourceMethod());
        }
        if (source != null) { // else the body names the source, and the intake checks the secret once it has read it
            alerts.checkSecret(source, secret);
        }
    }

    /** The {@code @DefaultValue} of the intake's {@code source} query parameter, if it has one. */
    private static String defaultSource(Method intake) {
        for (Parameter p : intake.getParameters()) {
            QueryParam name = p.getAnnotation(QueryParam.class);
            DefaultValue value = p.getAnnotation(DefaultValue.class);
            if (name != null && name.value().equals("source") && value != null) {
                return value.value();
            }
        }
        return null;
    }
}
