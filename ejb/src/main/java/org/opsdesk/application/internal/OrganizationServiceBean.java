package org.opsdesk.application.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opsdesk.application.Caller;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.OrganizationService;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.Organization;
import org.opsdesk.infrastructure.persistence.OrganizationRepository;
import org.opsdesk.infrastructure.persistence.PersonRepository;

/** Organizations, and their customers kept with their domains. */
@Stateless
public class OrganizationServiceBean implements OrganizationService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    PersonRepository people;

    @Inject
    org.opsdesk.infrastructure.persistence.TriggerRepository triggers;

    @Inject
    Clock clock;

    @Override
    public List<OrganizationView> list(Caller caller) {
        Agents.require(people, caller);
        Map<Long, Long> counts = organizations.customerCounts();
        return organizations.all(MAX_LISTED).stream().map(o -> view(o, counts.getOrDefault(o.id(), 0L))).toList();
    }

    @Override
    public OrganizationView get(String name, Caller caller) {
        Agents.require(people, caller);
        Organization o = find(name);
        return view(o, organizations.customerCounts().getOrDefault(o.id(), 0L));
    }

    @Override
    public OrganizationView create(OrganizationCommand c, Caller caller) {
        Admins.require(caller, "create organizations");
        if (organizations.byName(c.name()).isPresent()) {
            throw DomainException.conflict("organization_exists", "An organization named '"
                    + Organization.validName(c.name()) + "' exists already.");
        }
        Organization o = new Organization(c.name(), clock.instant());
        o.describe(c.note(), clock.instant());
        atDomains(o, c.domains() == null ? List.of() : c.domains());
        organizations.add(o);
        return get(o.name(), caller);
    }

    @Override
    public OrganizationView update(String name, OrganizationCommand c, Caller caller) {
        Admins.require(caller, "change organizations");
        Organization o = find(name);
        if (c.name() != null) {
            organizations.byName(c.name()).filter(other -> !other.equals(o)).ifPresent(other -> {
                throw DomainException.conflict("organization_exists", "An organization named '" + other.name()
                        + "' exists already.");
            });
            String oldName = o.name();
            o.rename(c.name(), clock.instant());
            if (!oldName.equals(o.name())) {
                // the saved views filtering by it follow it; one whose query the new name makes too long keeps the old
                // one (it lists nothing until its owner saves it again)
                for (org.opsdesk.domain.party.SavedView v : people.viewsByOrganization()) {
                    try {
                        v.organizationRenamed(oldName, o.name(), clock.instant());
                    } catch (DomainException tooLong) {
                        // left as it was
                    }
                }
            }
        }
        if (c.note() != null) {
            o.describe(c.note(), clock.instant());
        }
        if (c.domains() != null) {
            atDomains(o, c.domains());
        }
        return get(o.name(), caller);
    }

    @Override
    public void delete(String name, Caller caller) {
        Admins.require(caller, "delete organizations");
        delete(find(name));
    }

    @Override
    public void delete(long id, Caller caller) {
        Admins.require(caller, "delete organizations");
        delete(organizations.byId(id).orElseThrow(() -> new NotFoundException("organization_not_found",
                "There is no organization " + id + " (deleted meanwhile?).")));
    }

    private void delete(Organization o) {
        List<String> naming = triggers.namesNaming(o);
        if (!naming.isEmpty()) {
            throw DomainException.conflict("organization_in_use", (naming.size() == 1 ? "The trigger " : "The triggers ")
                    + String.join(", ", naming) + " name organization " + o.name() + "; change or delete "
                    + (naming.size() == 1 ? "it" : "them") + " first.");
        }
        organizations.remove(o);
        org.opsdesk.application.LostRaces.flush(organizations::flush, () -> DomainException.conflict(
                "organization_in_use", "A trigger came to name organization " + o.name() + " as it was being deleted;"
                        + " change or delete it first."));
    }

    /** A domain belongs to one organization: its customers' mail must have one company. */
    private void atDomains(Organization o, List<String> domains) {
        // checked before the organization changes: the query would flush the change, and a taken domain fail in the
        // database
        List<String> valid = domains.stream().filter(d -> d != null && !d.isBlank()).map(Organization::validDomain)
                .distinct().toList();
        if (valid.size() > Organization.MAX_DOMAINS) {
            o.atDomains(valid, clock.instant()); // refuses them, before a query sends them all
        }
        Map<String, String> taken = organizations.namesAt(valid, o);
        if (!taken.isEmpty()) {
            Map.Entry<String, String> first = taken.entrySet().iterator().next();
            throw DomainException.conflict("domain_taken", first.getKey() + " is a domain of the organization '"
                    + first.getValue() + "' already: each domain leads to one organization.");
        }
        o.atDomains(valid, clock.instant());
    }

    private Organization find(String name) {
        return organizations.byName(name).orElseThrow(() -> new NotFoundException("organization_not_found",
                "There is no organization '" + name + "'."));
    }

    private static OrganizationView view(Organization o, long customers) {
        return new OrganizationView(o.id(), o.name(), o.domains(), o.note(), customers, o.updatedAt());
    }
}
