package org.opsdesk.web.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.Part;

import org.opsdesk.application.AttachmentTooLargeException;
import org.opsdesk.application.Limits;
import org.opsdesk.application.TicketCommands.NewAttachment;

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
    /** Whether a file was chosen (the browser sends an empty part for a file field left empty). */
    public static boolean anyFile(List<Part> files) {
        return files != null && files.stream().anyMatch(f -> f.getSubmittedFileName() != null
                && !f.getSubmittedFileName().isBlank());
    }

    /**
     * After a refused form with files chosen: says to attach them again ("Nothing was {@code nothingWas}: …"), since
     * the typed text comes back but no browser refills a file field.
     */
    public static void remindToAttachAgain(List<Part> files, String nothingWas) {
        if (anyFile(files)) {
            Messages.error("Nothing was " + nothingWas + ": attach the files again before you send it.");
        }
    }

    /** The files chosen in a form (none chosen: an empty list; the service checks names and sizes). */
    public List<NewAttachment> attachments(List<Part> files) {
        List<NewAttachment> attachments = new ArrayList<>();
        for (Part file : files == null ? List.<Part>of() : files) {
            String name = file.getSubmittedFileName();
            if (name == null || name.isBlank()) {
                continue; // the browser sends an empty part when no file was chosen
            }
            try {
                attachments.add(new NewAttachment(name, file.getContentType(), read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("The upload of " + name + " broke off: attach it again.", e);
            }
        }
        return attachments;
    }

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
