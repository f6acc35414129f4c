package org.opsdesk.web.ui.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedHtmlTest {

    @Test
    void collapsesAGmailQuoteWithItsAttribution() {
        // Gmail's markup after the sanitiser dropped its classes
        QuotedHtml h = QuotedHtml.split("<div dir=\"ltr\">Works again, thanks!</div><br><div><div>On Mon, 1 Dec 2025"
                + " at 10:00, Ops &lt;ops@example.com&gt; wrote:<br></div><blockquote><div>Please retry.</div>"
                + "</blockquote></div>");

        assertThat(h.hasQuote()).isTrue();
        assertThat(h.own()).contains("Works again, thanks!").doesNotContain("Please retry").doesNotContain("wrote:");
        assertThat(h.quoted()).startsWith("<div>On Mon").contains("wrote:").contains("<blockquote><div>Please retry.");
    }

    @Test
    void collapsesAThunderbirdQuoteInsideTheSameParent() {
        QuotedHtml h = QuotedHtml.split("<p>Disk replaced.</p><div>Am 01.12.25 um 10:00 schrieb Ops:</div>"
                + "<blockquote><p>Disk 3 failed</p><blockquote><p>older</p></blockquote></blockquote>");

        assertThat(h.own()).isEqualTo("<p>Disk replaced.</p>");
        assertThat(h.quoted()).startsWith("<div>Am 01.12.25").endsWith("</blockquote></blockquote>");
    }

    @Test
    void keepsAnswersBetweenQuotedLinesInView() {
        String inline = "<p>See below.</p><blockquote>Is db01 up?</blockquote><p>Yes, since 9:00.</p>"
                + "<blockquote>And db02?</blockquote><p>Still down.</p>";

        QuotedHtml h = QuotedHtml.split(inline);

        assertThat(h.hasQuote()).isFalse();
        assertThat(h.own()).isEqualTo(inline);
    }

    @Test
    void showsMailWithoutQuoteOrWithNothingButAQuoteWhole() {
        assertThat(QuotedHtml.split("<p>Hello</p>").hasQuote()).isFalse();
        assertThat(QuotedHtml.split("<p>Hello</p>").own()).isEqualTo("<p>Hello</p>");
        QuotedHtml onlyQuote = QuotedHtml.split("<blockquote>forwarded text</blockquote>");
        assertThat(onlyQuote.hasQuote()).isFalse();
        assertThat(onlyQuote.own()).contains("forwarded text");
        assertThat(QuotedHtml.split(null).hasQuote()).isFalse();
    }

    @Test
    void keepsTheSanitisedMarkupEscaped() {
        QuotedHtml h = QuotedHtml.split("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><blockquote>&lt;b&gt;</blockquote>");

        assertThat(h.own()).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        assertThat(h.quoted()).isEqualTo("<blockquote>&lt;b&gt;</blockquote>");
    }

    @Test
    void neverHidesTheAuthorsWordsThatShareTheAttributionsParagraph() {
        QuotedHtml h = QuotedHtml.split("<p>Hi</p><p>" + "Done, the disk is replaced and the array rebuilt. ".repeat(5)
                + "<br>On Mon, 1 Dec 2025, Ops wrote:</p><blockquote>Disk 3 failed</blockquote>");

        assertThat(h.own()).contains("Done, the disk is replaced");
        assertThat(h.quoted()).isEqualTo("<blockquote>Disk 3 failed</blockquote>");
    }

    @Test
    void collapsesTwoQuotesInARow() {
        QuotedHtml h = QuotedHtml.split("<p>Fixed.</p><blockquote>first</blockquote><blockquote>second</blockquote>");

        assertThat(h.own()).isEqualTo("<p>Fixed.</p>");
        assertThat(h.quoted()).isEqualTo("<blockquote>first</blockquote><blockquote>second</blockquote>");
    }
}
