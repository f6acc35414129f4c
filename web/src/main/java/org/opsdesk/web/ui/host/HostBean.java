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

    public String save() {
        try {
            List<String> tagList = tags == null ? List.of()
                    : List.of(tags.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            HostView saved = alerts.updateHost(name, new HostCommand(null, null, tagList, notes == null ? "" : notes), me.caller());
            Messages.info("Host " + saved.name() + " saved.");
            return Redirects.to("/host.xhtml?name=" + saved.name());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
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
