package org.opsdesk.application;

import java.time.Instant;
import java.util.List;

/**
 * Organizations (Zammad's organizations, Znuny's customer companies): every agent lists them; admins create,
 * change and delete them. Their customers are the people at their domains.
 */
public interface OrganizationService {

    /** The most organizations listed. */
    int MAX_LISTED = 1000;

    /** An organization as shown; {@code customers}: how many people are at its domains. */
    record OrganizationView(long id, String name, List<String> domains, String note, long customers,
            Instant updatedAt) {
    }

    /** An organization to create, or the changes to one ({@code null}: unchanged; {@code domains}: the whole list). */
    record OrganizationCommand(String name, List<String> domains, String note) {
    }

    List<OrganizationView> list(Caller caller);

    OrganizationView get(String name, Caller caller);

    OrganizationView create(OrganizationCommand command, Caller caller);

    OrganizationView update(String name, OrganizationCommand command, Caller caller);

    void delete(String name, Caller caller);

    /**
     * Deletes the organization {@code id}: the one a list showed, whatever another admin renamed or created since (by
     * name, a row renamed meanwhile, and another made with its old name, would delete the new one).
     */
    void delete(long id, Caller caller);
}
