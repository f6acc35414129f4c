package org.opsdesk.web.ui.queue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.opsdesk.application.TicketCommands.TicketQuery;

/**
 * What a queue view shows, as it travels in the URL: {@code name} (a queue), {@code view}
 * ({@code mine}, {@code unowned}, {@code overdue}, {@code escalated}, {@code watching} or none), {@code status} ({@code active} by default,
 * {@code all}, or one status), {@code priority} (one or none), {@code owner}, {@code tag} (one that is no tag: the
 * page says so), {@code q} (text in the subject), {@code sort} and {@code page} (1-based). Unknown values fall back to
 * the defaults, so any URL renders.
 */
public record QueueFilter(String queue, String view, String status, String priority, String owner, String text,
        String sort, int page, String tag, String organization) {

    public static final int PAGE_SIZE = 50;
    public static final String DEFAULT_SORT = "-updated";

    /** The service's sort keys that the columns offer ({@code -} before one descends). */
    static final Set<String> SORT_KEYS = Set.of("number", "subject", "requester", "status", "owner", "priority",
            "created", "updated", "due", "sla");

    private static final Set<String> VIEWS = Set.of("mine", "unowned", "overdue", "escalated", "watching");
    /** The parameters a queue page is read from (see {@link #from}). */
    public static final Set<String> PARAMETERS = Set.of("name", "view", "status", "priority", "owner", "tag",
            "organization", "q", "sort", "page");
    static final List<String> PRIORITIES = List.of("urgent", "high", "normal", "low");
    private static final Set<String> STATUSES = Set.of("active", "inactive", "all", "new", "open", "pending",
            "resolved", "closed", "rejected");

    public static QueueFilter from(Function<String, String> parameter) {
        String view = blankToNull(parameter.apply("view"));
        String status = blankToNull(parameter.apply("status"));
        String sort = blankToNull(parameter.apply("sort"));
        String bareSort = sort == null ? null : sort.startsWith("-") ? sort.substring(1) : sort;
        int page;
        try {
            page = Math.max(1, Integer.parseInt(parameter.apply("page")));
        } catch (NumberFormatException e) {
            page = 1;
        }
        return new QueueFilter(blankToNull(parameter.apply("name")), oneOf(VIEWS, view, null),
                oneOf(STATUSES, status, "active"), oneOf(Set.copyOf(PRIORITIES), blankToNull(parameter.apply("priority")),
                        null), blankToNull(parameter.apply("owner")),
                blankToNull(parameter.apply("q")), oneOf(SORT_KEYS, bareSort, null) == null ? DEFAULT_SORT : sort,
                Math.min(page, 100_000), blankToNull(parameter.apply("tag")),
                blankToNull(parameter.apply("organization")));
    }

    /**
     * A view read from a query string as {@link #queryString()} writes it ({@code view=mine&tag=vpn}; a leading
     * {@code ?}, or an address up to it, is skipped), on its first page; unknown parameters are dropped.
     */
    public static QueueFilter parse(String queryString) {
        String q = queryString == null ? "" : queryString.strip();
        int mark = q.indexOf('?');
        if (mark >= 0 && q.substring(0, mark).indexOf('=') < 0) {
            q = q.substring(mark + 1); // "?view=mine", "/queue.xhtml?view=mine"; not the "?" of "q=why?"
        }
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    p.putIfAbsent(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException badEscape) {
                    // "%zz": not a value anyone wrote on purpose; left out like an unknown parameter
                }
            }
        }
        return from(p::get).withPage(1);
    }

    /** The service query for one page of this view ({@code limit} rows from {@code offset}). */
    public TicketQuery query(int offset, int limit, String sortKey) {
        List<String> statuses = "all".equals(status) ? List.of() : List.of(status);
        boolean unowned = "unowned".equals(view);
        String ownerFilter = "mine".equals(view) ? "me" : unowned ? null : owner;
        List<String> priorities = priority == null ? List.of() : List.of(priority);
        return new TicketQuery(queue, statuses, priorities, ownerFilter, null, unowned, "overdue".equals(view), text,
                offset, limit, sortKey, tag, "watching".equals(view) ? "me" : null, "escalated".equals(view),
                organization);
    }

    public TicketQuery pageQuery() {
        return query((page - 1) * PAGE_SIZE, PAGE_SIZE, sort);
    }

    public String title() {
        if ("mine".equals(view)) {
            return "My tickets";
        }
        if ("unowned".equals(view)) {
            return "Unowned tickets";
        }
        if ("overdue".equals(view)) {
            return "Overdue tickets";
        }
        if ("escalated".equals(view)) {
            return "Escalated tickets";
        }
        if ("watching".equals(view)) {
            return "Tickets I watch";
        }
        if (organization != null && queue == null) {
            return "Tickets of " + organization;
        }
        return queue == null ? "All tickets" : "Queue " + queue;
    }

    public QueueFilter withSort(String newSort) {
        return new QueueFilter(queue, view, status, priority, owner, text, newSort, 1, tag, organization);
    }

    public QueueFilter withPage(int newPage) {
        return new QueueFilter(queue, view, status, priority, owner, text, sort, newPage, tag, organization);
    }

    /** The query string of this view, without defaults ({@code name=support&sort=-number}). */
    public String queryString() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("name", queue);
        p.put("view", view);
        p.put("status", "active".equals(status) ? null : status);
        p.put("priority", priority);
        p.put("owner", owner);
        p.put("tag", tag);
        p.put("organization", organization);
        p.put("q", text);
        p.put("sort", DEFAULT_SORT.equals(sort) ? null : sort);
        p.put("page", page == 1 ? null : String.valueOf(page));
        return encoded(p);
    }

    private static String encoded(Map<String, String> p) {
        StringBuilder b = new StringBuilder();
        p.forEach((k, v) -> {
            if (v != null) {
                b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v,
                        StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    private static String oneOf(Set<String> allowed, String value, String otherwise) {
        return value != null && allowed.contains(value) ? value : otherwise;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
