package org.opsdesk.search.query;

import java.util.Locale;
import java.util.Optional;

/** The {@code key:value} filters of the query language. */
public enum FilterKey {
    /** {@code type:ticket} or {@code type:page}. */
    TYPE,
    /** {@code queue:NAME}, case-insensitive. */
    QUEUE,
    /** {@code status:CODE}; {@code status:open} also matches every ticket whose status counts as open. */
    STATUS,
    /** {@code owner:LOGIN}; {@code owner:me} is the viewer's login. */
    OWNER,
    /** {@code host:NAME}: the host or, for a short name, any {@code NAME.domain}. */
    HOST,
    /** {@code tag:NAME} of a page. */
    TAG,
    /** {@code requester:EMAIL} of a ticket. */
    REQUESTER,
    /** {@code cc:EMAIL}: an address in copy of a ticket. */
    CC,
    /** {@code alert:NAME}: a ticket linked to, or a page about, that alert. */
    ALERT,
    /** {@code priority:CODE} of a ticket. */
    PRIORITY,
    /** {@code created:} a date range, see {@link Clause.DateRange}. */
    CREATED,
    /** {@code updated:} a date range, see {@link Clause.DateRange}. */
    UPDATED;

    /** The key as written in queries. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the filter's value is a date range rather than a list of values. */
    public boolean isDate() {
        return this == CREATED || this == UPDATED;
    }

    /** The key written as {@code code}, case-insensitively. */
    public static Optional<FilterKey> fromCode(String code) {
        for (FilterKey key : values()) {
            if (key.code().equalsIgnoreCase(code)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
