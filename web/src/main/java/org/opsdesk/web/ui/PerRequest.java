package org.opsdesk.web.ui;

import java.util.function.Supplier;

import jakarta.faces.context.FacesContext;

/**
 * A value computed once per request: a page asks for it several times while it renders (a condition, then a loop),
 * and each answer costs queries.
 */
public final class PerRequest {

    private PerRequest() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T once(String key, Supplier<T> compute) {
        return (T) FacesContext.getCurrentInstance().getAttributes().computeIfAbsent(key, k -> compute.get());
    }
}
