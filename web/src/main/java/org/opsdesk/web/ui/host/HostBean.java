package org.opsdesk.web.ui.host;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.AlertService;
import org.opsdesk.application.AlertService.HostCommand;
import org.opsdesk.application.AlertService.HostSummary;
import org.opsdesk.application.AlertService.HostView;
import org.opsdesk.application.AlertService.NewHost;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.WikiService.PageSummary;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;

/** Hosts ({@code hosts.xhtml?q=}) and one host ({@code host.xhtml?name=}) with its runbooks; editing its notes. */
@Named("hostView")
@ViewScoped
public class HostBean implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AlertService alerts;

    @Inject
    CurrentAgent me;

    private String name;
    private String q;
    private int offset;
    private String notes;
    private String tags;
    private String address;
    private String aliases;
    /** The Add a host form. */
    private String newName;
    private String newAddress;
    private transient HostView host;
    private transient boolean loaded;

    public List<HostSummary> getHosts() {
        // the page asks for it twice while it renders (whether any, then the rows)
        return org.opsdesk.web.ui.PerRequest.once("opsdesk.hosts", () -> alerts.hosts(q, offset, me.caller()));
    }

    /** The next page of hosts, when this one is full; null otherwise. */
    public String getNextUrl() {
        if (getHosts().size() < AlertService.HOSTS_PAGE) {
            return null;
        }
        return "/hosts.xhtml?offset=" + (offset + AlertService.HOSTS_PAGE)
                + (q == null || q.isBlank() ? "" : "&q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    public int getOffset() {
        return offset;
    }

    public void setOffset(int offset) {
        this.offset = Math.max(0, offset);
    }

    public HostView getHost() {
        if (!loaded) {
            loaded = true;
            if (name != null && !name.isBlank()) {
                try {
                    host = alerts.host(name, me.caller());
                    notes = host.notes();
                    tags = String.join(", ", host.tags());
                    address = host.address();
                    aliases = String.join(", ", host.aliases());
                } catch (NotFoundException e) {
                    host = null;
                }
            }
        }
        return host;
    }

    /** Runbooks naming this host (or an alias) and runbooks for the alerts raised on it. */
    public List<PageSummary> getRunbooks() {
        HostView h = getHost();
        return h == null ? List.of() : h.runbooks();
    }

    /** A list as typed, split where {@code separators} match. */
    private static List<String> list(String text, String separators) {
        return text == null ? List.of()
                : List.of(text.split(separators)).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Adds the host typed in the hosts page's form and opens its page. */
    public String add() {
        try {
            HostView added = alerts.createHost(new NewHost(newName, newAddress, List.of(), List.of(), null),
                    me.caller());
            Messages.info("Host " + added.name() + " added.");
            return Redirects.to("/host.xhtml?name=" + java.net.URLEncoder.encode(added.name(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    /** Deletes the host (one no monitoring reported on) and goes back to the list. */
    public String delete() {
        try {
            alerts.deleteHost(name, me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Host " + name + " deleted.");
        return Redirects.to("/hosts.xhtml");
    }

    public String save() {
        try {
            HostView saved = alerts.updateHost(name, new HostCommand(address == null ? "" : address,
                    list(aliases, "[,\\s]+"), list(tags, ","), notes == null ? "" : notes), me.caller());
            Messages.info("Host " + saved.name() + " saved.");
            return Redirects.to("/host.xhtml?name=" + saved.name());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getAliases() {
        return aliases;
    }

    public void setAliases(String aliases) {
        this.aliases = aliases;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewAddress() {
        return newAddress;
    }

    public void setNewAddress(String newAddress) {
        this.newAddress = newAddress;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }
}
