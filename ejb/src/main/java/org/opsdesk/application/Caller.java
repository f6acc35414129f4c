package org.opsdesk.application;

/** Who is calling a use case: an authenticated agent's login and whether they are an admin. */
public record Caller(String login, String displayName, boolean admin) {
}
