package org.opsdesk.web.rest.error;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Two updates of one ticket at once: the later one loses with 409, never silently. */
@Provider
public class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {

    @Override
    public Response toResponse(OptimisticLockException e) {
        return conflict();
    }

    /** The answer to any lost race (see {@code ConcurrentChangeException}). */
    static Response conflict() {
        return ErrorBody.response(409, "concurrent_update",
                "Someone else changed this at the same moment; reload and try again.");
    }
}
