package org.opsdesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a login may lead: pages of this application only, whatever a crafted {@code next} says. */
class SafeNextTest {

    @ParameterizedTest
    @ValueSource(strings = {"/ticket.xhtml?n=123", "/", "/queue.xhtml?name=ops%20desk", "/search.xhtml?q=%2Fetc"})
    void pagesOfThisApplicationAreKept(String next) {
        assertThat(OpsDeskAuthenticationMechanism.safeNext(next)).isEqualTo(next);
    }

    /** Browsers drop tabs and line breaks from URLs and read a backslash as a slash: each of these leaves the site. */
    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example",
            "/\r/evil.example", "/\t\\evil.example", "/x\\..\\..\\/evil.example", "https://evil.example/",
            "evil.example", "/\u007f/evil.example", "/login?next=//evil.example", ""})
    void anythingThatCouldLeaveTheSiteLeadsHome(String next) {
        assertThat(OpsDeskAuthenticationMechanism.safeNext(next)).isEqualTo("/");
    }

    @Test
    void noNextLeadsHome() {
        assertThat(OpsDeskAuthenticationMechanism.safeNext(null)).isEqualTo("/");
    }
}
