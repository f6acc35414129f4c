package org.opsdesk.web.rest.error;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

import org.opsdesk.application.LostRaces;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.domain.DomainException;

/**
 * Everything else. Exceptions the container wrapped (EJB, processing) are unwrapped to the cause that
 * has a mapper; a real fault is logged with an incident id and answered 500 without internals.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @jakarta.ws.rs.core.Context
    Providers providers;

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return new DomainExceptionMapper().toResponse(d);
            }
            if (t instanceof NotFoundException n) {
                return new NotFoundExceptionMapper().toResponse(n);
            }
            if (t instanceof OptimisticLockException o) {
                return new OptimisticLockMapper().toResponse(o);
            }
            if (t instanceof WebApplicationException w) {
                return new WebApplicationExceptionMapper().toResponse(w);
            }
            if (t instanceof JsonbException j) {
                return new JsonExceptionMapper().toResponse(j);
            }
            if (t instanceof JsonException j) {
                return ErrorBody.response(400, "invalid_json", "The JSON body could not be read: "
                        + JsonExceptionMapper.firstLine(j.getMessage()));
            }
            if (t instanceof ProcessingException && t.getCause() == null) {
                return ErrorBody.response(400, "bad_request", "The request body could not be read.");
            }
            if (!(t instanceof EJBException) && !(t instanceof ProcessingException)) {
                break;
            }
        }
        if (LostRaces.isLostRace(e)) {
            // e.g. two identical requests at once creating the same link or page: the loser hit the unique key
            LOG.info(() -> "A request lost a race with a concurrent one: " + e);
            return OptimisticLockMapper.conflict();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error, incident " + incident, e);
        return ErrorBody.response(500, "internal_error",
                "OpsDesk failed to handle this request; the server log has incident " + incident + ".");
    }
}
