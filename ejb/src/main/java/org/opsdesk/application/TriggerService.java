package org.opsdesk.application;

import java.time.Instant;
import java.util.List;

/**
 * Triggers (Zammad's triggers, RT's scrips on create and on correspond, Znuny's postmaster filters): what OpsDesk does
 * by itself to a new ticket that matches, whether it came by mail, through the API or the agent UI, or from
 * monitoring (not a ticket an agent splits off: that one is made by hand), or to one a customer's mail lands on.
 * Every agent may read them (the history names the trigger that changed a ticket); admins create, change and delete them.
 */
public interface TriggerService {

    /** The most triggers there may be. */
    int MAX_TRIGGERS = 200;

    /**
     * When a trigger applies; each part null when any ticket matches it.
     *
     * @param channel {@code mail}, {@code api} (the API and the agent UI) or {@code monitoring}
     * @param subject words the subject contains, in any case
     * @param body words the first message contains, in any case (on reply: words the reply's author wrote, not the
     *        lines quoted)
     * @param requester a requester's address, or {@code @domain} for that domain and its subdomains
     * @param organization the name of an organization one of the requesters belongs to
     * @param on the events it runs on: {@code create} (a new ticket), {@code reply} (a customer's mail landing on a
     *        ticket; {@code body} then looks in that mail), or both; null: {@code create} for a new trigger, as it
     *        was for a changed one
     */
    record Conditions(String queue, String channel, String subject, String body, String requester,
            String organization, List<String> on) {
    }

    /** What a trigger does; each part null (or empty) when it leaves that part alone. {@code owner}: an agent's login. */
    record Actions(String queue, String priority, String owner, List<String> addTags) {
    }

    record TriggerView(long id, String name, boolean active, Conditions conditions, Actions actions,
            Instant updatedAt) {
    }

    /** A trigger to create, or the whole new definition of one; {@code active} null: active, or as it was. */
    record TriggerCommand(String name, Boolean active, Conditions conditions, Actions actions) {
    }

    List<TriggerView> list(Caller caller);

    TriggerView create(TriggerCommand command, Caller caller);

    TriggerView update(long id, TriggerCommand command, Caller caller);

    void delete(long id, Caller caller);
}
