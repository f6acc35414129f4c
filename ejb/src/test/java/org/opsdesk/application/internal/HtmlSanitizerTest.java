package org.opsdesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    @Test
    void keepsFormattingAndSafeLinks() {
        String clean = HtmlSanitizer.sanitize("<p>Hello <b>bold</b> <a href=\"https://example.com/x\">link</a></p>");
        assertThat(clean).contains("<b>bold</b>").contains("href=\"https://example.com/x\"")
                .contains("rel=\"noopener noreferrer nofollow\"");
    }

    @Test
    void dropsScriptsHandlersAndJavascriptUrls() {
        String clean = HtmlSanitizer.sanitize("<p onclick=\"alert(1)\">x</p><script>alert(2)</script>"
                + "<a href=\"javascript:alert(3)\">y</a><svg onload=alert(4)><circle/></svg>"
                + "<div style=\"background:url(javascript:alert(5))\">z</div><iframe src=\"https://evil\"></iframe>");
        assertThat(clean).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("javascript").doesNotContainIgnoringCase("onload")
                .doesNotContainIgnoringCase("iframe").doesNotContainIgnoringCase("style").contains("x", "y", "z");
    }

    @Test
    void loadsNoRemoteImagesButKeepsInlineOnes() {
        String clean = HtmlSanitizer.sanitize("<img src=\"https://tracker.example/p.gif\"><img src=\"cid:logo@x\" alt=\"logo\">");
        assertThat(clean).doesNotContain("tracker.example").contains("cid:logo@x");
    }

    @Test
    void blankIsNullAndTextRenderingWorks() {
        assertThat(HtmlSanitizer.sanitize("  ")).isNull();
        assertThat(HtmlSanitizer.sanitize("<script>alert(1)</script>")).isNull();
        assertThat(HtmlSanitizer.toText("<p>Hello<br>world</p>")).contains("Hello").contains("world");
    }
}
