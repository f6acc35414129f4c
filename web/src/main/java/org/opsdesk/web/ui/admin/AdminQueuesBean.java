package org.opsdesk.web.ui.admin;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.QueueService;
import org.opsdesk.application.QueueService.QueueCommand;
import org.opsdesk.application.QueueService.QueueView;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;

/**
 * Queues ({@code admin/queues.xhtml}): the list, and one form that creates a queue or, with
 * {@code ?edit=name}, changes one (description, addresses, default, autoreply).
 */
@Named("adminQueues")
@ViewScoped
public class AdminQueuesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    QueueService queues;

    @Inject
    CurrentAgent me;

    private String editing;
    private String name;
    private String description;
    private String correspondAddress;
    private String commentAddress;
    private boolean isDefault;
    private boolean autoReply = true;
    private String autoReplyTemplate;
    private String signature;
    /** Who hears of each new ticket: one address a line (commas and spaces separate too). */
    private String notify;
    /** The service level's hours ({@code Mon-Fri 09:00-17:00 Europe/Berlin}; empty: always). */
    private String businessHours;
    private Integer warnPercent;
    /** Minutes to the first response and to the resolution, by priority code; null: no target. */
    private final java.util.Map<String, Integer> response = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> resolution = new java.util.HashMap<>();

    @PostConstruct
    void init() {
        String edit = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("edit");
        if (edit != null && !edit.isBlank()) {
            try {
                QueueView q = queues.get(edit);
                editing = q.name();
                name = q.name();
                description = q.description();
                correspondAddress = q.correspondAddress();
                commentAddress = q.commentAddress();
                isDefault = q.isDefault();
                autoReply = q.autoReply();
                autoReplyTemplate = q.autoReplyTemplateDefault() ? null : q.autoReplyTemplate();
                notify = String.join("\n", q.notifyOnNew());
                signature = q.signature();
                businessHours = q.sla().businessHours();
                warnPercent = q.sla().warnPercent();
                q.sla().targets().forEach((priority, t) -> {
                    response.put(priority, t.response());
                    resolution.put(priority, t.resolution());
                });
            } catch (NotFoundException e) {
                Messages.failure(e);
            }
        }
    }

    /** {@code f:viewAction}: creates the bean (reading {@code ?edit=}) before the page renders its messages. */
    public void ready() {
        // the work is in init()
    }

    private static String orEmpty(String field) {
        return field == null ? "" : field;
    }

    public List<QueueView> getQueues() {
        return queues.list();
    }

    /**
     * The notify list as typed: one address a line; a line without a quote may hold several, split at spaces, commas
     * and semicolons ({@code "ops, night"@example.com}, a quoted local part, stays whole on its line).
     */
    static List<String> addresses(String typed) {
        if (typed == null) {
            return List.of();
        }
        return typed.lines().map(String::strip).filter(l -> !l.isEmpty())
                .flatMap(l -> l.contains("\"") ? java.util.stream.Stream.of(l)
                        : java.util.Arrays.stream(l.split("[\\s,;]+")))
                .filter(a -> !a.isBlank()).toList();
    }

    /** The service level as the form shows it: every priority's two targets, the hours. */
    private QueueService.Sla sla() {
        java.util.Map<String, QueueService.SlaTarget> targets = new java.util.LinkedHashMap<>();
        for (String priority : PRIORITIES) {
            targets.put(priority, new QueueService.SlaTarget(response.get(priority), resolution.get(priority)));
        }
        return new QueueService.Sla(businessHours, targets, warnPercent);
    }

    /** The priorities the service level form lists, the most urgent first. */
    static final List<String> PRIORITIES = List.of("urgent", "high", "normal", "low");

    public List<String> getPriorities() {
        return PRIORITIES;
    }

    public java.util.Map<String, Integer> getResponse() {
        return response;
    }

    public java.util.Map<String, Integer> getResolution() {
        return resolution;
    }

    public String getBusinessHours() {
        return businessHours;
    }

    public void setBusinessHours(String businessHours) {
        this.businessHours = businessHours;
    }

    public Integer getWarnPercent() {
        return warnPercent;
    }

    public void setWarnPercent(Integer warnPercent) {
        this.warnPercent = warnPercent;
    }

    public String save() {
        // the form shows every field, so an emptied one is cleared: the API keeps what is sent as null
        QueueCommand command = new QueueCommand(name, orEmpty(description), orEmpty(correspondAddress),
                orEmpty(commentAddress), isDefault, autoReply, orEmpty(autoReplyTemplate),
                addresses(notify), orEmpty(signature), sla());
        try {
            if (editing == null) {
                queues.create(command, me.caller());
            } else {
                queues.update(editing, command, me.caller());
            }
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info(editing == null ? "Queue " + name + " created." : "Queue " + editing + " saved.");
        return Redirects.to("/admin/queues.xhtml");
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCorrespondAddress() {
        return correspondAddress;
    }

    public void setCorrespondAddress(String correspondAddress) {
        this.correspondAddress = correspondAddress;
    }

    public String getCommentAddress() {
        return commentAddress;
    }

    public void setCommentAddress(String commentAddress) {
        this.commentAddress = commentAddress;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public void setDefault(boolean isDefault) {
        this.isDefault = isDefault;
    }

    public boolean isAutoReply() {
        return autoReply;
    }

    public void setAutoReply(boolean autoReply) {
        this.autoReply = autoReply;
    }

    public String getNotify() {
        return notify;
    }

    public void setNotify(String notify) {
        this.notify = notify;
    }

    public String getAutoReplyTemplate() {
        return autoReplyTemplate;
    }

    public void setAutoReplyTemplate(String autoReplyTemplate) {
        this.autoReplyTemplate = autoReplyTemplate;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }

    /** The placeholders an autoreply text may use, as written in it. */
    public String getPlaceholders() {
        return written(QueueService.AUTOREPLY_PLACEHOLDERS);
    }

    /** The placeholders a signature may use, as written in it. */
    public String getSignaturePlaceholders() {
        return written(QueueService.SIGNATURE_PLACEHOLDERS);
    }

    private static String written(List<String> placeholders) {
        return String.join(" ", placeholders.stream().map(p -> "{{" + p + "}}").toList());
    }
}
