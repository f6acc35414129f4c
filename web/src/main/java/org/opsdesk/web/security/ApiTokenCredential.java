package org.opsdesk.web.security;

import jakarta.security.enterprise.credential.Credential;

/** A personal API token presented as {@code Authorization: Bearer …}. */
public record ApiTokenCredential(String secret) implements Credential {
}
