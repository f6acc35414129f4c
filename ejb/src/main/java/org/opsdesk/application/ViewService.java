package org.opsdesk.application;

import java.time.Instant;
import java.util.List;

/**
 * Saved views (RT's saved searches, Zammad's overviews): a ticket list's filters and sort under a name, an agent's own
 * or shared with every agent. The query is the agent UI's queue view query string; the caller gives it normalised.
 */
public interface ViewService {

    /** A saved view as its readers see it; {@code mine}: the caller's own (theirs to change and delete). */
    record SavedViewView(long id, String name, String query, boolean shared, String owner, boolean mine,
            Instant updatedAt) {
    }

    /** What a save did: {@code created} a new view, or saved the caller's view of that name again. */
    record Saved(SavedViewView view, boolean created) {
    }

    /**
     * The caller's views and the ones other active agents share, by name (the caller's own first where names tie), at
     * most 200. A name is the caller's view's whatever its case: "urgent" saves "Urgent" again.
     */
    List<SavedViewView> views(Caller caller);

    /**
     * Saves {@code query} under {@code name}: a new view, or the caller's view of that name saved again (its filters
     * and sharing replaced). At most {@code SavedView.MAX_PER_AGENT} views an agent (400 {@code too_many_views}).
     */
    Saved save(String name, String query, boolean shared, Caller caller);

    /** Deletes a view: its owner's, or any admin's to delete (a shared one of an agent who left); 404 otherwise. */
    void delete(long id, Caller caller);
}
