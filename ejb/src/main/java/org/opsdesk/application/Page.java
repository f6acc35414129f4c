package org.opsdesk.application;

import java.util.List;

import org.opsdesk.domain.DomainException;

/** One page of a longer list: the items, how many there are in all, and where this page starts. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    /** The page size when a request names none. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page a list answers. */
    public static final int MAX_LIMIT = 500;

    /** The page size asked for ({@code 0}: not given, the default); refused out of range rather than quietly changed. */
    public static int limit(int requested) {
        if (requested == 0) {
            return DEFAULT_LIMIT;
        }
        if (requested < 0 || requested > MAX_LIMIT) {
            throw DomainException.invalid("invalid_limit", "limit is 1-" + MAX_LIMIT + " (" + requested + " asked).");
        }
        return requested;
    }

    /** Where the page starts; refused when negative. */
    public static int offset(int requested) {
        if (requested < 0) {
            throw DomainException.invalid("negative_offset", "offset cannot be negative.");
        }
        return requested;
    }
}
