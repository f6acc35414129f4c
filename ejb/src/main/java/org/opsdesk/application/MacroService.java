package org.opsdesk.application;

import java.time.Instant;
import java.util.List;

import org.opsdesk.application.TicketViews.TicketView;

/**
 * Macros (Zammad's macros, Znuny's ticket templates): named sets of changes every agent may apply to a ticket in
 * one go; admins create, change and delete them.
 */
public interface MacroService {

    /** The most macros there may be. */
    int MAX_MACROS = 200;

    /**
     * A macro as shown; each part null (or empty) when it leaves that part of a ticket alone.
     *
     * @param owner {@code take} or {@code release}: what the agent applying it does with the ticket's owner
     */
    record MacroView(long id, String name, String note, String status, String priority, String queue, String owner,
            List<String> addTags, List<String> removeTags, Instant updatedAt) {
    }

    /** A macro to create, or the whole new definition of one. */
    record MacroCommand(String name, String note, String status, String priority, String queue, String owner,
            List<String> addTags, List<String> removeTags) {
    }

    List<MacroView> list(Caller caller);

    MacroView create(MacroCommand command, Caller caller);

    MacroView update(long id, MacroCommand command, Caller caller);

    void delete(long id, Caller caller);

    /**
     * Applies macro {@code id} to ticket {@code number} in one transaction: its priority and queue, its note as an
     * internal comment, its tags, the owner action, then its status (one the ticket has already is left as it is);
     * {@code expectedVersion}: the version the caller saw (null: none checked). Any step refused refuses all.
     */
    TicketView apply(long number, long id, Long expectedVersion, Caller caller);
}
