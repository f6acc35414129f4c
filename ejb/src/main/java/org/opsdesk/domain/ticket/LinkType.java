package org.opsdesk.domain.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.opsdesk.domain.DomainException;

/** How one ticket relates to another. Each type names its reverse, shown on the other ticket. */
public enum LinkType {
    REFERS_TO("refers-to", "referred-to-by"),
    DEPENDS_ON("depends-on", "depended-on-by"),
    PARENT_OF("parent-of", "child-of"),
    CHILD_OF("child-of", "parent-of"),
    DUPLICATE_OF("duplicate-of", "duplicated-by");

    private final String code;
    private final String reverseCode;

    LinkType(String code, String reverseCode) {
        this.code = code;
        this.reverseCode = reverseCode;
    }

    public String code() {
        return code;
    }

    /**
     * The stored link from the target back to the source that says the same (child-of for parent-of), or null.
     */
    public LinkType sameFromTheOtherEnd() {
        return this == PARENT_OF ? CHILD_OF : this == CHILD_OF ? PARENT_OF : null;
    }

    /** Whether this link, the other way round too, would be a contradiction (each depends on the other). */
    public boolean isOrdering() {
        return this == DEPENDS_ON || this == PARENT_OF || this == CHILD_OF || this == DUPLICATE_OF;
    }

    /** The name of this link seen from its target. */
    public String reverseCode() {
        return reverseCode;
    }

    public static LinkType fromCode(String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (LinkType t : values()) {
                if (t.code.equals(c)) {
                    return t;
                }
            }
        }
        throw DomainException.invalid("unknown_link_type", "Unknown link type '" + code + "'; use one of: "
                + Arrays.stream(values()).map(LinkType::code).collect(Collectors.joining(", ")) + ".");
    }
}
