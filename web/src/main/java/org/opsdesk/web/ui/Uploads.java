package org.opsdesk.web.ui;

import java.io.IOException;
import java.io.InputStream;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.Part;

import org.opsdesk.application.AttachmentTooLargeException;
import org.opsdesk.application.Limits;

/** Files uploaded through a form. */
@ApplicationScoped
public class Uploads {

    @EJB
    Limits limits;

    /**
     * The bytes of an uploaded file, refused before they are read when the file is over the attachment limit (the
     * server has spooled a large part to disk; reading it whole only to refuse it would hold it all in memory).
     *
     * @throws AttachmentTooLargeException when the file is over the limit
     */
    public byte[] read(Part file) throws IOException {
        long max = limits.maxAttachmentBytes();
        if (file.getSize() > max) {
            throw new AttachmentTooLargeException(file.getSubmittedFileName(), file.getSize(), max);
        }
        try (InputStream in = file.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
