package org.opsdesk.domain.party;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.OneLine;

/**
 * A ticket list saved under a name (RT's saved searches, Zammad's overviews): its filters and sort as the queue view's
 * query string ({@code view=mine&priority=urgent&sort=-updated}), which the agent UI reads. An agent's own, or shared
 * with every agent; its name is unique among its owner's views.
 */
@Entity
@Table(name = "saved_view")
public class SavedView {

    public static final int MAX_NAME = 100;
    public static final int MAX_QUERY = 2000;
    /** The most views one agent may save. */
    public static final int MAX_PER_AGENT = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", updatable = false)
    private Person owner;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false, length = MAX_QUERY)
    private String query;

    @Column(nullable = false)
    private boolean shared;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SavedView() {
        // JPA
    }

    public SavedView(Person owner, String name, String query, boolean shared, Instant now) {
        if (owner == null || !owner.canWorkTickets()) {
            throw DomainException.forbidden("agent_required", "Only an active agent saves views.");
        }
        this.owner = owner;
        this.name = validName(name);
        this.createdAt = now;
        change(query, shared, now);
    }

    /** A view's name as stored: on one line, 1-{@value #MAX_NAME} characters (400 {@code invalid_view_name}). */
    public static String validName(String name) {
        return OneLine.name(name, MAX_NAME, "invalid_view_name", "A view");
    }

    /** A query string as the queue view writes it: names and URL-encoded values, nothing a link could misread. */
    private static final java.util.regex.Pattern QUERY = java.util.regex.Pattern.compile("[A-Za-z0-9=&%+._*-]*");

    /** Saved again under its name: the new filters, shared or not. */
    public void change(String newQuery, boolean nowShared, Instant now) {
        if (newQuery == null || newQuery.length() > MAX_QUERY || !QUERY.matcher(newQuery).matches()) {
            throw DomainException.invalid("invalid_view_query", "A view's query is the list's query string, such as"
                    + " view=mine&priority=urgent, its values URL-encoded, at most " + MAX_QUERY + " characters.");
        }
        this.query = newQuery;
        this.shared = nowShared;
        this.updatedAt = now;
    }

    /**
     * An organization was renamed: a view filtering by its old name ({@code organization=}, in any case) filters by
     * the new one, so that it goes on listing the same tickets. Answers whether the view changed.
     */
    public boolean organizationRenamed(String oldName, String newName, Instant now) {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        String[] params = query.split("&", -1);
        boolean changed = false;
        for (int i = 0; i < params.length; i++) {
            if (params[i].startsWith("organization=") && java.net.URLDecoder.decode(params[i].substring(13), utf8)
                    .strip().equalsIgnoreCase(oldName)) {
                params[i] = "organization=" + java.net.URLEncoder.encode(newName, utf8);
                changed = true;
            }
        }
        if (changed) {
            change(String.join("&", params), shared, now);
        }
        return changed;
    }

    /**
     * Whether {@code agent} may delete it: its owner, or, for a shared one (whose owner left), an admin. Another
     * agent's own view is theirs alone, as nobody else sees it.
     */
    public boolean mayBeDeletedBy(Person agent) {
        return agent.equals(owner) || (shared && agent.isAdmin());
    }

    public Long id() {
        return id;
    }

    public Person owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String query() {
        return query;
    }

    public boolean shared() {
        return shared;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
