package org.opsdesk.web.ui.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.AgentService;
import org.opsdesk.application.QueueService;
import org.opsdesk.application.TriggerService;
import org.opsdesk.application.TriggerService.Actions;
import org.opsdesk.application.TriggerService.Conditions;
import org.opsdesk.application.TriggerService.TriggerCommand;
import org.opsdesk.application.TriggerService.TriggerView;
import org.opsdesk.web.ui.AsShown;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;
import org.opsdesk.web.ui.TypedWords;

/**
 * Triggers ({@code admin/triggers.xhtml}): the list in the order they run, and one form that creates a trigger or, with
 * {@code ?edit=id}, changes one; each listed trigger can be deleted.
 */
@Named("adminTriggers")
@ViewScoped
public class AdminTriggersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TriggerService triggers;

    @EJB
    QueueService queues;

    @EJB
    AgentService agents;

    @EJB
    org.opsdesk.application.OrganizationService organizations;

    @Inject
    CurrentAgent me;

    private Long editing;
    private String name;
    private boolean active = true;
    /** The events, as the menu offers them: {@code create}, {@code reply} or {@code create reply}. */
    private String on = "create";
    private String ifQueue;
    private String ifChannel;
    private String ifSubject;
    private String ifBody;
    private String ifRequester;
    private String ifOrganization;
    private String queue;
    private String priority;
    private String owner;
    /** Tags as typed: separated by spaces or commas. */
    private String addTags;

    /** As the page showed them: a row's Delete names the trigger of that row, whatever another admin did since. */
    private final AsShown<List<TriggerView>> shown = new AsShown<>();

    @PostConstruct
    void init() {
        String edit = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("edit");
        if (edit == null || edit.isBlank()) {
            return;
        }
        TriggerView t = getTriggers().stream().filter(v -> String.valueOf(v.id()).equals(edit.strip())).findFirst()
                .orElse(null);
        if (t == null) {
            Messages.error("There is no trigger " + edit.strip() + ".");
            return;
        }
        editing = t.id();
        name = t.name();
        active = t.active();
        on = String.join(" ", t.conditions().on());
        ifQueue = t.conditions().queue();
        ifChannel = t.conditions().channel();
        ifSubject = t.conditions().subject();
        ifBody = t.conditions().body();
        ifRequester = t.conditions().requester();
        ifOrganization = t.conditions().organization();
        queue = t.actions().queue();
        priority = t.actions().priority();
        owner = t.actions().owner();
        addTags = String.join(" ", t.actions().addTags());
    }

    /** {@code f:viewAction}: creates the bean (reading {@code ?edit=}) before the page renders its messages. */
    public void ready() {
        // the work is in init()
    }

    public List<TriggerView> getTriggers() {
        return shown.get(() -> triggers.list(me.caller()));
    }

    public List<String> getQueues() {
        return queues.list().stream().map(QueueService.QueueView::name).toList();
    }

    /**
     * The agents a trigger may assign tickets to: the active ones, and the one the edited trigger names (disabled
     * since, it stays chosen until the admin chooses another).
     */
    public List<String> getAgents() {
        List<String> logins = new ArrayList<>(agents.list(me.caller()).stream().filter(AgentService.AgentView::active)
                .map(AgentService.AgentView::login).toList());
        if (owner != null && !owner.isBlank() && !logins.contains(owner)) {
            logins.add(0, owner);
        }
        return logins;
    }

    /** The organizations a condition may name, and the one the edited trigger names (always among them). */
    public List<String> getOrganizations() {
        List<String> names = new ArrayList<>(organizations.list(me.caller()).stream().map(o -> o.name()).toList());
        if (ifOrganization != null && !ifOrganization.isBlank() && !names.contains(ifOrganization)) {
            names.add(0, ifOrganization);
        }
        return names;
    }

    public List<String> getPriorities() {
        return org.opsdesk.web.ui.queue.QueueBean.PRIORITIES;
    }

    public String save() {
        TriggerCommand command = new TriggerCommand(name, active,
                new Conditions(ifQueue, ifChannel, ifSubject, ifBody, ifRequester, ifOrganization,
                        TypedWords.of(on)),
                new Actions(queue, priority, owner, TypedWords.of(addTags)));
        try {
            if (editing == null) {
                triggers.create(command, me.caller());
            } else {
                triggers.update(editing, command, me.caller());
            }
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Trigger " + name.strip() + (editing == null ? " created." : " saved."));
        return Redirects.to("/admin/triggers.xhtml");
    }

    public String delete(TriggerView t) {
        try {
            triggers.delete(t.id(), me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Trigger " + t.name() + " deleted.");
        return Redirects.to("/admin/triggers.xhtml");
    }


    /** When a trigger applies, in a few words for its row. */
    public String when(TriggerView t) {
        Conditions c = t.conditions();
        List<String> parts = new ArrayList<>();
        if (c.channel() != null) {
            parts.add("by " + c.channel());
        }
        if (c.queue() != null) {
            parts.add("in " + c.queue());
        }
        if (c.subject() != null) {
            parts.add("subject has \u201c" + c.subject() + "\u201d");
        }
        if (c.body() != null) {
            parts.add("text has \u201c" + c.body() + "\u201d");
        }
        if (c.requester() != null) {
            parts.add("from " + c.requester());
        }
        if (c.organization() != null) {
            parts.add("of " + c.organization());
        }
        String events = c.on().contains("reply") ? c.on().contains("create") ? "new tickets and customer replies"
                : "customer replies" : "new tickets";
        return parts.isEmpty() ? "all " + events : events + ": " + String.join(" · ", parts);
    }

    /** What a trigger does, in a few words for its row. */
    public String does(TriggerView t) {
        Actions a = t.actions();
        List<String> parts = new ArrayList<>();
        if (a.queue() != null) {
            parts.add("to " + a.queue());
        }
        if (a.priority() != null) {
            parts.add("priority " + a.priority());
        }
        if (a.owner() != null) {
            parts.add("assign " + a.owner());
        }
        if (!a.addTags().isEmpty()) {
            parts.add("tag " + String.join(", ", a.addTags()));
        }
        return String.join(" · ", parts);
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getIfQueue() {
        return ifQueue;
    }

    public void setIfQueue(String ifQueue) {
        this.ifQueue = ifQueue;
    }

    public String getOn() {
        return on;
    }

    public void setOn(String on) {
        this.on = on;
    }

    public String getIfChannel() {
        return ifChannel;
    }

    public void setIfChannel(String ifChannel) {
        this.ifChannel = ifChannel;
    }

    public String getIfSubject() {
        return ifSubject;
    }

    public void setIfSubject(String ifSubject) {
        this.ifSubject = ifSubject;
    }

    public String getIfBody() {
        return ifBody;
    }

    public void setIfBody(String ifBody) {
        this.ifBody = ifBody;
    }

    public String getIfRequester() {
        return ifRequester;
    }

    public void setIfRequester(String ifRequester) {
        this.ifRequester = ifRequester;
    }

    public String getIfOrganization() {
        return ifOrganization;
    }

    public void setIfOrganization(String ifOrganization) {
        this.ifOrganization = ifOrganization;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getAddTags() {
        return addTags;
    }

    public void setAddTags(String addTags) {
        this.addTags = addTags;
    }
}
