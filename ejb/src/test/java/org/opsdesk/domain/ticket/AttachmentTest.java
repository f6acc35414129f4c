package org.opsdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentTest {

    @Test
    void aStoredNameIsTheLastSegmentWithoutControlCharactersQuotesOrLeadingDots() {
        assertThat(Attachment.safeFilename("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Attachment.safeFilename("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
        assertThat(Attachment.safeFilename("\"a\u0000b\r\n.txt\"")).isEqualTo("ab.txt");
        assertThat(Attachment.safeFilename("..htaccess")).isEqualTo("htaccess");
        assertThat(Attachment.safeFilename(" ... ")).isEqualTo("attachment");
        assertThat(Attachment.safeFilename(null)).isEqualTo("attachment");
    }

    @Test
    void aLongNameKeepsItsEndAndIsNotHiddenByTheCut() {
        String name = "x".repeat(10) + "." + "y".repeat(250) + ".pdf"; // its last 255 characters start with a dot

        String stored = Attachment.safeFilename(name);

        assertThat(stored).isEqualTo("y".repeat(250) + ".pdf").doesNotStartWith(".");
        assertThat(Attachment.safeFilename("z".repeat(300) + ".log")).hasSize(255).endsWith(".log");
    }
}
