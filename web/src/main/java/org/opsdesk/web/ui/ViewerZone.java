package org.opsdesk.web.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The time zone an agent reads and enters times in: the browser's, which {@code resources/js/timezone.js} keeps in
 * the cookie {@value #COOKIE} (as Zammad shows times in the browser's zone); the server's zone until the browser
 * has said, or when it names no zone Java knows.
 */
@RequestScoped
public class ViewerZone {

    /** The cookie that carries the browser's IANA zone id, e.g. {@code Europe/Berlin}. */
    public static final String COOKIE = "opsdesk_tz";

    @Inject
    HttpServletRequest request;

    private ZoneId zone;

    public ZoneId get() {
        if (zone == null) {
            zone = of(request.getCookies(), ZoneId.systemDefault());
        }
        return zone;
    }

    /** The zone the cookies name, else {@code fallback}. */
    static ZoneId of(Cookie[] cookies, ZoneId fallback) {
        for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
                try {
                    return ZoneId.of(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
                } catch (DateTimeException | IllegalArgumentException e) {
                    return fallback; // not a zone: whatever the browser sent, times still show
                }
            }
        }
        return fallback;
    }
}
