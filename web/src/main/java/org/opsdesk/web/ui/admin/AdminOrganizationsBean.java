package org.opsdesk.web.ui.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.OrganizationService;
import org.opsdesk.application.OrganizationService.OrganizationCommand;
import org.opsdesk.application.OrganizationService.OrganizationView;
import org.opsdesk.web.ui.AsShown;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;

/**
 * Organizations ({@code admin/organizations.xhtml}): the list, and one form that creates an organization or, with
 * {@code ?edit=name}, changes one; each listed one can be deleted.
 */
@Named("adminOrganizations")
@ViewScoped
public class AdminOrganizationsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OrganizationService organizations;

    @Inject
    CurrentAgent me;

    /** As the page showed them: a row's Delete names the organization of that row. */
    private final AsShown<List<OrganizationView>> shown = new AsShown<>();

    private String editing;
    private String name;
    /** The domains as typed: one a line (spaces and commas separate too). */
    private String domains;
    private String note;

    @PostConstruct
    void init() {
        String edit = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("edit");
        if (edit == null || edit.isBlank()) {
            return;
        }
        try {
            OrganizationView o = organizations.get(edit, me.caller());
            editing = o.name();
            name = o.name();
            domains = String.join("\n", o.domains());
            note = o.note();
        } catch (NotFoundException | org.opsdesk.domain.DomainException e) {
            Messages.failure(e); // no such organization, or no name one could have (too long): said, not a 500
        }
    }

    /** {@code f:viewAction}: creates the bean (reading {@code ?edit=}) before the page renders its messages. */
    public void ready() {
        // the work is in init()
    }

    public List<OrganizationView> getOrganizations() {
        return shown.get(() -> organizations.list(me.caller()));
    }

    public String save() {
        List<String> typed = domains == null ? List.of() : new ArrayList<>(Arrays.stream(domains.split("[\\s,;]+"))
                .filter(d -> !d.isBlank()).toList());
        // the form shows every field, so an emptied note is cleared: the service keeps what is sent as null
        OrganizationCommand command = new OrganizationCommand(name == null ? "" : name, typed,
                note == null ? "" : note);
        try {
            if (editing == null) {
                organizations.create(command, me.caller());
            } else {
                organizations.update(editing, command, me.caller());
            }
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Organization " + name.strip() + (editing == null ? " created." : " saved.")); // refused if blank
        return Redirects.to("/admin/organizations.xhtml");
    }

    public String delete(OrganizationView o) {
        try {
            organizations.delete(o.id(), me.caller()); // the row shown, not whatever bears its name now
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Organization " + o.name() + " deleted; its customers belong to none now.");
        return Redirects.to("/admin/organizations.xhtml");
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getEditingName() {
        return editing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDomains() {
        return domains;
    }

    public void setDomains(String domains) {
        this.domains = domains;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
