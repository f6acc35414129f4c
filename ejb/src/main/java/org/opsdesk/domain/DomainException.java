package org.opsdesk.domain;

/**
 * A rule of the domain refused an operation. The {@link Kind} tells callers how to answer: a conflict
 * with the current state, an operation the actor may not perform, or invalid input.
 */
public class DomainException extends RuntimeException {

    /** What sort of refusal this is. */
    public enum Kind {
        /** The operation does not fit the current state (an illegal move, a stale update). */
        CONFLICT,
        /** The actor is not allowed to do this. */
        FORBIDDEN,
        /** The input itself is wrong. */
        INVALID
    }

    private final Kind kind;
    private final String code;

    public DomainException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    public static DomainException forbidden(String code, String message) {
        return new DomainException(Kind.FORBIDDEN, code, message);
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(Kind.INVALID, code, message);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable machine-readable code, e.g. {@code illegal_transition}. */
    public String code() {
        return code;
    }
}
