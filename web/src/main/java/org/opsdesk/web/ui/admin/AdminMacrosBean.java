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

import org.opsdesk.application.MacroService;
import org.opsdesk.application.MacroService.MacroCommand;
import org.opsdesk.application.MacroService.MacroView;
import org.opsdesk.application.QueueService;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;
import org.opsdesk.web.ui.TypedWords;

/**
 * Macros ({@code admin/macros.xhtml}): the list, and one form that creates a macro or, with {@code ?edit=id}, changes
 * one; each listed macro can be deleted.
 */
@Named("adminMacros")
@ViewScoped
public class AdminMacrosBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    MacroService macros;

    @EJB
    QueueService queues;

    @Inject
    CurrentAgent me;

    private Long editing;
    private String name;
    private String note;
    private String status;
    private String priority;
    private String queue;
    private String owner;
    /** Tags as typed: separated by spaces or commas. */
    private String addTags;
    private String removeTags;

    @PostConstruct
    void init() {
        String edit = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("edit");
        if (edit == null || edit.isBlank()) {
            return;
        }
        MacroView m = getMacros().stream().filter(v -> String.valueOf(v.id()).equals(edit.strip())).findFirst()
                .orElse(null);
        if (m == null) {
            Messages.error("There is no macro " + edit.strip() + ".");
            return;
        }
        editing = m.id();
        name = m.name();
        note = m.note();
        status = m.status();
        priority = m.priority();
        queue = m.queue();
        owner = m.owner();
        addTags = String.join(" ", m.addTags());
        removeTags = String.join(" ", m.removeTags());
    }

    /** {@code f:viewAction}: creates the bean (reading {@code ?edit=}) before the page renders its messages. */
    public void ready() {
        // the work is in init()
    }

    /** As the page showed them: a row's Delete names the macro of that row, whatever another admin did since. */
    private final org.opsdesk.web.ui.AsShown<List<MacroView>> shown = new org.opsdesk.web.ui.AsShown<>();

    public List<MacroView> getMacros() {
        return shown.get(() -> macros.list(me.caller()));
    }

    public List<String> getQueues() {
        return queues.list().stream().map(QueueService.QueueView::name).toList();
    }

    public List<String> getPriorities() {
        return org.opsdesk.web.ui.queue.QueueBean.PRIORITIES;
    }

    /** The statuses a macro may set: any a ticket may move to (none goes back to new). */
    public List<String> getStatuses() {
        return org.opsdesk.web.ui.queue.QueueBean.STATUSES.stream().filter(s -> !s.equals("new")).toList();
    }

    public String save() {
        MacroCommand command = new MacroCommand(name, note, status, priority, queue, owner,
                TypedWords.of(addTags), TypedWords.of(removeTags));
        try {
            if (editing == null) {
                macros.create(command, me.caller());
            } else {
                macros.update(editing, command, me.caller());
            }
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Macro " + name.strip() + (editing == null ? " created." : " saved."));
        return Redirects.to("/admin/macros.xhtml");
    }

    public String delete(MacroView m) {
        try {
            macros.delete(m.id(), me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Macro " + m.name() + " deleted.");
        return Redirects.to("/admin/macros.xhtml");
    }


    /** What a macro does, in a few words for its row. */
    public String summary(MacroView m) {
        List<String> parts = new ArrayList<>();
        if (m.note() != null) {
            parts.add("note");
        }
        if (!m.addTags().isEmpty()) {
            parts.add("tag " + String.join(", ", m.addTags()));
        }
        if (!m.removeTags().isEmpty()) {
            parts.add("untag " + String.join(", ", m.removeTags()));
        }
        if (m.priority() != null) {
            parts.add("priority " + m.priority());
        }
        if (m.queue() != null) {
            parts.add("to " + m.queue());
        }
        if (m.owner() != null) {
            parts.add(m.owner());
        }
        if (m.status() != null) {
            parts.add("status " + m.status());
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

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
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

    public String getRemoveTags() {
        return removeTags;
    }

    public void setRemoveTags(String removeTags) {
        this.removeTags = removeTags;
    }
}
