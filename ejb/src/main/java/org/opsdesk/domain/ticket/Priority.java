package org.opsdesk.domain.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.opsdesk.domain.DomainException;

/** How urgent a ticket is, lowest first. Persisted by code. */
public enum Priority {
    LOW("low"), NORMAL("normal"), HIGH("high"), URGENT("urgent");

    private final String code;

    Priority(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Priority fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (Priority p : values()) {
                if (p.code.equals(c)) {
                    return p;
                }
            }
        }
        throw DomainException.invalid("unknown_priority", "Unknown priority '" + code + "'; use one of: "
                + Arrays.stream(values()).map(Priority::code).collect(Collectors.joining(", ")) + ".");
    }
}
