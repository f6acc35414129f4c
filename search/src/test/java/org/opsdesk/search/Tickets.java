package org.opsdesk.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A fluent builder of {@link TicketDocument}s for tests: sensible defaults, change what matters. */
final class Tickets {

    static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");

    private final long number;
    private String subject = "Ticket";
    private final List<String> messages = new ArrayList<>();
    private final List<String> internalNotes = new ArrayList<>();
    private final List<String> attachments = new ArrayList<>();
    private final List<String> requesters = new ArrayList<>(List.of("alice@customer.example"));
    private final List<String> cc = new ArrayList<>();
    private String queue = "Ops";
    private String status = "open";
    private boolean open = true;
    private String owner;
    private String priority = "normal";
    private final List<String> hosts = new ArrayList<>();
    private final List<String> hostAliases = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private Instant created = CREATED;
    private Instant updated = CREATED;

    private Tickets(long number) {
        this.number = number;
    }

    static Tickets ticket(long number) {
        return new Tickets(number);
    }

    Tickets subject(String value) {
        subject = value;
        return this;
    }

    Tickets message(String... values) {
        messages.addAll(List.of(values));
        return this;
    }

    Tickets internal(String... values) {
        internalNotes.addAll(List.of(values));
        return this;
    }

    Tickets attachment(String... names) {
        attachments.addAll(List.of(names));
        return this;
    }

    /** The first requester (the one a ticket is opened for). */
    Tickets requester(String value) {
        requesters.set(0, value);
        return this;
    }

    /** One more requester (a merge brings the other ticket's requesters). */
    Tickets alsoRequester(String value) {
        requesters.add(value);
        return this;
    }

    Tickets cc(String... values) {
        cc.addAll(List.of(values));
        return this;
    }

    Tickets queue(String value) {
        queue = value;
        return this;
    }

    /** The status, counted as open unless it is resolved or closed. */
    Tickets status(String value) {
        status = value;
        open = !value.equals("resolved") && !value.equals("closed");
        return this;
    }

    Tickets owner(String value) {
        owner = value;
        return this;
    }

    Tickets priority(String value) {
        priority = value;
        return this;
    }

    Tickets hostAlias(String... names) {
        hostAliases.addAll(List.of(names));
        return this;
    }

    Tickets host(String... names) {
        hosts.addAll(List.of(names));
        return this;
    }

    Tickets alert(String... names) {
        alerts.addAll(List.of(names));
        return this;
    }

    Tickets tag(String... names) {
        tags.addAll(List.of(names));
        return this;
    }

    Tickets created(String instant) {
        created = Instant.parse(instant);
        return this;
    }

    Tickets updated(String instant) {
        updated = Instant.parse(instant);
        return this;
    }

    TicketDocument build() {
        return new TicketDocument(number, subject, messages, internalNotes, attachments, requesters, cc, queue,
                status, open, owner, priority, hosts, hostAliases, alerts, created, updated, tags);
    }
}
