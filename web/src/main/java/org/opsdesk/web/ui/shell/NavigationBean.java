package org.opsdesk.web.ui.shell;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.DashboardService;
import org.opsdesk.application.DashboardService.Count;
import org.opsdesk.application.ViewService;
import org.opsdesk.application.ViewService.SavedViewView;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.queue.QueueFilter;

/**
 * The navigation of the layout ({@code #{nav}}): every queue with its count of active tickets, and the saved views the
 * agent sees (their own and the shared ones).
 */
@Named("nav")
@RequestScoped
public class NavigationBean {

    @EJB
    DashboardService dashboard;

    @Inject
    CurrentAgent me;

    @EJB
    ViewService views;

    private List<Count> queues;
    private List<SavedViewView> savedViews;

    /** Queue names with their active (new, open, pending) tickets, by name. One query per page. */
    public List<Count> getQueues() {
        if (queues == null) {
            queues = dashboard.activePerQueue(me.caller());
        }
        return queues;
    }

    /** The agent's saved views and the shared ones, by name. One query per page. */
    public List<SavedViewView> getViews() {
        if (savedViews == null) {
            try {
                savedViews = views.views(me.caller());
            } catch (RuntimeException e) {
                // the sidebar's extra, on every page: a failure here must not take the page down with it
                java.util.logging.Logger.getLogger(NavigationBean.class.getName()).log(java.util.logging.Level.WARNING,
                        "Saved views could not be read for the sidebar", e);
                savedViews = List.of();
            }
        }
        return savedViews;
    }

    /** The saved view the queue page shows (its filters and sort, any page), the agent's own first; else null. */
    public SavedViewView viewShown(QueueFilter shown) {
        String query = shown.withPage(1).queryString();
        return getViews().stream().filter(v -> v.query().equals(query))
                .min(java.util.Comparator.comparing(v -> !v.mine())).orElse(null);
    }

    /** Whether this page is the queue view showing {@code v} (its link is marked current). */
    public boolean shows(SavedViewView v) {
        var ec = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        return "/queue.xhtml".equals(ec.getRequestServletPath())
                && QueueFilter.from(ec.getRequestParameterMap()::get).withPage(1).queryString().equals(v.query());
    }
}
