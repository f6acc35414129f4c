package org.opsdesk.web.security;

import jakarta.enterprise.context.ApplicationScoped;

/** The one list of what may be called without credentials; everything else under /api needs them. */
@ApplicationScoped
public class PublicPaths {

    public boolean needsAuthentication(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
