package org.opsdesk.web.rest;

import org.opsdesk.domain.DomainException;

/** Checks on request bodies shared by the resources. */
final class Bodies {

    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw DomainException.invalid("body_required", "Send a JSON body (Content-Type: application/json).");
        }
        return body;
    }

    static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field + "_required", "\"" + field + "\" is required.");
        }
        return value;
    }

    static long requiredNumber(Long value, String field) {
        if (value == null) {
            throw DomainException.invalid(field + "_required", "\"" + field + "\" (a ticket number) is required.");
        }
        return value;
    }
}
