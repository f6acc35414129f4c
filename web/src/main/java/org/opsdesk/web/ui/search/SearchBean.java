package org.opsdesk.web.ui.search;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.SearchService;
import org.opsdesk.application.SearchService.Results;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;

/**
 * Search results ({@code search.xhtml?q=&type=&sort=&page=}): a bare ticket number jumps to the ticket; facet
 * values are links that add a filter to the query.
 */
@Named("searchView")
@RequestScoped
public class SearchBean {

    public static final int PAGE_SIZE = 20;

    @EJB
    SearchService search;

    @Inject
    CurrentAgent me;

    private String q;
    private String type;
    private String sort;
    private int page;
    private Results results;

    /** {@code f:viewAction}: runs the search; jumps to the ticket for a bare number. */
    public void run() throws IOException {
        if (q == null || q.isBlank()) {
            return;
        }
        try {
            results = search.search(q, type, page * PAGE_SIZE, PAGE_SIZE, sort, me.caller());
            if (results.jumpTo() != null && page == 0) {
                FacesContext fc = FacesContext.getCurrentInstance();
                fc.getExternalContext().redirect(fc.getExternalContext().getRequestContextPath()
                        + "/ticket.xhtml?n=" + results.jumpTo());
            }
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public Results getResults() {
        return results;
    }

    public List<Map.Entry<String, Map<String, Long>>> getFacets() {
        return results == null ? List.of() : List.copyOf(results.facets().entrySet());
    }

    /** The query with {@code field:value} added, as a URL to the results. */
    public String refine(String field, String value) {
        String v = value.contains(" ") ? "\"" + value + "\"" : value;
        // the filter first: a long query is cut after its first clauses, and one ending in OR would take the filter
        // as an alternative
        String query = field.equals("type") ? q : field + ":" + v + " " + q;
        String url = "search.xhtml?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        if (field.equals("type")) {
            url += "&type=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        } else if (type != null && !type.isBlank()) {
            url += "&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8);
        }
        if (sort != null && !sort.isBlank()) {
            url += "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8); // a filter keeps the chosen order
        }
        return url;
    }

    public String pageUrl(int target) {
        String url = "search.xhtml?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&page=" + target;
        if (type != null && !type.isBlank()) {
            url += "&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8);
        }
        if (sort != null && !sort.isBlank()) {
            url += "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8);
        }
        return url;
    }

    public boolean isHasNext() {
        long next = (long) (page + 1) * PAGE_SIZE;
        return results != null && next < results.total() && next <= SearchService.MAX_OFFSET;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
