package org.opsdesk.web.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.opsdesk.application.TicketCommands.TicketQuery;
import org.opsdesk.domain.DomainException;

/**
 * The query parameters of a ticket listing, read one way for {@code GET /api/tickets} and its spreadsheet
 * {@code GET /api/tickets.csv}: {@code ?status=new,open&status=pending} is three statuses; {@code limit} 0 (or
 * none) is the listing's own default.
 */
public class ListingParams {

    @QueryParam("queue")
    String queue;

    @QueryParam("status")
    List<String> status;

    @QueryParam("priority")
    List<String> priority;

    @QueryParam("owner")
    String owner;

    @QueryParam("requester")
    String requester;

    @QueryParam("unowned")
    @DefaultValue("false")
    String unowned;

    @QueryParam("overdue")
    @DefaultValue("false")
    String overdue;

    @QueryParam("q")
    String text;

    @QueryParam("offset")
    @DefaultValue("0")
    int offset;

    @QueryParam("limit")
    @DefaultValue("0")
    int limit;

    @QueryParam("sort")
    String sort;

    @QueryParam("tag")
    String tag;

    @QueryParam("watcher")
    String watcher;

    @QueryParam("organization")
    String organization;

    @QueryParam("escalated")
    @DefaultValue("false")
    String escalated;

    TicketQuery query() {
        return new TicketQuery(queue, commaList(status), commaList(priority), owner, requester,
                flag(unowned, "unowned"), flag(overdue, "overdue"), text, offset, limit, sort, tag, watcher,
                flag(escalated, "escalated"), organization);
    }

    /** {@code ?status=new,open&status=pending} → [new, open, pending]. */
    private static List<String> commaList(List<String> values) {
        return values == null ? List.of() : values.stream().flatMap(s -> Arrays.stream(s.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A true/false query parameter, strictly: RESTEasy reads anything but "true" (say "yes") as false. */
    private static boolean flag(String value, String name) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DomainException.invalid("invalid_parameter", "The query parameter '" + name
                    + "' is true or false.");
        };
    }
}
