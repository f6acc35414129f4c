package org.opsdesk.it.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.ui.pages.LoginPage;
import org.opsdesk.it.ui.pages.SearchPage;
import org.opsdesk.it.ui.pages.TicketPage;
import org.opsdesk.it.ui.pages.WikiPage;

/**
 * A corpus of hostile input (script tags, event handlers, javascript: URLs, SVG with script, CSS expressions,
 * malformed HTML) in a ticket's subject, HTML body and attachment name, a wiki page's Markdown, and a host's
 * notes and an alert's text; every page that shows them is opened in Chromium. Nothing may run (each payload
 * would set {@code window.__pwned} or open a dialog; a blocked inline script shows as a CSP error in the console,
 * which the base class refuses), the pages carry a CSP without inline script, and the stored text is unchanged.
 */
class UiHostileInputIT extends BrowserIT {

    static final List<String> PAYLOADS = List.of(
            "<script>window.__pwned='script';alert('script')</script>",
            "<img src=x onerror=\"window.__pwned='onerror'\">",
            "<a href=\"javascript:window.__pwned='link'\">a link</a>",
            "<svg onload=\"window.__pwned='svg'\"><script>window.__pwned='svg-script'</script></svg>",
            "<div style=\"background:url(javascript:window.__pwned='css');width:expression(window.__pwned='x')\">c</div>",
            "<<b>malformed</b <i onmouseover=window.__pwned='malformed'>x</i",
            "\"><script>window.__pwned='attribute'</script><input value=\"",
            "<iframe src=\"javascript:window.top.__pwned='iframe'\"></iframe>",
            "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned='mxss'>");

    static final String ALL = String.join(" ", PAYLOADS);

    @Test
    void nothingHostileRunsAnywhereAndNothingIsAltered() {
        Api admin = Api.admin();
        String word = "hostile" + Fixtures.unique("h").replaceAll("[^a-z0-9]", "");
        String queue = Fixtures.queue();
        String subject = word + " " + PAYLOADS.get(0) + PAYLOADS.get(1) + PAYLOADS.get(6);
        String filename = "\"><img src=x onerror=window.__pwned='file'>.svg";
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"window.__pwned='svgfile'\"><script>"
                + "window.__pwned='svgfile'</script></svg>";
        JsonObject ticket = admin.post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                .add("subject", subject).add("body", word + " " + ALL).add("requester", Fixtures.unique("c")
                        + "@customer.example").add("attachments", Json.createArrayBuilder().add(Json
                                .createObjectBuilder().add("filename", filename).add("contentType", "image/svg+xml")
                                .add("contentBase64", Base64.getEncoder().encodeToString(svg.getBytes(
                                        StandardCharsets.UTF_8))))).build()).expect(201).json();
        long n = ticket.getJsonNumber("number").longValue();
        admin.post("/api/tickets/" + n + "/replies", Json.createObjectBuilder().add("body", "html reply")
                .add("html", "<p>" + word + "</p>" + ALL).build()).expect(201);

        String path = "runbooks/" + Fixtures.unique("hostile");
        String markdown = "# " + word + " " + PAYLOADS.get(0) + "\n\n" + ALL + "\n\n[click](javascript:window.__pwned"
                + "='md') ![img](javascript:window.__pwned='mdimg') <" + "javascript:window.__pwned='auto'>\n";
        admin.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", markdown).build()).expect(201);

        String host = Fixtures.unique("evil") + ".example.net";
        String source = Fixtures.unique("mon");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue).build())
                .expect(201);
        admin.post("/api/alerts", Json.createObjectBuilder().add("source", source).add("host", host)
                .add("service", "Disk <script>window.__pwned='service'</script>").add("state", "CRITICAL")
                .add("details", ALL).build()).expect(200);
        admin.patch("/api/hosts/" + host, Json.createObjectBuilder().add("notes", ALL).build()).expect(200);

        LoginPage.open(browser).logIn(Fixtures.agent(false), Fixtures.PASSWORD);
        for (String page : List.of("/queue.xhtml?name=" + queue, "/ticket.xhtml?n=" + n, "/wiki.xhtml?path=" + path,
                "/host.xhtml?name=" + host, "/hosts.xhtml")) {
            browser.driver().get(browser.url(page));
            assertThat(browser.driver().getCurrentUrl()).as(page).doesNotContain("/login");
            assertInert(page);
        }
        TicketPage ticketPage = TicketPage.open(browser, n);
        assertThat(ticketPage.subject()).as("shown as text").isEqualTo(subject);
        List<org.openqa.selenium.WebElement> hostileLinks = browser.driver().findElements(
                org.openqa.selenium.By.cssSelector("a")).stream()
                .filter(a -> a.isDisplayed() && a.getText().contains("a link")).toList();
        assertThat(hostileLinks).as("the message's links, shown").isNotEmpty();
        assertThat(hostileLinks).extracting(a -> String.valueOf(a.getAttribute("href")))
                .noneMatch(href -> href.toLowerCase(java.util.Locale.ROOT).startsWith("javascript:"));
        hostileLinks.forEach(org.openqa.selenium.WebElement::click);
        assertInert("ticket after clicking its links");
        WikiPage.open(browser, path);
        assertInert("wiki page");
        await().atMost(Duration.ofSeconds(5)).until(() -> !admin.get("/api/search?q=" + word).expect(200).json()
                .getJsonArray("hits").isEmpty());
        SearchPage.searchFromTopBar(browser, word);
        assertInert("search results");

        // text is stored as sent and escaped on the way out (a mail's or reply's HTML is the exception: it is
        // sanitised before it is stored, and its plain text kept beside it)
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("subject")).isEqualTo(subject);
        assertThat(admin.get("/api/wiki/pages/" + path).expect(200).json().getString("markdown"))
                .isEqualTo(markdown);
        assertThat(admin.get("/api/hosts/" + host).expect(200).json().getString("notes")).isEqualTo(ALL);

        String csp = Api.anonymous().get("/login").expect(200).header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    private static void assertInert(String where) {
        browser.assertNoAlert();
        assertThat(browser.script("return window.__pwned === undefined ? null : String(window.__pwned)"))
                .as("a payload ran on " + where).isNull();
    }
}
