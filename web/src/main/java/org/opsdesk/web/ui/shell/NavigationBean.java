package org.opsdesk.web.ui.shell;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.DashboardService;
import org.opsdesk.application.DashboardService.Count;
import org.opsdesk.web.ui.CurrentAgent;

/** The navigation of the layout ({@code #{nav}}): every queue with its count of active tickets. */
@Named("nav")
@RequestScoped
public class NavigationBean {

    @EJB
    DashboardService dashboard;

    @Inject
    CurrentAgent me;

    private List<Count> queues;

    /** Queue names with their active (new, open, pending) tickets, by name. One query per page. */
    public List<Count> getQueues() {
        if (queues == null) {
            queues = dashboard.activePerQueue(me.caller());
        }
        return queues;
    }
}
