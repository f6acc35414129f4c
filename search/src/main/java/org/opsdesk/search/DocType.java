package org.opsdesk.search;

import java.util.Locale;

/** The kinds of documents in the index, each with a stable external code. */
public enum DocType {
    TICKET("ticket"),
    PAGE("page");

    private final String code;

    DocType(String code) {
        this.code = code;
    }

    /** The stable lower-case code: {@code "ticket"} or {@code "page"}. */
    public String code() {
        return code;
    }

    /**
     * The type with the given code, case-insensitively.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static DocType fromCode(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (DocType type : values()) {
            if (type.code.equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown document type: " + code);
    }
}
