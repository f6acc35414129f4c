package org.opsdesk.web.ui.admin;

import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.opsdesk.application.AlertService;
import org.opsdesk.application.AlertService.SourceCommand;
import org.opsdesk.application.AlertService.SourceView;
import org.opsdesk.application.QueueService;
import org.opsdesk.application.QueueService.QueueView;
import org.opsdesk.web.ui.AsShown;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;

/**
 * Alert sources ({@code admin/alert-sources.xhtml}): the monitoring systems that may open tickets, each with its
 * queue, whether a recovery resolves, its severity-to-priority map, its secret and the senders of its monitoring
 * mail; one form adds a source or, with {@code ?edit=name}, changes one. A secret made here is shown in the answer
 * to that post only (no redirect, nothing kept), as a new API token's is.
 */
@Named("adminAlertSources")
@ViewScoped
public class AdminAlertSourcesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AlertService alerts;

    @EJB
    QueueService queues;

    @Inject
    CurrentAgent me;

    private final AsShown<List<SourceView>> shown = new AsShown<>();
    private String editing;
    private boolean editingHasSecret;
    private String name;
    private String queue;
    private boolean resolveOnRecovery = true;
    /** One {@code severity = priority} a line. */
    private String priorities;
    /** Addresses or {@code @domain}s, one a line (or separated by spaces or commas). */
    private String mailSenders;
    private boolean generateSecret = true;
    private transient String secret;
    private transient String secretOf;

    @PostConstruct
    void init() {
        String edit = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("edit");
        if (edit == null || edit.isBlank()) {
            return;
        }
        alerts.sources(me.caller()).stream().filter(s -> s.name().equals(edit)).findFirst().ifPresentOrElse(s -> {
            editing = s.name();
            editingHasSecret = s.hasSecret();
            name = s.name();
            queue = s.queue();
            resolveOnRecovery = s.resolveOnRecovery();
            priorities = s.priorities().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining("\n"));
            mailSenders = String.join("\n", s.mailSenders());
            generateSecret = false;
        }, () -> Messages.error("There is no alert source '" + edit + "'."));
    }

    /** {@code f:viewAction}: creates the bean (reading {@code ?edit=}) before the page renders its messages. */
    public void ready() {
        // the work is in init()
    }

    /** The sources; at a click, as the page showed them (a row's Delete is found by its position). */
    public List<SourceView> getSources() {
        return shown.get(() -> alerts.sources(me.caller()));
    }

    public List<String> getQueueNames() {
        return queues.list().stream().map(QueueView::name).toList();
    }

    public String save() {
        secret = null; // shown once: not again in the answer to another action
        secretOf = null;
        Map<String, String> map;
        try {
            map = priorityMap(priorities);
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage());
            return null;
        }
        List<String> senders = mailSenders == null ? List.of()
                : Arrays.stream(mailSenders.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
        SourceCommand command = new SourceCommand(name, queue, resolveOnRecovery, map, null,
                generateSecret ? Boolean.TRUE : null, null, senders);
        SourceView saved;
        try {
            saved = editing == null ? alerts.createSource(command, me.caller())
                    : alerts.updateSource(editing, command, me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        if (saved.secret() != null) {
            return showSecret(saved);
        }
        Messages.info(editing == null ? "Alert source " + saved.name() + " added." : "Alert source " + editing + " saved.");
        return Redirects.to("/admin/alert-sources.xhtml");
    }

    /** A new secret for the source being edited (the old one stops working at once). */
    public String newSecret() {
        secret = null; // shown once: not again in the answer to another action
        secretOf = null;
        try {
            return showSecret(alerts.updateSource(editing, new SourceCommand(null, null, null, null, null, true, null,
                    null), me.caller()));
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    public String removeSecret() {
        secret = null; // shown once: not again in the answer to another action
        secretOf = null;
        try {
            alerts.updateSource(editing, new SourceCommand(null, null, null, null, null, null, true, null), me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Alert source " + editing + " has no secret now: only signed-in callers may send its alerts.");
        return Redirects.to("/admin/alert-sources.xhtml?edit=" + URLEncoder.encode(editing, StandardCharsets.UTF_8));
    }

    public String delete(String source) {
        secret = null; // shown once: not again in the answer to another action
        secretOf = null;
        try {
            alerts.deleteSource(source, me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Alert source " + source + " deleted.");
        return Redirects.to("/admin/alert-sources.xhtml");
    }

    /** The page answers the post itself (no redirect), so that the secret is in this one response only. */
    private String showSecret(SourceView saved) {
        secret = saved.secret();
        secretOf = saved.name();
        editing = saved.name();
        editingHasSecret = true;
        name = saved.name();
        generateSecret = false;
        Messages.info("Alert source " + saved.name() + " saved with a new secret. Copy it now: it is not shown again.");
        return null;
    }

    /**
     * Reads {@code severity = priority} lines (also {@code severity: priority}); blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the line that is neither
     */
    static Map<String, String> priorityMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("[=:]", 2);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("Write each priority as severity = priority (critical = urgent),"
                        + " not \"" + (line.length() > 60 ? line.substring(0, 60) + "…" : line.strip()) + "\".");
            }
            map.put(parts[0].strip(), parts[1].strip());
        }
        return map;
    }

    /** A source's priority map as the list shows it: {@code critical → urgent, warning → high}. */
    public String priorityText(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " → " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Where this server takes the source's alerts, for the monitoring's configuration. */
    public Map<String, String> webhooks(String source) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        // the address this page was asked at (a default port left out), with the intake's path
        String base = URI.create(request.getRequestURL().toString())
                .resolve(request.getContextPath() + "/api/alerts").toString();
        String query = "?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8);
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("Alertmanager", base + "/alertmanager" + query);
        urls.put("Nagios / Icinga", base + "/nagios" + query);
        urls.put("Generic JSON", base + query);
        return urls;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getEditingName() {
        return editing;
    }

    public boolean isEditingHasSecret() {
        return editingHasSecret;
    }

    /** The secret just made, in this response only. */
    public String getSecret() {
        return secret;
    }

    public String getSecretOf() {
        return secretOf;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public boolean isResolveOnRecovery() {
        return resolveOnRecovery;
    }

    public void setResolveOnRecovery(boolean resolveOnRecovery) {
        this.resolveOnRecovery = resolveOnRecovery;
    }

    public String getPriorities() {
        return priorities;
    }

    public void setPriorities(String priorities) {
        this.priorities = priorities;
    }

    public String getMailSenders() {
        return mailSenders;
    }

    public void setMailSenders(String mailSenders) {
        this.mailSenders = mailSenders;
    }

    public boolean isGenerateSecret() {
        return generateSecret;
    }

    public void setGenerateSecret(boolean generateSecret) {
        this.generateSecret = generateSecret;
    }
}
