package org.opsdesk.web.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.opsdesk.application.AttachmentTooLargeException;
import org.opsdesk.domain.DomainException;

/** A refusal by the domain: 409 for a conflict with the state, 403 forbidden, 400 invalid (413 too large). */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        return ErrorBody.response(status(e), e.code(), e.getMessage());
    }

    static int status(DomainException e) {
        if (e instanceof AttachmentTooLargeException) {
            return 413;
        }
        return switch (e.kind()) {
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case INVALID -> 400;
        };
    }
}
