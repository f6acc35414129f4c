package org.opsdesk.web.rest.error;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.opsdesk.application.WikiConflictException;

/** 409 for an edit that overlaps changes saved meanwhile, with both versions and the overlapping regions. */
@Provider
public class WikiConflictMapper implements ExceptionMapper<WikiConflictException> {

    /** The body: the usual error and message, plus what the editor needs to let the user merge. */
    public record ConflictBody(String error, String message, String path, int baseRevision, int currentRevision,
            String currentMarkdown, String yourMarkdown, String markedMarkdown,
            List<WikiConflictException.Conflict> conflicts) {
    }

    @Override
    public Response toResponse(WikiConflictException e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ConflictBody(e.code(), e.getMessage(), e.path(), e.baseRevision(), e.currentRevision(),
                        e.currentMarkdown(), e.yourMarkdown(), e.markedMarkdown(), e.conflicts()))
                .build();
    }
}
