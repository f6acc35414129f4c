package org.opsdesk.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

class ViewerZoneTest {

    private static final ZoneId SERVER = ZoneOffset.UTC;

    @Test
    void theBrowsersZoneFromItsCookie() {
        Cookie[] cookies = {new Cookie("JSESSIONID", "x"), new Cookie(ViewerZone.COOKIE, "America%2FNew_York")};
        assertThat(ViewerZone.of(cookies, SERVER)).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void theServersZoneWithoutTheCookie() {
        assertThat(ViewerZone.of(null, SERVER)).isEqualTo(SERVER);
        assertThat(ViewerZone.of(new Cookie[] {new Cookie("JSESSIONID", "x")}, SERVER)).isEqualTo(SERVER);
    }

    @Test
    void theServersZoneWhenTheCookieNamesNoZone() {
        for (String junk : new String[] {"Mars%2FOlympus", "", "%E0%A4%A", "../../etc"}) {
            assertThat(ViewerZone.of(new Cookie[] {new Cookie(ViewerZone.COOKIE, junk)}, SERVER)).as(junk)
                    .isEqualTo(SERVER);
        }
    }
}
