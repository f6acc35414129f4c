package org.opsdesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

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

    @Test
    void anOversizedBodyIsCutBeforeParsing() {
        String huge = "<p>" + "word ".repeat(HtmlSanitizer.MAX_INPUT_CHARS / 5) + "</p><p>TAIL-MARKER</p>";
        assertThat(huge.length()).isGreaterThan(HtmlSanitizer.MAX_INPUT_CHARS);
        String clean = HtmlSanitizer.sanitize(huge);
        assertThat(clean).startsWith("<p>word word").doesNotContain("TAIL-MARKER");
        assertThat(clean.length()).isLessThanOrEqualTo(HtmlSanitizer.MAX_INPUT_CHARS + 10);
        assertThat(HtmlSanitizer.toText(huge)).doesNotContain("TAIL-MARKER");
    }

    @Test
    void misnestedAndDeeplyNestedMarkupEnds() {
        // the inputs that make HTML tree builders do the most work per character: unclosed and misnested formatting
        // elements by the hundred thousand; the parser stays linear (the timeout only guards against a hang)
        String misnested = "<b><i><u><font><table><tr><td>x".repeat(60_000) + "</b>end";
        String nested = "<div>".repeat(300_000) + "deep" + "</div>".repeat(300_000);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThat(HtmlSanitizer.sanitize(misnested)).contains("x");
            assertThat(HtmlSanitizer.sanitize(nested)).contains("deep");
        });
    }

    @Test
    void markupUpToTheDepthLimitIsKeptAndBelowItOnlyTheTextInOrder() {
        int limit = HtmlSanitizer.MAX_DEPTH;
        String shallow = "<div>".repeat(limit - 2) + "<b>kept</b>" + "</div>".repeat(limit - 2);
        assertThat(HtmlSanitizer.sanitize(shallow)).contains("<b>kept</b>");
        String deep = "<div>".repeat(limit + 5) + "<b>one</b><table><tr><td>Name</td><td>Value</td></tr></table>"
                + "<p>two</p>" + "</div>".repeat(limit + 5);
        String clean = HtmlSanitizer.sanitize(deep);
        assertThat(clean).doesNotContain("<b>").doesNotContain("<td>").contains("one").contains("two");
        assertThat(clean.indexOf("one")).isLessThan(clean.indexOf("Name"));
        assertThat(clean.indexOf("Name")).isLessThan(clean.indexOf("Value"));
        assertThat(clean.indexOf("Value")).isLessThan(clean.indexOf("two"));
        assertThat(clean).doesNotContain("NameValue");
    }
}
