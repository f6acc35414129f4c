package org.opsdesk.it.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.ui.pages.HostsPage;
import org.opsdesk.it.ui.pages.LoginPage;
import org.opsdesk.it.ui.pages.SearchIndexPage;
import org.opsdesk.it.ui.pages.SearchPage;

/** The search box and results in the browser; a host page with its runbook. */
class UiSearchIT extends BrowserIT {

    @Test
    void theSearchBoxFindsTicketsAndPagesAndFacetsFilterThem() {
        String login = Fixtures.agent(false);
        Api agent = Api.basic(login, Fixtures.PASSWORD);
        String word = "glorb" + Fixtures.unique("u").replaceAll("[^a-z0-9]", "");
        Fixtures.ticket(agent, Fixtures.queue(), "Backup " + word + " failed <script>alert(1)</script>");
        agent.put("/api/wiki/pages/runbooks/" + word, Json.createObjectBuilder()
                .add("markdown", "# Runbook " + word + "\n\nRestart the " + word + " service.\n").build()).expect(201);
        await().atMost(Duration.ofSeconds(2)).until(() -> agent.get("/api/search?q=" + word).json()
                .getInt("total") == 2);

        LoginPage.open(browser).logIn(login, Fixtures.PASSWORD);
        SearchPage results = SearchPage.searchFromTopBar(browser, word);
        assertThat(results.titles()).hasSize(2).anyMatch(t -> t.contains("Runbook " + word))
                .anyMatch(t -> t.contains("<script>alert(1)</script>"));
        assertThat(results.highlighted()).contains(word);
        browser.screenshots("search");
        SearchPage pages = results.facet("page");
        assertThat(pages.titles()).containsExactly("Runbook " + word);

        assertThat(pages.openQuerySyntax()).contains("Query syntax", "\"connection refused\"", "status:active",
                "owner:me", "created:>2026-01-01");
        browser.screenshots("search-syntax");
    }

    @Test
    void anAgentAddsAHostByHandAndGivesItAnAlias() {
        String login = Fixtures.agent(false);
        String host = Fixtures.unique("nas").replaceAll("[^a-z0-9-]", "") + ".lab.example";
        LoginPage.open(browser).logIn(login, Fixtures.PASSWORD);
        HostsPage page = HostsPage.open(browser).add(host, "10.1.2.3");
        assertThat(page.errorMessages()).isEmpty();
        assertThat(page.hostName()).isEqualTo(host);
        assertThat(page.addressField()).isEqualTo("10.1.2.3");
        page.saveAliases("backup-" + host.substring(0, host.indexOf('.')));
        assertThat(page.infoMessages()).anyMatch(m -> m.contains("saved"));
        assertThat(Api.admin().get("/api/hosts/backup-" + host.substring(0, host.indexOf('.'))).expect(200).json()
                .getString("name")).isEqualTo(host);

        HostsPage again = HostsPage.open(browser).add(host, "");
        assertThat(again.errorMessages()).anyMatch(m -> m.contains("already names the host"));

        browser.driver().get(browser.url("/host.xhtml?name=" + host));
        assertThat(new HostsPage(browser).offersDelete()).as("no monitoring has named it").isTrue();
        HostsPage list = new HostsPage(browser).deleteHost();
        assertThat(list.infoMessages()).contains("Host " + host + " deleted.");
        Api.admin().get("/api/hosts/" + host).expect(404);
    }

    @Test
    void aHostPageShowsItsAlertsAndTheRunbookThatNamesIt() {
        String login = Fixtures.agent(false);
        Api agent = Api.basic(login, Fixtures.PASSWORD);
        String host = Fixtures.unique("web").replaceAll("[^a-z0-9-]", "") + ".example.net";
        String queue = Fixtures.queue();
        String source = Fixtures.unique("src");
        Api.admin().post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue)
                .build()).expect(201);
        String external = "https://runbooks.example.org/node/DiskFull";
        var alert = Json.createObjectBuilder().add("source", source).add("host", host).add("service", "DiskFull")
                .add("state", "CRITICAL").add("runbookUrl", external).add("at", Instant.now().minusSeconds(90).toString())
                .build();
        long ticket = Api.admin().post("/api/alerts?source=" + source, alert).expect(200).json()
                .getJsonArray("alerts").getJsonObject(0).getJsonNumber("ticket").longValue();
        Api.admin().post("/api/alerts?source=" + source, alert).expect(200); // a repeat
        agent.put("/api/wiki/pages/runbooks/" + Fixtures.unique("disk"), Json.createObjectBuilder()
                .add("markdown", "---\nalerts: [DiskFull]\n---\n# Disk full on host:" + host + "\n").build())
                .expect(201);

        LoginPage.open(browser).logIn(login, Fixtures.PASSWORD);
        browser.driver().get(browser.url("/host.xhtml?name=" + host));
        assertThat(browser.driver().findElement(By.id("host-name")).getText()).isEqualTo(host);
        assertThat(browser.driver().findElement(By.id("host-alerts")).getText()).contains("DiskFull");
        assertThat(browser.driver().findElement(By.id("host-runbooks")).getText()).contains("Disk full on host:");
        assertThat(browser.driver().findElement(By.id("host-timeline")).getText())
                .as("when it arrived, and when the monitoring says it happened").contains("(reported ");
        assertThat(new HostsPage(browser).offersDelete()).as("monitoring's record keeps it").isFalse();
        browser.screenshots("host");

        // the alert's ticket: the repeat counted, the runbook page and the external runbook link
        browser.driver().get(browser.url("/ticket.xhtml?n=" + ticket));
        assertThat(browser.driver().findElement(By.id("ticket-alerts")).getText()).contains("DiskFull")
                .contains("seen 2 times");
        assertThat(browser.driver().findElement(By.id("runbooks")).getText()).contains("Disk full on host:");
        assertThat(browser.driver().findElement(By.cssSelector("#runbooks .external-runbook a"))
                .getAttribute("href")).isEqualTo(external);
    }

    @Test
    void anAdminRebuildsTheIndexFromItsPageAndSeesItFinish() {
        Fixtures.ticket(Api.admin(), Fixtures.queue(), "Something to index");
        // no rebuild running (another test's, or the start's): the button is enabled
        await().atMost(Duration.ofMinutes(1)).until(() -> !Api.admin().get("/api/search/status").expect(200).json()
                .getBoolean("rebuilding"));
        LoginPage.open(browser).logIn(Fixtures.agent(true), Fixtures.PASSWORD);
        SearchIndexPage started = SearchIndexPage.open(browser).rebuild();
        assertThat(started.infoMessages()).anyMatch(m -> m.startsWith("Rebuild started") || m.startsWith("Rebuilt"));
        SearchIndexPage done = started.waitForFinishedRebuild();
        browser.screenshots("search-index");
        long[] progress = done.progress();
        assertThat(progress[1]).as("the documents the rebuild counted").isPositive();
        assertThat(progress[0]).as("the progress bar at its end").isEqualTo(progress[1]);
        assertThat(done.state()).matches("Finished: \\d+ documents indexed\\.");
        assertThat(done.ticketsIndexed()).isPositive();
    }

    @Test
    void theSearchBoxSuggestsTitlesAsTheAgentTypes() {
        String login = Fixtures.agent(false);
        String word = "Suggestive" + Fixtures.unique("s").replaceAll("[^a-z0-9]", "");
        Fixtures.ticket(Api.basic(login, Fixtures.PASSWORD), Fixtures.queue(), word + " printer");
        String typed = word.substring(0, word.length() - 2).toLowerCase();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.basic(login, Fixtures.PASSWORD)
                .get("/api/search/suggest?q=" + typed).expect(200).body().contains(word));
        LoginPage.open(browser).logIn(login, Fixtures.PASSWORD);

        assertThat(SearchPage.suggestionsWhileTyping(browser, typed)).contains("ticket: " + word + " printer");
        assertThat(browser.driver().getCurrentUrl()).as("nothing submitted").doesNotContain("search.xhtml");
    }

    @Test
    void aBareTicketNumberInTheSearchBoxOpensThatTicket() {
        String login = Fixtures.agent(false);
        long n = Fixtures.ticket(Api.basic(login, Fixtures.PASSWORD), Fixtures.queue(), "Jump here")
                .getJsonNumber("number").longValue();
        LoginPage.open(browser).logIn(login, Fixtures.PASSWORD);
        SearchPage.searchFromTopBar(browser, "#" + n);
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.driver().getCurrentUrl().contains("/ticket.xhtml?n=" + n));
        assertThat(browser.driver().getTitle()).contains("Ticket #" + n);
    }
}
