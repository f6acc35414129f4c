package org.opsdesk.application;

/** The thing asked for does not exist (or the caller may not know that it does). */
public class NotFoundException extends RuntimeException {

    private final String code;

    public NotFoundException(String code, String message) {
        super(message);
        this.code = code;
    }

    public static NotFoundException ticket(long number) {
        return new NotFoundException("ticket_not_found", "There is no ticket #" + number + ".");
    }

    public String code() {
        return code;
    }
}
