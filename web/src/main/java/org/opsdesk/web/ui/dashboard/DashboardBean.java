package org.opsdesk.web.ui.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.DashboardService;
import org.opsdesk.application.DashboardService.Overview;
import org.opsdesk.web.ui.CurrentAgent;

/** The dashboard ({@code dashboard.xhtml}): one read of the figures, laid out as charts. */
@Named("dashboard")
@RequestScoped
public class DashboardBean {

    static final int DAYS = 30;
    static final int OLDEST = 10;

    @EJB
    DashboardService figures;

    @Inject
    CurrentAgent me;

    private Overview overview;
    private BarChart perQueue;
    private BarChart perStatus;
    private TrendChart trend;

    @PostConstruct
    void load() {
        overview = figures.overview(DAYS, OLDEST, me.caller());
        perQueue = BarChart.of(overview.activePerQueue());
        perStatus = BarChart.of(overview.activePerStatus());
        trend = TrendChart.of(overview.createdAndResolved());
    }

    public Overview getOverview() {
        return overview;
    }

    public BarChart getPerQueue() {
        return perQueue;
    }

    public BarChart getPerStatus() {
        return perStatus;
    }

    public TrendChart getTrend() {
        return trend;
    }

    public int getDays() {
        return DAYS;
    }
}
