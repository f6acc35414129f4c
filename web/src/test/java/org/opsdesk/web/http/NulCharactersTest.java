package org.opsdesk.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class NulCharactersTest {

    private static boolean inJson(String json) {
        NulCharacters.Scan scan = new NulCharacters.Scan(false);
        for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
            scan.next(b & 0xff);
        }
        return scan.found();
    }

    @Test
    void findsTheEscapeAndRawZeroBytesButNotAnEscapedBackslash() {
        assertThat(inJson("{\"body\":\"a\\u0000b\"}")).isTrue();
        assertThat(inJson("{\"body\":\"\\\\\\u0000\"}")).as("an escaped backslash, then the escape").isTrue();
        assertThat(inJson("{\"body\":\"a\0\"}")).isTrue();
        assertThat(inJson("{\"body\":\"C:\\\\u0000\"}")).as("a backslash, then the text u0000").isFalse();
        assertThat(inJson("{\"body\":\"\\u0001 \\u00000\"}")).isTrue();
        assertThat(inJson("{\"body\":\"\\u0001\\\"\"}")).isFalse();
        assertThat(inJson("{\"body\":\"ends with a backslash\\\\\"}")).isFalse();
    }

    @Test
    void findsPercentZeroZeroInAForm() {
        assertThat(form("a=1&b=x%00y")).isTrue();
        assertThat(form("a=%%00")).isTrue();
        assertThat(form("a=%0%00")).isTrue();
        assertThat(form("a=%000")).isTrue();
        assertThat(form("a=%20%30%300")).isFalse();
        assertThat(form("a=100%25&b=0")).isFalse();
    }

    private static boolean form(String body) {
        NulCharacters.Scan scan = new NulCharacters.Scan(true);
        body.chars().forEach(scan::next);
        return scan.found();
    }

    @Test
    void findsItInText() {
        assertThat(NulCharacters.in("a\0")).isTrue();
        assertThat(NulCharacters.in("a")).isFalse();
        assertThat(NulCharacters.in(null)).isFalse();
    }
}
