package org.opsdesk.application.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectTagTest {

    private final SubjectTag tag = new SubjectTag("OpsDesk");

    @Test
    void findsTheTagAnywhereInAnyCase() {
        assertThat(tag.ticketIn("Re: [OpsDesk #123] Disk full")).contains(123L);
        assertThat(tag.ticketIn("AW: [opsdesk #7]")).contains(7L);
        assertThat(tag.ticketIn("[OpsDesk#9] x")).contains(9L);
        assertThat(tag.ticketIn("[Other #5] ticket 123")).isEmpty();
        assertThat(tag.ticketIn(null)).isEmpty();
    }

    @Test
    void tagsOnceAndKeepsSubjectsOnOneLine() {
        assertThat(tag.tag(5, "Disk full")).isEqualTo("[OpsDesk #5] Disk full");
        assertThat(tag.tag(5, "Re: [OpsDesk #5] Disk full")).isEqualTo("Re: [OpsDesk #5] Disk full");
        assertThat(tag.tag(6, "a\r\nBcc: evil@example.com")).doesNotContain("\n").doesNotContain("\r");
    }
}
