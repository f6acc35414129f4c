package org.opsdesk.web.security;

/** The container roles of a logged-in caller: every agent has {@code agent}, admins also {@code admin}. */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
