package org.opsdesk.web.ui.queue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.AgentService;
import org.opsdesk.application.AgentService.AgentView;
import org.opsdesk.application.Page;
import org.opsdesk.application.QueueService;
import org.opsdesk.application.QueueService.QueueView;
import org.opsdesk.application.TicketCommands.ChangeTicket;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.TicketViews.TicketSummary;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;

/**
 * The queue view ({@code queue.xhtml}): one page of tickets for the filter in the URL, and the bulk
 * actions on the selected rows. Each bulk action calls the service once per ticket and reports every
 * ticket it could not change, with the service's reason.
 */
@Named("queueView")
@RequestScoped
public class QueueBean {

    public static final List<String> STATUSES = List.of("new", "open", "pending", "resolved", "closed", "rejected");
    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

    @EJB
    TicketService tickets;

    @EJB
    QueueService queues;

    @EJB
    AgentService agents;

    @Inject
    CurrentAgent me;

    private QueueFilter filter;
    private Page<TicketSummary> page;
    /** The page's query was refused (shown as a message): {@link #page} is an empty stand-in. */
    private boolean pageFailed;
    private List<QueueView> queueList;
    private List<AgentView> agentList;

    private String assignee;
    private String newStatus;
    private String newQueue;
    private String newPriority;

    @PostConstruct
    void init() {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        filter = QueueFilter.from(ec.getRequestParameterMap()::get);
    }

    public QueueFilter getFilter() {
        return filter;
    }

    /** The view action: reads the page before anything renders, so that a refusal shows with the page's messages. */
    public void load() {
        getPage();
    }

    public Page<TicketSummary> getPage() {
        if (page == null) {
            try {
                page = tickets.list(filter.pageQuery(), me.caller());
            } catch (DomainException e) {
                Messages.failure(e);
                page = new Page<>(List.of(), 0, 0, QueueFilter.PAGE_SIZE);
                pageFailed = true;
            }
        }
        return page;
    }

    public int getFirstRow() {
        return getPage().items().isEmpty() ? 0 : getPage().offset() + 1;
    }

    public int getLastRow() {
        return getPage().offset() + getPage().items().size();
    }

    public String getFirstPageUrl() {
        return url(filter.withPage(1));
    }

    public String getPreviousUrl() {
        return filter.page() > 1 ? url(filter.withPage(filter.page() - 1)) : null;
    }

    public String getNextUrl() {
        return getLastRow() < getPage().total() ? url(filter.withPage(filter.page() + 1)) : null;
    }

    /** The link of a column header: sorts by {@code key}, or reverses the order when it already does. */
    public String sortUrl(String key) {
        return url(filter.withSort(filter.sort().equals(key) ? "-" + key : key));
    }

    /** {@code ascending}, {@code descending} or {@code none}, for {@code aria-sort}. */
    public String sortState(String key) {
        return filter.sort().equals(key) ? "ascending" : filter.sort().equals("-" + key) ? "descending" : "none";
    }

    /** The fingerprint of the list as rendered; the page's script compares the server's to it. */
    public String getVersion() {
        Page<TicketSummary> shown = getPage();
        if (pageFailed) {
            // the page's own query was refused (a bad sort, say): the servlet's way, as the script will ask it
            return QueueVersion.of(tickets, filter, me.caller());
        }
        try {
            return QueueVersion.of(shown.total(), tickets.latestUpdated(filter.query(0, 1, "-updated"),
                    me.caller()));
        } catch (DomainException e) {
            return QueueVersion.INVALID;
        }
    }

    public String getSelfUrl() {
        return url(filter);
    }

    public List<QueueView> getQueues() {
        if (queueList == null) {
            queueList = queues.list();
        }
        return queueList;
    }

    public List<AgentView> getAgents() {
        if (agentList == null) {
            agentList = agents.list(me.caller()).stream().filter(AgentView::active).toList();
        }
        return agentList;
    }

    public List<String> getStatuses() {
        return STATUSES;
    }

    public List<String> getPriorities() {
        return PRIORITIES;
    }

    // ------------------------------------------------------------------ bulk actions

    public String take() {
        return bulk("Took", n -> tickets.changeOwner(n, "take", null, null, me.caller()));
    }

    public String assign() {
        if (assignee == null) {
            Messages.error("Choose the agent to assign the tickets to.");
            return null;
        }
        return bulk("Assigned", n -> tickets.changeOwner(n, "assign", assignee, null, me.caller()));
    }

    public String changeStatus() {
        if (newStatus == null) {
            Messages.error("Choose the new status.");
            return null;
        }
        return bulk("Changed the status of", n -> tickets.changeStatus(n, newStatus, null, null, me.caller()));
    }

    public String move() {
        if (newQueue == null) {
            Messages.error("Choose the queue to move the tickets to.");
            return null;
        }
        return bulk("Moved", n -> tickets.change(n, new ChangeTicket(null, newQueue, null, null, false, null),
                me.caller()));
    }

    public String changePriority() {
        if (newPriority == null) {
            Messages.error("Choose the new priority.");
            return null;
        }
        return bulk("Changed the priority of", n -> tickets.change(n,
                new ChangeTicket(newPriority, null, null, null, false, null), me.caller()));
    }

    /** Adds the tag typed to the selected tickets (their other tags kept). */
    public String addTag() {
        return bulkTag("Tagged", true);
    }

    /** Takes the tag typed off the selected tickets. */
    public String removeTag() {
        return bulkTag("Took the tag off", false);
    }

    private String bulkTag(String verb, boolean add) {
        if (bulkTag == null || bulkTag.isBlank()) {
            Messages.error("Type the tag first.");
            return null;
        }
        List<String> tag = List.of(bulkTag);
        return bulk(verb, n -> org.opsdesk.application.LostRaces.retried(3, () -> tickets.tag(n,
                add ? tag : List.of(), add ? List.of() : tag, me.caller())));
    }

    @EJB
    org.opsdesk.application.MacroService macroService;

    private Long macro;
    private List<org.opsdesk.application.MacroService.MacroView> macros;

    /** Applies the macro chosen to each selected ticket, each in a transaction of its own. */
    public String applyMacro() {
        if (macro == null) {
            Messages.error("Choose the macro.");
            return null;
        }
        // a refusal changes nothing, so a lost race is made again whole
        return bulk("Applied the macro to", n -> org.opsdesk.application.LostRaces.retried(3,
                () -> macroService.apply(n, macro, null, me.caller())));
    }

    /** The macros an agent may apply, by name (read once a request). */
    public List<org.opsdesk.application.MacroService.MacroView> getMacros() {
        if (macros == null) {
            macros = macroService.list(me.caller());
        }
        return macros;
    }

    public Long getMacro() {
        return macro;
    }

    public void setMacro(Long macro) {
        this.macro = macro;
    }

    private String bulkTag;

    public String getBulkTag() {
        return bulkTag;
    }

    public void setBulkTag(String bulkTag) {
        this.bulkTag = bulkTag;
    }

    // ------------------------------------------------------------------ saved views

    @Inject
    org.opsdesk.web.ui.shell.NavigationBean nav;

    @EJB
    org.opsdesk.application.ViewService views;

    private String viewName;
    private boolean viewShared;

    /** The saved view this page shows, or null. */
    public org.opsdesk.application.ViewService.SavedViewView getSavedView() {
        return nav.viewShown(filter);
    }

    /** Saves the filters and sort shown under the name typed (the agent's view of that name saved again). */
    public String saveView() {
        String query = filter.withPage(1).queryString();
        try {
            var saved = org.opsdesk.application.LostRaces.retried(3, () -> views.save(viewName, query, viewShared,
                    me.caller()));
            Messages.info("Saved the view “" + saved.view().name() + "”" + (saved.created() ? "" : " again")
                    + (saved.view().shared() ? ", for every agent." : "."));
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        return Redirects.to(getSelfUrl());
    }

    /** Deletes the saved view this page shows. */
    public String deleteView() {
        var shown = getSavedView();
        if (shown == null) {
            Messages.error("This page shows no saved view.");
            return null;
        }
        try {
            views.delete(shown.id(), me.caller());
            Messages.info("Deleted the saved view “" + shown.name() + "”.");
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        return Redirects.to(getSelfUrl());
    }

    /** The name typed, or at first the name of the agent's own view this page shows (saved again under it). */
    public String getViewName() {
        if (viewName == null) {
            var shown = getSavedView();
            if (shown != null && shown.mine()) {
                viewName = shown.name();
                viewShared = shown.shared();
            }
        }
        return viewName;
    }

    public void setViewName(String viewName) {
        this.viewName = viewName;
    }

    public boolean isViewShared() {
        getViewName(); // the shown view's sharing with its name
        return viewShared;
    }

    public void setViewShared(boolean viewShared) {
        this.viewShared = viewShared;
    }

    private String bulk(String verb, LongConsumer action) {
        List<Long> selected = selected();
        if (selected.isEmpty()) {
            Messages.error("Select tickets first.");
            return null;
        }
        List<String> failures = new ArrayList<>();
        int done = 0;
        for (long n : selected) {
            try {
                action.accept(n);
                done++;
            } catch (RuntimeException e) {
                failures.add("#" + n + ": " + Messages.describe(e));
            }
        }
        if (done > 0) {
            Messages.info(verb + " " + done + (done == 1 ? " ticket." : " tickets."));
        }
        failures.forEach(Messages::error);
        return Redirects.to(getSelfUrl());
    }

    private static List<Long> selected() {
        String[] values = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap()
                .get("selected");
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
    }

    private static String url(QueueFilter f) {
        String q = f.queryString();
        return "/queue.xhtml" + (q.isEmpty() ? "" : "?" + q);
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String getNewStatus() {
        return newStatus;
    }

    public void setNewStatus(String newStatus) {
        this.newStatus = newStatus;
    }

    public String getNewQueue() {
        return newQueue;
    }

    public void setNewQueue(String newQueue) {
        this.newQueue = newQueue;
    }

    public String getNewPriority() {
        return newPriority;
    }

    public void setNewPriority(String newPriority) {
        this.newPriority = newPriority;
    }
}
