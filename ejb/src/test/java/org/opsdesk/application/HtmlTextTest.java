package org.opsdesk.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void aGmailReplysQuoteIsMarkedPerLevelAndNotTakenForTheAuthorsWords() {
        // no attribution line QuotedText knows ("escribió"): the marks alone tell the quote
        String gmail = "<div dir=ltr>Gracias,   funciona\nya.</div><div><br></div><div class=gmail_quote>El lun, 1 dic"
                + " 2025, Soporte escribió:<br><blockquote><p>Urgent: the printer jams.</p><p>Page&nbsp;2</p>"
                + "<blockquote>older</blockquote></blockquote></div><style>p { color: red }</style>";
        String text = HtmlText.render(gmail);
        assertThat(text).isEqualTo("Gracias, funciona ya.\n\nEl lun, 1 dic 2025, Soporte escribió:\n"
                + "> Urgent: the printer jams.\n>\n> Page 2\n>\n> > older");
        assertThat(QuotedText.authorsOwn(text)).isEqualTo("Gracias, funciona ya.\n\nEl lun, 1 dic 2025, Soporte"
                + " escribió:");
    }

    @Test
    void outlooksRuleAndHeaderBlockAreWrittenAsOutlookWritesThem() {
        String outlook = "<p>Fixed, thanks.</p><hr style=\"width:98%\"><div id=divRplyFwdMsg><b>From:</b> Support"
                + " &lt;s@x&gt;<br><b>Sent:</b> Monday<br><b>To:</b> Carol<br><b>Subject:</b> RE: Printer</div>"
                + "<div>Urgent: it jams.</div>";
        String text = HtmlText.render(outlook);
        assertThat(text).isEqualTo("Fixed, thanks.\n\n" + "_".repeat(32) + "\nFrom: Support <s@x>\nSent: Monday\n"
                + "To: Carol\nSubject: RE: Printer\nUrgent: it jams.");
        assertThat(QuotedText.authorsOwn(text)).isEqualTo("Fixed, thanks.");
    }

    @Test
    void listsTablesAndPreformattedTextReadAsText() {
        assertThat(HtmlText.render("<html><head><title>T</title><style>p{}</style></head><body><h1>Outage</h1>"
                + "<p>The   printer&nbsp;is <b>down</b>.<br>Since 9:00.</p><ul><li>floor 1</li><li>floor 2</li></ul>"
                + "<script>x()</script><table><tr><td>Name</td><td>Value</td></tr></table><pre>a\n  b</pre>"))
                .isEqualTo("Outage\n\nThe printer is down.\nSince 9:00.\n\n- floor 1\n- floor 2\n\n Name Value\n\na\n  b");
        assertThat(HtmlText.render(null)).isEmpty();
    }

    @Test
    void theTextStaysBoundedHoweverDeepTheQuotesAndLongTheInput() {
        String deep = "<blockquote>".repeat(300) + "deep" + "<br>".repeat(200_000) + "</blockquote>".repeat(300);
        String text = HtmlText.render(deep);
        assertThat(text).startsWith("> ".repeat(HtmlText.MAX_MARKS) + "deep");
        assertThat(text.length()).isLessThan(1_000);
        String lines = "<blockquote>".repeat(20) + "x<br>".repeat(500_000) + "</blockquote>".repeat(20);
        assertThat(HtmlText.render(lines).length()).isLessThanOrEqualTo(HtmlText.MAX_CHARS);
    }
}
