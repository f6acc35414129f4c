package org.opsdesk.search;

/**
 * Who is searching. An agent sees everything, internal notes included; a customer ({@code agent ==
 * false}) sees pages and only the tickets whose requester is their login (an e-mail address), and
 * never internal notes.
 *
 * @param login the agent's login or the customer's e-mail address
 * @param agent whether the viewer is an agent
 */
public record Viewer(String login, boolean agent) {

    /** An agent with the given login. */
    public static Viewer agent(String login) {
        return new Viewer(login, true);
    }

    /** A customer identified by e-mail address. */
    public static Viewer customer(String email) {
        return new Viewer(email, false);
    }
}
