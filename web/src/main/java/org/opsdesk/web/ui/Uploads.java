package org.opsdesk.web.ui;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.Part;

import org.opsdesk.application.AttachmentTooLargeException;

/** Files uploaded through a form. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * The bytes of an uploaded file, refused before they are read when the file is over the attachment limit (the
     * server has spooled a large part to disk; reading it whole only to refuse it would hold it all in memory).
     *
     * @throws AttachmentTooLargeException when the file is over {@code max} bytes
     */
    public static byte[] read(Part file, long max) throws IOException {
        if (file.getSize() > max) {
            throw new AttachmentTooLargeException(file.getSubmittedFileName(), file.getSize(), max);
        }
        try (InputStream in = file.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
