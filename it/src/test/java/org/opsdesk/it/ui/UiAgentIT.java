package org.opsdesk.it.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.ui.pages.AdminAgentsPage;
import org.opsdesk.it.ui.pages.AdminMailPage;
import org.opsdesk.it.ui.pages.AdminMacrosPage;
import org.opsdesk.it.ui.pages.AdminOrganizationsPage;
import org.opsdesk.it.ui.pages.AdminQueuesPage;
import org.opsdesk.it.ui.pages.AdminTriggersPage;
import org.opsdesk.it.ui.pages.DashboardPage;
import org.opsdesk.it.ui.pages.LoginPage;
import org.opsdesk.it.ui.pages.NewTicketPage;
import org.opsdesk.it.ui.pages.QueuePage;
import org.opsdesk.it.ui.pages.TicketPage;
import org.opsdesk.it.ui.pages.TimeReportPage;
import org.opsdesk.it.ui.pages.TokensPage;

/**
 * An agent's day in the browser: log in, work a queue (sort, bulk take, live update), answer and
 * resolve a ticket, merge, open a ticket, read the dashboard; and nothing a customer writes runs as
 * script. After every test the console must show no CSP violation and no error.
 */
class UiAgentIT extends BrowserIT {

    private static String agent() {
        return Fixtures.agent(false);
    }

    private static QueuePage logIn(String login) {
        return LoginPage.open(browser).logIn(login, Fixtures.PASSWORD);
    }

    private static long number(JsonObject ticket) {
        return ticket.getJsonNumber("number").longValue();
    }

    @Test
    void theOverdueViewListsTicketsPastTheirDueDateMarkedLate() {
        String queue = Fixtures.queue();
        Api admin = Api.admin();
        long late = number(Fixtures.ticket(admin, queue, "certificate renewal"));
        long later = number(Fixtures.ticket(admin, queue, "capacity review"));
        long done = number(Fixtures.ticket(admin, queue, "old firewall change"));
        admin.patch("/api/tickets/" + late, Json.createObjectBuilder().add("due", "2021-03-01T09:00:00Z").build())
                .expect(200);
        admin.patch("/api/tickets/" + later, Json.createObjectBuilder().add("due", "2999-01-01T09:00:00Z").build())
                .expect(200);
        admin.patch("/api/tickets/" + done, Json.createObjectBuilder().add("due", "2021-02-01T09:00:00Z").build())
                .expect(200);
        admin.post("/api/tickets/" + done + "/status", "{\"status\":\"resolved\"}").expect(200);
        logIn(agent());

        QueuePage all = QueuePage.open(browser, queue).sortBy("due");
        assertThat(all.subjects()).containsExactly("certificate renewal", "capacity review");
        assertThat(all.lateDues()).singleElement().asString().startsWith("Late").contains("2021");
        QueuePage overdue = QueuePage.open(browser, queue, "overdue");
        browser.screenshots("queue-overdue");
        assertThat(overdue.heading()).isEqualTo("Overdue tickets");
        assertThat(overdue.subjects()).as("a resolved ticket is late no more").containsExactly("certificate renewal");
    }

    @Test
    void theTicketPageListsTheRequestersOtherTicketsNewestFirst() {
        String queue = Fixtures.queue();
        Api admin = Api.admin();
        String customer = Fixtures.unique("carol") + "@customer.example";
        java.util.function.Function<String, Long> from = subject -> number(admin.post("/api/tickets",
                Json.createObjectBuilder().add("queue", queue).add("subject", subject).add("body", "hello")
                        .add("requester", customer).build()).expect(201).json());
        long first = from.apply("VPN drops every hour");
        long second = from.apply("VPN still drops");
        long current = from.apply("VPN down again");
        number(Fixtures.ticket(admin, queue, "someone else's ticket"));
        admin.post("/api/tickets/" + first + "/status", "{\"status\":\"resolved\"}").expect(200);
        logIn(agent());

        TicketPage page = TicketPage.open(browser, current);
        assertThat(page.requesterTickets()).containsExactly("#" + first + " VPN drops every hour Resolved",
                "#" + second + " VPN still drops New");
    }

    @Test
    void aCannedResponseFromTheWikiGoesIntoTheReplyFilledInForTheTicket() {
        Api admin = Api.admin();
        String path = "responses/" + Fixtures.unique("vpn");
        admin.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "---\ntags: [response]\n---\n"
                + "# VPN reset\n\nHello {{requester.name}},\n\nwe reset your VPN profile for #{{ticket.number}}."
                + "\n\n{{agent.name}}\n").build()).expect(201);
        String customer = Fixtures.unique("dora") + "@customer.example";
        long n = number(admin.post("/api/tickets", Json.createObjectBuilder().add("queue", Fixtures.queue())
                .add("subject", "VPN broken").add("body", "help").add("requester", customer).build())
                .expect(201).json());
        String login = agent();
        logIn(login);

        TicketPage page = TicketPage.open(browser, n).typeReply("Sorry for the wait.").insertResponse(path);
        assertThat(page.replyText()).isEqualTo("Sorry for the wait.\n\nHello " + customer + ",\n\nwe reset your VPN"
                + " profile for #" + n + ".\n\n" + login);
        page.sendReply();
        assertThat(Api.admin().get("/api/tickets/" + n).expect(200).json().getJsonArray("messages")
                .getJsonObject(1).getString("text")).contains("we reset your VPN profile for #" + n);
    }

    @Test
    void loginRefusesAWrongPasswordThenLetsTheAgentInAndOut() {
        String login = agent();
        LoginPage page = LoginPage.open(browser);
        browser.screenshots("login");
        page.logInExpectingFailure(login, "not-the-password");
        assertThat(page.isShown()).isTrue();
        assertThat(page.error()).contains("Wrong login or password");
        assertThat(page.loginName()).as("only the password to type again").isEqualTo(login);
        assertThat(page.focusedId()).isEqualTo("password");

        QueuePage start = page.logIn(login, Fixtures.PASSWORD);
        assertThat(start.heading()).isEqualTo("All tickets");

        LoginPage after = start.logOut();
        assertThat(after.info()).isEqualTo("You are logged out.");
        browser.driver().get(browser.url("/queue.xhtml"));
        assertThat(after.isShown()).as("a page without a session asks for the login").isTrue();
    }

    @Test
    void queueSortsByColumnAndTakesTicketsInBulk() {
        String queue = Fixtures.queue();
        Api admin = Api.admin();
        long b = number(Fixtures.ticket(admin, queue, "b printer jammed"));
        long a = number(Fixtures.ticket(admin, queue, "a backup failed"));
        long c = number(Fixtures.ticket(admin, queue, "c vpn down"));
        String login = agent();
        logIn(login);

        QueuePage page = QueuePage.open(browser, queue);
        assertThat(page.heading()).isEqualTo("Queue " + queue);
        assertThat(page.subjects()).containsExactly("c vpn down", "a backup failed", "b printer jammed");
        page.sortBy("subject");
        assertThat(page.subjects()).containsExactly("a backup failed", "b printer jammed", "c vpn down");
        page.sortBy("subject");
        assertThat(page.subjects()).containsExactly("c vpn down", "b printer jammed", "a backup failed");
        browser.screenshots("queue");

        page.select(a, c).take();
        assertThat(page.infoMessages()).contains("Took 2 tickets.");
        assertThat(Api.admin().get("/api/tickets/" + a).expect(200).json().getString("owner")).isEqualTo(login);
        assertThat(Api.admin().get("/api/tickets/" + c).expect(200).json().getString("owner")).isEqualTo(login);
        assertThat(Api.admin().get("/api/tickets/" + b).expect(200).json().isNull("owner")).isTrue();
        assertThat(page.owners()).containsExactly(login, "nobody", login);

        // j, j, o: the second row opens
        assertThat(page.openWithKeys("jj").subject()).isEqualTo("b printer jammed");
        page = QueuePage.open(browser, queue);

        // the header's box selects the whole page, and says when only some rows are
        assertThat(page.selectAllState()).isEqualTo("none");
        page.toggleSelectAll();
        assertThat(page.selected()).containsExactlyInAnyOrder(a, b, c);
        assertThat(page.selectAllState()).isEqualTo("all");
        page.unselect(a);
        assertThat(page.selectAllState()).isEqualTo("some");
        page.toggleSelectAll();
        assertThat(page.selected()).containsExactlyInAnyOrder(a, b, c);
        page.toggleSelectAll();
        assertThat(page.selected()).isEmpty();

        // an illegal move is reported per ticket, the others still change
        page.select(a, b).changeStatus("closed");
        assertThat(page.errorMessages()).anyMatch(m -> m.contains("#" + a)).anyMatch(m -> m.contains("#" + b));
    }

    /** The shortcuts the help dialog lists: x ticks the current row for a bulk action; r, c and / focus their field. */
    @Test
    void keyboardShortcutsSelectRowsAndFocusFields() {
        String queue = Fixtures.queue();
        Api admin = Api.admin();
        long older = number(Fixtures.ticket(admin, queue, "older ticket"));
        long newer = number(Fixtures.ticket(admin, queue, "newer ticket"));
        String login = agent();
        logIn(login);

        QueuePage page = QueuePage.open(browser, queue);
        page.press("?");
        assertThat(page.isKeyboardHelpOpen()).as("? opens the keyboard help").isTrue();
        page.closeKeyboardHelp();
        assertThat(page.isKeyboardHelpOpen()).as("Escape closes it").isFalse();

        page.press("jjx");
        assertThat(page.selected()).as("j j x ticks the second row").containsExactly(older);
        page.press("kx");
        assertThat(page.selected()).containsExactlyInAnyOrder(newer, older);
        page.press("x");
        assertThat(page.selected()).as("x again unticks it").containsExactly(older);
        page.take();
        assertThat(Api.admin().get("/api/tickets/" + older).expect(200).json().getString("owner")).isEqualTo(login);
        assertThat(Api.admin().get("/api/tickets/" + newer).expect(200).json().isNull("owner")).isTrue();

        page.press("/");
        assertThat(page.focusedId()).isEqualTo("global-search");
        TicketPage ticket = TicketPage.open(browser, newer);
        ticket.press("r");
        assertThat(ticket.focusedId()).isEqualTo("reply:body");
        ticket.press("c");
        assertThat(ticket.focusedId()).isEqualTo("comment:body");
    }

    /**
     * A reply sent after the session ended is not applied silently nor lost without a word: the login page says so,
     * and logging in leads back to the ticket. A plain page opened after expiry just asks to log in again.
     */
    @Test
    void anExpiredSessionSaysSoAndLeadsBackToThePage() {
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(Api.admin(), queue, "reply after a timeout"));
        String login = agent();
        logIn(login);
        TicketPage ticket = TicketPage.open(browser, n);

        browser.expireSession();
        ticket.reply("typed while the session ran out", null);
        LoginPage again = new LoginPage(browser);
        assertThat(again.isShown()).isTrue();
        assertThat(again.error()).contains("session had expired").contains("not saved");
        assertThat(Api.admin().get("/api/tickets/" + n).expect(200).json().getJsonArray("messages").toString())
                .doesNotContain("typed while the session ran out");

        again.logIn(login, Fixtures.PASSWORD);
        TicketPage back = new TicketPage(browser);
        assertThat(back.number()).as("back on the ticket after logging in").isEqualTo(n);
        assertThat(back.replyText()).as("the reply offered back").isEqualTo("typed while the session ran out");

        browser.expireSession();
        QueuePage.open(browser, queue);
        assertThat(new LoginPage(browser).info()).contains("session has expired");
    }

    @Test
    void queueShowsATicketCreatedOverRestWithoutAReload() {
        String queue = Fixtures.queue();
        Fixtures.ticket(Api.admin(), queue, "already there");
        logIn(agent());
        QueuePage page = QueuePage.open(browser, queue);
        browser.script("window.opsdeskNoReload = true;");
        // the fingerprint the page rendered is the one the live-update endpoint answers while nothing changes
        assertThat(browser.script("var live = document.getElementById('queue-live');"
                + " var x = new XMLHttpRequest(); x.open('GET', live.getAttribute('data-poll'), false); x.send();"
                + " return x.responseText === live.getAttribute('data-version') ? 'same' : x.responseText + ' vs '"
                + " + live.getAttribute('data-version');")).isEqualTo("same");
        // pushed (server-sent events), not polled: with the stream open the page does not poll at all
        page.waitForPush();

        Fixtures.ticket(Api.admin(), queue, "arrived while watching");
        page.waitForSubject("arrived while watching");
        assertThat(browser.script("return window.opsdeskNoReload === true")).as("same page, not reloaded")
                .isEqualTo(true);
        assertThat(page.subjects()).containsExactly("arrived while watching", "already there");
    }

    @Test
    void afterARefusedBulkActionTheLiveListIsStillTheQueues() {
        // the refused form answered at its bare address (/queue.xhtml), and the live refresh fetched that: all tickets.
        // Forms now post to their page's own address, and the list stays the queue's either way
        String queue = Fixtures.queue();
        Fixtures.ticket(Api.admin(), queue, "already there");
        Fixtures.ticket(Api.admin(), Fixtures.queue(), "of another queue");
        logIn(agent());
        QueuePage page = QueuePage.open(browser, queue).take(); // nothing selected: refused
        assertThat(browser.driver().getCurrentUrl()).as("the address still names the queue").contains("name=" + queue);
        page.waitForPush();

        Fixtures.ticket(Api.admin(), queue, "arrived after the refusal");
        page.waitForSubject("arrived after the refusal");

        assertThat(page.subjects()).containsExactly("arrived after the refusal", "already there");
    }

    @Test
    void ticketTakesAReplyAndACommentAndIsResolved() throws Exception {
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(Api.admin(), queue, "mail server down"));
        logIn(agent());
        TicketPage ticket = TicketPage.open(browser, n);
        assertThat(ticket.subject()).isEqualTo("mail server down");
        assertThat(ticket.status()).contains("New");

        ticket.take();
        java.nio.file.Path log = java.nio.file.Files.createTempDirectory("upload").resolve("postfix.log");
        java.nio.file.Files.writeString(log, "status=deferred (connection refused)\n");
        java.nio.file.Path shot = log.resolveSibling("queue.txt");
        java.nio.file.Files.writeString(shot, "mailq: 1,204 messages\n");
        ticket.reply("We are on it.", null, log, shot);
        assertThat(ticket.infoMessages()).contains("Reply sent.");
        assertThat(ticket.attachmentNames()).containsExactly(List.of("postfix.log", "queue.txt"));
        assertThat(ticket.status()).contains("Open");
        ticket.comment("Restarted postfix on mx1.", "pending", log);
        assertThat(ticket.status()).contains("Pending");
        assertThat(ticket.messageBadges()).containsExactly("FROM THE REQUESTER", "REPLY TO THE REQUESTER",
                "INTERNAL COMMENT");
        assertThat(ticket.attachmentNames()).containsExactly(List.of("postfix.log", "queue.txt"),
                List.of("postfix.log"));
        browser.screenshots("ticket");

        ticket.changeStatus("resolved");
        assertThat(ticket.status()).contains("Resolved");
        assertThat(Api.admin().get("/api/tickets/" + n).expect(200).json().getString("status")).isEqualTo("resolved");
    }

    @Test
    void anAgentTagsATicketAndFollowsATagToTheSearch() {
        String tag = "ups-" + Fixtures.unique("t").replaceAll("[^a-z0-9]", "");
        long n = number(Fixtures.ticket(Api.admin(), Fixtures.queue(), "UPS on battery in rack 4"));
        logIn(agent());
        TicketPage ticket = TicketPage.open(browser, n).saveTags("power, " + tag.toUpperCase());
        assertThat(ticket.tags()).containsExactly("power", tag);
        assertThat(ticket.events()).anySatisfy(e -> assertThat(e).contains("Tag added").contains(tag));
        ticket.saveTags("two wörds!");
        assertThat(ticket.errorMessages()).anySatisfy(m -> assertThat(m).contains("A tag is a word"));
        Fixtures.awaitSearchIndexed(java.time.Duration.ofSeconds(30));
        TicketPage.open(browser, n).openTag(tag);
        assertThat(browser.driver().getCurrentUrl()).contains("search.xhtml");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("a[href*='ticket.xhtml?n=" + n + "']")))
                .isNotEmpty();
        assertThat(TicketPage.open(browser, n).saveTags("").tags()).as("an emptied field takes every tag off").isEmpty();
        assertThat(Api.admin().get("/api/tickets/" + n).expect(200).json().getJsonArray("tags")).isEmpty();
    }

    @Test
    void anAgentWatchesATicketFindsItUnderWatchingAndFiltersAQueueByTag() {
        String queue = Fixtures.queue();
        Api admin = Api.admin();
        long watched = number(Fixtures.ticket(admin, queue, "Flapping BGP session to transit A"));
        long tagged = number(Fixtures.ticket(admin, queue, "Tagged but not watched"));
        admin.patch("/api/tickets/" + tagged, Json.createObjectBuilder().add("tags", Json.createArrayBuilder()
                .add("bgp")).build()).expect(200);
        String login = agent();
        logIn(login);
        TicketPage ticket = TicketPage.open(browser, watched);
        assertThat(ticket.watchers()).isEmpty();
        ticket.watch();
        assertThat(ticket.infoMessages()).anySatisfy(m -> assertThat(m).contains("You watch this ticket"));
        assertThat(ticket.watchers()).isEqualTo(login);
        assertThat(ticket.events()).anySatisfy(e -> assertThat(e).contains("Watcher added").contains(login));

        QueuePage watching = QueuePage.open(browser, queue, "watching");
        assertThat(watching.heading()).isEqualTo("Tickets I watch");
        assertThat(watching.subjects()).containsExactly("Flapping BGP session to transit A");
        QueuePage byTag = QueuePage.open(browser, queue).filterByTag("#BGP");
        assertThat(byTag.subjects()).containsExactly("Tagged but not watched");
        assertThat(browser.driver().getCurrentUrl()).contains("tag=");
        assertThat(byTag.filterByTag("no tag!").errorMessages()).anySatisfy(m -> assertThat(m)
                .contains("A tag is a word"));
        QueuePage bulk = QueuePage.open(browser, queue).select(watched).addTag("BGP");
        assertThat(bulk.infoMessages()).as("Enter in the tag field adds it (it took the tickets once)")
                .contains("Tagged 1 ticket.");
        assertThat(Api.admin().get("/api/tickets/" + watched).expect(200).json().isNull("owner")).isTrue();
        assertThat(bulk.filterByTag("bgp").subjects()).containsExactlyInAnyOrder("Tagged but not watched",
                "Flapping BGP session to transit A");

        TicketPage.open(browser, watched).unwatch();
        assertThat(TicketPage.open(browser, watched).watchers()).isEmpty();
        assertThat(QueuePage.open(browser, queue, "watching").subjects()).isEmpty();
    }

    @Test
    void anAgentSplitsACustomersNewProblemOffIntoATicketOfItsOwn() {
        String queue = Fixtures.queue();
        Api admin = Api.admin();
        long n = number(Fixtures.ticket(admin, queue, "Mail delivery slow"));
        admin.post("/api/tickets/" + n + "/comments", "{\"body\":\"Also: the wiki search is down.\"}").expect(201);
        JsonObject t = admin.get("/api/tickets/" + n).expect(200).json();
        var messages = t.getJsonArray("messages");
        long comment = messages.getJsonObject(messages.size() - 1).getJsonNumber("id").longValue();
        logIn(agent());
        TicketPage split = TicketPage.open(browser, n).splitOff(comment, "Wiki search down");
        assertThat(split.number()).isNotEqualTo(n);
        assertThat(split.subject()).isEqualTo("Wiki search down");
        assertThat(split.infoMessages()).anySatisfy(m -> assertThat(m).contains("Split off from #" + n));
        assertThat(split.messageTexts()).containsExactly("Also: the wiki search is down.");
        assertThat(TicketPage.open(browser, n).messageTexts()).as("the old ticket keeps it")
                .contains("Also: the wiki search is down.");
    }

    @Test
    void anAgentSavesAViewSharesItAndAColleagueOpensItFromTheSidebar() {
        String queue = Fixtures.queue();
        Api admin = Api.admin();
        long urgent = number(Fixtures.ticket(admin, queue, "Core switch down"));
        admin.patch("/api/tickets/" + urgent, Json.createObjectBuilder().add("priority", "urgent").build())
                .expect(200);
        Fixtures.ticket(admin, queue, "Printer toner low");
        String name = "Urgent in " + queue;
        String author = agent();
        logIn(author);
        browser.driver().get(browser.url("/queue.xhtml?name=" + queue + "&priority=urgent&sort=-number"));
        QueuePage page = new QueuePage(browser).saveView(name, true);
        assertThat(page.infoMessages()).anySatisfy(m -> assertThat(m).contains("Saved the view").contains(name)
                .contains("every agent"));
        assertThat(page.sidebarViews()).contains(name);
        assertThat(page.savedViewLine()).contains(name);
        browser.screenshots("saved-view");

        String colleague = agent();
        logIn(colleague);
        QueuePage shared = QueuePage.open(browser, queue).openView(name);
        assertThat(shared.sidebarViews()).contains(name + " (" + author + ")");
        assertThat(shared.subjects()).containsExactly("Core switch down");
        assertThat(browser.driver().getCurrentUrl()).contains("priority=urgent");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.id("views:delete-view")))
                .as("not the colleague's to delete").isEmpty();

        logIn(author);
        QueuePage mine = QueuePage.open(browser, queue).openView(name).deleteSavedView();
        assertThat(mine.infoMessages()).anySatisfy(m -> assertThat(m).contains("Deleted the saved view"));
        assertThat(mine.sidebarViews()).doesNotContain(name);
        assertThat(mine.subjects()).as("still the same list, no longer saved").containsExactly("Core switch down");
    }

    @Test
    void anAgentLogsTimeWithAReplyAndOnThePanelAndTheReportAddsItUp() {
        String queue = Fixtures.queue();
        String login = agent();
        long n = number(Fixtures.ticket(Api.admin(), queue, "VPN drops every hour"));
        logIn(login);
        TicketPage ticket = TicketPage.open(browser, n);
        assertThat(ticket.timeWorked()).isEqualTo("0 min");

        ticket.reply("Raised the DPD timeout.", 20);
        assertThat(ticket.timeWorked()).isEqualTo("20 min");
        ticket.logTime(70, "watched the tunnel");
        assertThat(ticket.timeWorked()).isEqualTo("1 h 30 min");
        assertThat(ticket.events()).anySatisfy(e -> assertThat(e).contains("Time worked")
                .contains("+1 h 10 min (1 h 30 min in all)").contains("watched the tunnel"));
        ticket.logTime(0, "");
        assertThat(ticket.errorMessages()).anySatisfy(m -> assertThat(m).contains("minutes worked"));
        ticket.logTime(-100, "");
        assertThat(ticket.errorMessages()).anySatisfy(m -> assertThat(m).contains("90 minutes worked in all"));
        assertThat(ticket.timeWorked()).isEqualTo("1 h 30 min");
        browser.screenshots("ticket-time");

        java.time.LocalDate today = java.time.LocalDate.now(Browser.ZONE);
        TimeReportPage report = TimeReportPage.open(browser, today.minusDays(1), today.plusDays(1));
        browser.screenshots("time-report");
        assertThat(report.rows("time-by-agent")).contains(login + " | 1 h 30 min | 90");
        assertThat(report.rows("time-by-queue")).contains(queue + " | 1 h 30 min | 90");
        assertThat(report.rows("time-by-ticket")).contains(n + " | VPN drops every hour | " + queue + " | 1 h 30 min");
        assertThat(report.csvLink()).contains("/export/time-entries.csv?from=" + today.minusDays(1) + "&to="
                + today.plusDays(1));
        assertThat(report.fetchLink("csv")).as("downloaded under the page's session")
                .startsWith("200|text/csv").contains("|\uFEFFworked_at,ticket,subject,queue,agent,minutes,note")
                .contains("," + n + ",VPN drops every hour," + queue + "," + login + ",70,watched the tunnel");
        assertThat(QueuePage.open(browser, queue).fetchLink("export-csv"))
                .startsWith("200|text/csv").contains("|\uFEFFnumber,subject,queue,")
                .contains(n + ",VPN drops every hour," + queue + ",open,normal,");
        TimeReportPage empty = TimeReportPage.open(browser, java.time.LocalDate.parse("2020-01-01"),
                java.time.LocalDate.parse("2020-01-31"));
        assertThat(empty.total()).startsWith("0 min in all");
        assertThat(empty.rows("time-by-ticket")).containsExactly("No time was logged in this period.");
    }

    @Test
    void timesAreShownAndDueDatesEnteredInTheBrowsersTimeZone() {
        String queue = Fixtures.queue();
        JsonObject created = Fixtures.ticket(Api.admin(), queue, "backup window");
        java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        logIn(agent());
        TicketPage ticket = TicketPage.open(browser, number(created));

        assertThat(ticket.created()).isEqualTo(
                minutes.format(java.time.Instant.parse(created.getString("createdAt")).atZone(Browser.ZONE)));
        ticket.saveDue("2027-03-01T09:30");
        java.time.Instant due = java.time.LocalDateTime.parse("2027-03-01T09:30").atZone(Browser.ZONE).toInstant();
        assertThat(java.time.Instant.parse(
                Api.admin().get("/api/tickets/" + number(created)).expect(200).json().getString("due"))).isEqualTo(due);
        assertThat(ticket.due()).isEqualTo("2027-03-01 09:30");
        assertThat(ticket.dueField()).isEqualTo("2027-03-01T09:30");
        // years ahead, so that the reminder never comes while the test runs
        java.time.LocalDateTime later = java.time.LocalDateTime.now(Browser.ZONE).plusYears(5).withSecond(0)
                .withNano(0);
        ticket.changeStatus("open").pendUntil(later.toString());
        assertThat(ticket.status()).contains("Pending");
        assertThat(ticket.pendingUntil()).isEqualTo(minutes.format(later));
        assertThat(java.time.Instant.parse(Api.admin().get("/api/tickets/" + number(created)).expect(200).json()
                .getString("pendingUntil"))).isEqualTo(later.atZone(Browser.ZONE).toInstant());

        // the zone the browser reports changes while the form is open: saving it untouched leaves the due date alone
        browser.driver().manage().addCookie(new org.openqa.selenium.Cookie("opsdesk_tz", "Asia%2FTokyo"));
        ticket.saveDetails();
        assertThat(java.time.Instant.parse(
                Api.admin().get("/api/tickets/" + number(created)).expect(200).json().getString("due"))).isEqualTo(due);
    }

    @Test
    void aStaleFormIsRefusedNotApplied() {
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(Api.admin(), queue, "changed behind your back"));
        logIn(agent());
        TicketPage ticket = TicketPage.open(browser, n);
        Api.admin().post("/api/tickets/" + n + "/owner", "{\"action\":\"take\"}").expect(200);

        ticket.changeStatus("rejected");
        assertThat(ticket.errorMessages()).anyMatch(m -> m.contains("changed since you loaded it"));
        assertThat(ticket.isStaleWarningShown()).isTrue();
        assertThat(Api.admin().get("/api/tickets/" + n).expect(200).json().getString("status")).isEqualTo("new");
    }

    @Test
    void anUnsentReplyIsOfferedBackAfterItsPageExpired() {
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(Api.admin(), queue, "a reply typed at length"));
        logIn(agent());
        String text = "Restarted the service; it answers again.";
        TicketPage ticket = TicketPage.open(browser, n).typeReply(text);
        browser.pushViewsOutOfSession();
        ticket.sendReply();
        // back on the ticket, which says nothing was sent and offers the text back
        assertThat(ticket.title()).startsWith("Ticket #" + n);
        assertThat(ticket.errorMessages()).anyMatch(m -> m.contains("expired, so nothing was changed"));
        assertThat(Api.admin().get("/api/tickets/" + n).expect(200).json().getJsonArray("messages")).hasSize(1);
        assertThat(ticket.replyText()).isEqualTo(text);
        assertThat(ticket.isDraftRestoredShown()).isTrue();

        // opened anew, too
        TicketPage again = TicketPage.open(browser, n);
        assertThat(again.replyText()).isEqualTo(text);
        again.sendReply();
        assertThat(again.infoMessages()).contains("Reply sent.");
        assertThat(again.messageTexts()).anyMatch(m -> m.contains(text));
        TicketPage later = TicketPage.open(browser, n);
        assertThat(later.replyText()).as("sent: forgotten").isEmpty();
        assertThat(later.isDraftRestoredShown()).isFalse();
    }

    @Test
    void aDraftIsOfferedOnlyToTheAgentWhoTypedItAndLoggingOutForgetsIt() {
        long n = number(Fixtures.ticket(Api.admin(), Fixtures.queue(), "a shared browser"));
        logIn(agent());
        TicketPage.open(browser, n).typeReply("the first agent's words");
        browser.expireSession();
        // another agent logs in in the same tab
        String second = agent();
        logIn(second);
        TicketPage theirs = TicketPage.open(browser, n);
        assertThat(theirs.replyText()).isEmpty();
        assertThat(theirs.isDraftRestoredShown()).isFalse();

        theirs.typeReply("the second agent's words");
        theirs.logOut();
        logIn(second);
        assertThat(TicketPage.open(browser, n).replyText()).as("forgotten at logout").isEmpty();
    }

    @Test
    void aRefusedActionKeepsTheTicketsAddressAndAnAnswerBelowAQuoteStaysInView() {
        String from = Fixtures.unique("quoter") + "@customer.example";
        String queue = Fixtures.queue();
        long n = Api.admin().mail(queue, org.opsdesk.it.support.Mails.from(from).to(queue + "@support.example")
                .subject("razor and 2.40").text("On Wed, 21 Aug 2002, Bob wrote:\n> Does razor work with 2.40?\n\n"
                        + "Yes, since 2.41 it does.\n").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        logIn(agent());
        TicketPage ticket = TicketPage.open(browser, n);
        assertThat(ticket.messageTexts()).anyMatch(t -> t.contains("Yes, since 2.41 it does."));

        ticket.sendReply(); // nothing typed
        assertThat(ticket.errorMessages()).anyMatch(m -> m.contains("Write the reply first"));
        assertThat(browser.driver().getCurrentUrl()).as("a reload shows the same ticket").contains("n=" + n);
        browser.driver().get(browser.driver().getCurrentUrl()); // opened again from the address bar
        assertThat(new TicketPage(browser).subject()).isEqualTo("razor and 2.40");
    }

    @Test
    void theSidePanelsChangeOwnerDetailsLinksAndHosts() {
        String queue = Fixtures.queue();
        String otherQueue = Fixtures.queue();
        long n = number(Fixtures.ticket(Api.admin(), queue, "side panels"));
        long other = number(Fixtures.ticket(Api.admin(), queue, "the other ticket"));
        String me = agent();
        String colleague = agent();
        String source = Fixtures.unique("mon");
        Api.admin().post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue)
                .build()).expect(201);
        String host = Fixtures.unique("web").replaceAll("[^a-z0-9-]", "") + ".example.net";
        Api.admin().post("/api/alerts?source=" + source, Json.createObjectBuilder().add("host", host)
                .add("service", "ping").add("state", "OK").build()).expect(200);
        logIn(me);
        TicketPage ticket = TicketPage.open(browser, n);

        ticket.assign(colleague);
        assertThat(ticket.owner()).isEqualTo(colleague);
        ticket.steal();
        assertThat(ticket.owner()).isEqualTo(me);
        ticket.release();
        assertThat(ticket.owner()).isEqualTo("nobody");

        ticket.saveDetails("high", otherQueue);
        JsonObject saved = Api.admin().get("/api/tickets/" + n).expect(200).json();
        assertThat(saved.getString("priority")).isEqualTo("high");
        assertThat(saved.getString("queue")).isEqualTo(otherQueue);

        // an alert's or a forwarded mail's subject ("Re: FW: URGENT") is made to say what the ticket is about
        ticket.retitle("Disk full on db01");
        assertThat(ticket.subject()).contains("Disk full on db01");
        assertThat(Api.admin().get("/api/tickets/" + n + "/history").expect(200).array())
                .anySatisfy(h -> assertThat(h.asJsonObject().getString("kind")).isEqualTo("subject"));

        ticket.addLink("depends-on", other);
        assertThat(ticket.links()).containsExactly("Depends on #" + other);
        assertThat(Api.admin().get("/api/tickets/" + n).expect(200).json().getJsonArray("links")).hasSize(1);
        ticket.removeLink(other);
        assertThat(ticket.links()).isEmpty();

        ticket.linkHost(host);
        assertThat(ticket.linkedHosts()).containsExactly(host);
        assertThat(Api.admin().get("/api/hosts/" + host).expect(200).json().getJsonArray("openTickets")).hasSize(1);
        ticket.unlinkHost();
        assertThat(ticket.linkedHosts()).isEmpty();
        assertThat(ticket.errorMessages()).isEmpty();

        String erin = Fixtures.unique("erin") + "@customer.example";
        String requester = Api.admin().get("/api/tickets/" + n).expect(200).json().getJsonArray("requesters")
                .getString(0);
        ticket.savePeople(erin, requester + "\n" + "frank@customer.example");
        assertThat(ticket.errorMessages()).isEmpty();
        assertThat(ticket.requesters()).isEqualTo(erin);
        assertThat(ticket.cc().split(", ")).containsExactlyInAnyOrder(requester, "frank@customer.example");
        ticket.savePeople("", "");
        assertThat(ticket.errorMessages()).anyMatch(m -> m.contains("at least one requester"));
        assertThat(Api.admin().get("/api/tickets/" + n).expect(200).json().getJsonArray("requesters"))
                .extracting(v -> ((jakarta.json.JsonString) v).getString()).containsExactly(erin);
    }

    @Test
    void anAgentQuotesAMessageInTheReplyAndForwardsAnother() {
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(Api.admin(), queue, "quote and forward"));
        Api.admin().post("/api/tickets/" + n + "/replies", "{\"body\":\"first line\\nsecond line\"}").expect(201);
        Api.admin().post("/api/tickets/" + n + "/comments", "{\"body\":\"internal only\"}").expect(201);
        JsonObject ticket = Api.admin().get("/api/tickets/" + n).expect(200).json();
        long second = ticket.getJsonArray("messages").getJsonObject(1).getJsonNumber("id").longValue();
        logIn(agent());
        TicketPage page = TicketPage.open(browser, n);
        assertThat(page.forwardChoice()).as("the requester's latest message first")
                .isEqualTo(String.valueOf(ticket.getJsonArray("messages").getJsonObject(0).getJsonNumber("id")));

        page.quote(1);
        assertThat(page.replyText()).contains(" wrote:\n> first line\n> second line\n");
        assertThat(page.quoteLinks()).as("an internal comment is not quoted into a reply").isEqualTo(2);

        String vendor = Fixtures.unique("vendor") + "@storage.example";
        page.forward(1, vendor, "for you");
        assertThat(page.errorMessages()).isEmpty();
        assertThat(page.infoMessages()).anyMatch(m -> m.startsWith("Forward to " + vendor + " queued for sending"));
        assertThat(Api.admin().get("/api/tickets/" + n + "/history").expect(200).array().stream()
                .map(h -> h.asJsonObject()).filter(h -> h.getString("kind").equals("forwarded"))
                .map(h -> h.getString("note"))).containsExactly("message " + second);
        assertThat(page.messageTexts()).anyMatch(t -> t.startsWith("Forwarded message #" + second + " to " + vendor)
                && t.contains("for you"));
        // no mail server listens for the browser tests: the ticket says the forward has not gone out
        org.awaitility.Awaitility.await("the failed first try shown").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> TicketPage.open(browser, n).unsent().contains("forward to " + vendor));
        logIn(Fixtures.agent(true));
        assertThat(AdminMailPage.open(browser).outbox()).anyMatch(row -> row.contains("forward")
                && row.contains("#" + n) && row.contains(vendor));
    }

    @Test
    void ticketMergesIntoAnother() {
        String queue = Fixtures.queue();
        long from = number(Fixtures.ticket(Api.admin(), queue, "duplicate report"));
        long into = number(Fixtures.ticket(Api.admin(), queue, "original report"));
        logIn(agent());
        TicketPage ticket = TicketPage.open(browser, from).mergeInto(into);
        assertThat(ticket.number()).isEqualTo(into);
        assertThat(ticket.subject()).isEqualTo("original report");
        assertThat(ticket.infoMessages()).contains("Merged #" + from + " into #" + into + ".");
        assertThat(ticket.messageTexts()).contains("Body of duplicate report", "Body of original report");
    }

    @Test
    void aTicketOpenedAtANumberMergedBeforeTakesChanges() {
        // the page shows (and changes) the ticket the number went into, with that ticket's version
        String queue = Fixtures.queue();
        long from = number(Fixtures.ticket(Api.admin(), queue, "old link"));
        long into = number(Fixtures.ticket(Api.admin(), queue, "where it went"));
        Api.admin().post("/api/tickets/" + from + "/merge", "{\"into\":" + into + "}").expect(200);
        String login = agent();
        logIn(login);

        TicketPage ticket = TicketPage.open(browser, from).take();

        assertThat(ticket.errorMessages()).isEmpty();
        assertThat(Api.admin().get("/api/tickets/" + into).expect(200).json().getString("owner")).isEqualTo(login);
        assertThat(ticket.changeStatus("open").status()).contains("Open");
    }

    @Test
    void newTicketFormOpensTheTicket() {
        String queue = Fixtures.queue();
        logIn(agent());
        NewTicketPage form = NewTicketPage.openFromTopBar(browser);
        browser.screenshots("new-ticket");
        TicketPage ticket = form.create(queue, "carol@customer.example", "new laptop for carol", "Needs 32 GB.");
        assertThat(ticket.subject()).isEqualTo("new laptop for carol");
        assertThat(ticket.infoMessages()).anyMatch(m -> m.matches("Ticket #\\d+ created\\."));
        JsonObject stored = Api.admin().get("/api/tickets/" + ticket.number()).expect(200).json();
        assertThat(stored.getString("queue")).isEqualTo(queue);
        assertThat(stored.getJsonArray("requesters").getString(0)).isEqualTo("carol@customer.example");
    }

    @Test
    void theNewTicketFormFromAQueueChoosesItAndTakesCcAndFiles() throws Exception {
        String queue = Fixtures.queue();
        Fixtures.queue(); // another queue, made later: the default choice would not be this one
        logIn(agent());
        QueuePage.open(browser, queue);
        NewTicketPage form = NewTicketPage.openFromTopBar(browser);
        assertThat(form.chosenQueue()).isEqualTo(queue);
        java.nio.file.Path photo = java.nio.file.Files.createTempDirectory("new").resolve("rack.txt");
        java.nio.file.Files.writeString(photo, "rack 4, unit 12\n");
        TicketPage ticket = form.create("dan@customer.example", "erin@customer.example, frank@customer.example",
                "phoned in: rack 4 is loud", "", photo);
        JsonObject stored = Api.admin().get("/api/tickets/" + ticket.number()).expect(200).json();
        assertThat(stored.getString("queue")).isEqualTo(queue);
        assertThat(stored.getJsonArray("cc").stream().map(v -> ((jakarta.json.JsonString) v).getString()))
                .containsExactly("erin@customer.example", "frank@customer.example");
        assertThat(ticket.attachmentNames()).containsExactly(List.of("rack.txt"));
    }

    @Test
    void dashboardDrawsItsCharts() {
        String queue = Fixtures.queue();
        Fixtures.ticket(Api.admin(), queue, "counted on the dashboard");
        logIn(agent());
        DashboardPage dashboard = DashboardPage.open(browser);
        assertThat(dashboard.bars("chart-queues")).contains(queue + "=1");
        assertThat(dashboard.bars("chart-statuses")).anyMatch(bar -> bar.startsWith("new=")
                && !bar.equals("new=0"));
        assertThat(dashboard.createdLine().split(" ")).hasSize(30);
        assertThat(dashboard.oldestUnowned()).isNotEmpty();
        browser.screenshots("dashboard");
    }

    @Test
    void sidebarCountsStayCurrentOnPagesOtherThanTheQueue() {
        logIn(agent());
        DashboardPage dashboard = DashboardPage.open(browser);
        browser.script("window.opsdeskNoReload = true;");

        // a queue created after the page was loaded joins the sidebar without a reload
        String queue = Fixtures.queue();
        Fixtures.ticket(Api.admin(), queue, "first of the queue");
        dashboard.waitForSidebarCount(queue, "1");

        Fixtures.ticket(Api.admin(), queue, "second of the queue");
        dashboard.waitForSidebarCount(queue, "2");
        assertThat(browser.script("return window.opsdeskNoReload === true")).as("same page, not reloaded")
                .isEqualTo(true);
    }

    @Test
    void adminScreensAreForAdminsOnly() {
        logIn(Fixtures.agent(true));
        browser.driver().get(browser.url("/admin/queues.xhtml"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Administration");
        browser.screenshots("admin-queues");
        browser.driver().get(browser.url("/admin/agents.xhtml"));
        browser.screenshots("admin-agents");
        browser.driver().get(browser.url("/tokens.xhtml"));
        browser.screenshots("tokens");

        logIn(agent());
        browser.driver().get(browser.url("/admin/queues.xhtml"));
        assertThat(browser.driver().getPageSource()).containsIgnoringCase("forbidden");
        browser.discardConsoleAfter("403");
    }

    @Test
    void anAdminBlocksASenderAndUnblocksIt() {
        String domain = Fixtures.unique("junk") + ".example";
        logIn(Fixtures.agent(true));
        AdminMailPage mail = AdminMailPage.open(browser).block(domain, "newsletter we never asked for");
        assertThat(mail.infoMessages()).anyMatch(m -> m.contains("@" + domain));
        assertThat(mail.blocked()).anyMatch(row -> row.contains("@" + domain)
                && row.contains("newsletter we never asked for"));
        browser.screenshots("admin-mail");
        mail.block("not a domain", "");
        assertThat(mail.errorMessages()).anyMatch(m -> m.contains("Block an address"));
        mail.block("", "");
        assertThat(mail.errorMessages()).anyMatch(m -> m.contains("Name the sender"));
        String queue = Fixtures.queue();
        Api.admin().mail(queue, org.opsdesk.it.support.Mails.from("news@" + domain).to(queue + "@support.example")
                .subject("Weekly digest").text("unsubscribe").bytes()).expect(200);
        assertThat(AdminMailPage.open(browser).ignored()).anyMatch(row -> row.contains("sender blocked (@" + domain
                + ")"));
        mail.unblock("@" + domain);
        assertThat(mail.blocked()).noneMatch(row -> row.contains("@" + domain));
    }

    @Test
    void anAdminProcessesQuarantinedMailAgainOnceItsQueueExistsAndDeletesAnother() {
        String queue = "later-" + Fixtures.unique("q").replaceAll("[^a-z0-9-]", "");
        java.util.function.Function<String, Long> quarantined = subject -> {
            JsonObject r = Api.admin().mail(queue, org.opsdesk.it.support.Mails.from(Fixtures.unique("c")
                    + "@customer.example").to(queue + "@support.example").subject(subject).text("hi").bytes())
                    .expect(200).json();
            assertThat(r.getString("disposition")).isEqualTo("quarantined");
            return r.getJsonNumber("inboundId").longValue();
        };
        long first = quarantined.apply("to a queue not made yet");
        long second = quarantined.apply("spam to delete");
        logIn(Fixtures.agent(true));
        AdminMailPage mail = AdminMailPage.open(browser);
        assertThat(mail.reason(first)).hasValueSatisfying(r -> assertThat(r).contains(queue));

        mail.processAgain(first);
        assertThat(mail.errorMessages()).anyMatch(m -> m.contains("quarantined again"));
        Api.admin().post("/api/queues", Json.createObjectBuilder().add("name", queue).build()).expect(201);
        mail.processAgain(first);
        assertThat(mail.infoMessages()).anyMatch(m -> m.contains("processed: created"));
        assertThat(mail.reason(first)).isEmpty();
        assertThat(Api.admin().get("/api/tickets?queue=" + queue).expect(200).json().getInt("total")).isEqualTo(1);

        mail.delete(second);
        assertThat(mail.reason(second)).isEmpty();
        assertThat(Api.admin().get("/api/mail/quarantine?limit=500").expect(200).json().getJsonArray("items")
                .stream().map(i -> i.asJsonObject().getJsonNumber("id").longValue())).doesNotContain(first, second);
    }

    @Test
    void anAdminCreatesDisablesAndResetsAnAgentWhoManagesTokens() {
        String login = "ui" + Fixtures.unique("new").replaceAll("[^a-z0-9]", "");
        logIn(Fixtures.agent(true));
        AdminAgentsPage agents = AdminAgentsPage.open(browser).create(login, "New Agent", login + "@ops.example",
                Fixtures.PASSWORD);
        assertThat(agents.errorMessages()).isEmpty();
        assertThat(agents.row(login)).containsExactly(login, "New Agent", login + "@ops.example", "agent", "active");
        Api.basic(login, Fixtures.PASSWORD).get("/api/me").expect(200);

        agents.disable(login);
        assertThat(agents.row(login).get(4)).isEqualTo("disabled");
        Api.basic(login, Fixtures.PASSWORD).get("/api/me").expect(401);
        agents.enable(login);
        agents.resetPassword(login, "a-new-password-for-" + login);
        assertThat(agents.errorMessages()).isEmpty();
        Api.basic(login, Fixtures.PASSWORD).get("/api/me").expect(401);

        // the agent logs in with the new password and makes a token, which works until revoked
        LoginPage.open(browser).logIn(login, "a-new-password-for-" + login);
        TokensPage tokens = TokensPage.open(browser);
        String secret = tokens.create("mailgate");
        assertThat(tokens.state("mailgate")).isEqualTo("active");
        Api.token(secret).get("/api/me").expect(200);
        tokens.revoke("mailgate");
        assertThat(tokens.state("mailgate")).startsWith("revoked");
        Api.token(secret).get("/api/me").expect(401);
    }

    /**
     * A row's button acts on the agent of its row, though an agent added meanwhile shifted the rows: Faces finds the
     * row by its position, and read anew at the click the list put another agent there.
     */
    @Test
    void aRowButtonActsOnItsOwnRowThoughTheListChangedMeanwhile() {
        String run = Fixtures.unique("row").replaceAll("[^a-z0-9]", "");
        String target = "zz" + run;
        Api.admin().post("/api/agents", Json.createObjectBuilder().add("login", target)
                .add("displayName", target).add("email", target + "@ops.example").add("password", Fixtures.PASSWORD)
                .add("admin", false).build()).expect(201);
        logIn(Fixtures.agent(true));
        browser.driver().get(browser.url("/admin/agents.xhtml"));
        Fixtures.agent(false); // sorts before the target: every row from here on moves down one

        browser.driver().findElement(By.cssSelector("input[aria-label='Make " + target + " an admin']")).click();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Api.admin().get("/api/agents/" + target).expect(200).json().getBoolean("admin")).isTrue());
    }

    /** An admin creates a queue with its own autoreply text in the browser, and a typo in a placeholder is refused. */
    @Test
    void anAdminCreatesAQueueWithItsOwnAutoreplyText() {
        logIn(Fixtures.agent(true));
        String queue = Fixtures.unique("uiq");
        String text = "Thanks, {{requester.name}}: we track this as {{ticket.tag}}.";

        AdminQueuesPage page = AdminQueuesPage.open(browser).create(queue, queue + "@support.example", text);
        assertThat(page.errorMessages()).isEmpty();
        assertThat(page.infoMessages()).contains("Queue " + queue + " created.");
        assertThat(page.names()).contains(queue);

        AdminQueuesPage form = page.edit(queue);
        assertThat(form.autoreplyText()).isEqualTo(text);
        browser.screenshots("admin-queue-edit");
        AdminQueuesPage refused = form.changeAutoreplyText("We got it: {{ticket.id}}");
        assertThat(refused.errorMessages()).anyMatch(m -> m.contains("{{ticket.id}}") && m.contains("{{ticket.tag}}"));

        assertThat(Api.admin().get("/api/queues/" + queue).expect(200).json().getString("autoReplyTemplate"))
                .isEqualTo(text);

        // a signature, and an agent's replies in the queue signed with it unless the box is unticked
        assertThat(AdminQueuesPage.open(browser).edit(queue).changeSignature("{{agent.name}}\nThe NOC")
                .errorMessages()).isEmpty();
        long n = number(Fixtures.ticket(Api.admin(), queue, "Fan failure in chassis 3"));
        String agent = agent();
        logIn(agent);
        TicketPage ticket = TicketPage.open(browser, n).reply("A new fan is on its way.", null);
        ticket.replyUnsigned("And unsigned.");
        assertThat(ticket.messageTexts()).last().isEqualTo("And unsigned.");
        assertThat(ticket.messageTexts().get(ticket.messageTexts().size() - 2)).startsWith("A new fan is on its way.")
                .containsPattern("\n--\\s*\n" + agent + "\nThe NOC$");
    }

    @Test
    void aDoubleClickOnSendSendsTheReplyOnce() {
        long n = number(Fixtures.ticket(Api.admin(), Fixtures.queue(), "Printer jams"));
        logIn(agent());
        TicketPage.open(browser, n);
        // the form lets its first submission go and holds back the second (the page's script; a listener added
        // after it sees whether it did, and keeps the browser here)
        assertThat(browser.script("var seen = [];"
                + "document.addEventListener('submit', function (e) { seen.push(e.defaultPrevented);"
                + " e.preventDefault(); });"
                + "var form = document.getElementById('reply'); form.requestSubmit(); form.requestSubmit();"
                + "return seen.join(',');")).isEqualTo("false,true");
        TicketPage.open(browser, n).replyByDoubleClick("Sent once, clicked twice.");
        // the page after it shows; a second post, had it gone, would land within these seconds
        await("one reply, one mail to the customer").during(java.time.Duration.ofSeconds(2))
                .atMost(java.time.Duration.ofSeconds(5)).until(() -> Api.admin().get("/api/tickets/" + n).expect(200)
                        .json().getJsonArray("messages").stream().map(m -> m.asJsonObject().getString("text", ""))
                        .filter(t -> t.startsWith("Sent once")).count() == 1);
    }

    /**
     * An admin gives a queue a service level in the browser (hours that cannot be read are refused with what to
     * write), its ticket shows its deadlines, and past the first response's minute it is marked and listed as
     * escalated.
     */
    @Test
    void aQueuesServiceLevelIsSetInTheBrowserAndAnEscalatedTicketIsMarkedAndListed() {
        logIn(Fixtures.agent(true));
        String queue = Fixtures.queue();
        AdminQueuesPage refused = AdminQueuesPage.open(browser).edit(queue).changeServiceLevel("urgent", "1", "240",
                "weekdays 9 to 5");
        assertThat(refused.errorMessages()).anyMatch(m -> m.contains("Mon-Fri 09:00-17:00 Europe/Berlin"));
        assertThat(AdminQueuesPage.open(browser).edit(queue).changeServiceLevel("urgent", "1", "240", "50", "")
                .errorMessages()).isEmpty();
        JsonObject sla = Api.admin().get("/api/queues/" + queue).expect(200).json().getJsonObject("sla");
        assertThat(sla.getString("businessHours")).isEqualTo("24x7");
        assertThat(sla.getInt("warnPercent")).isEqualTo(50);
        assertThat(sla.getJsonObject("targets").getJsonObject("urgent").getInt("resolution")).isEqualTo(240);

        long n = number(Api.admin().post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                .add("subject", "Checkout returns 500").add("body", "since the deploy").add("priority", "urgent")
                .add("requester", Fixtures.unique("cust") + "@customer.example").build()).expect(201).json());
        List<String> facts = TicketPage.open(browser, n).serviceLevel();
        assertThat(facts.get(0)).startsWith("due ");
        assertThat(facts.get(1)).isNotEmpty();
        assertThat(facts.get(2)).isEmpty();
        assertThat(QueuePage.open(browser, queue).slaDeadlines()).singleElement().asString().startsWith("SLA ");
        // warned at half the minute: due soon, until the minute has passed
        await().atMost(java.time.Duration.ofSeconds(55)).pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> TicketPage.open(browser, n).nearing().startsWith("Due soon"));
        // recorded at the server's next check after it (every second in these tests)
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> Api.admin().get("/api/tickets/" + n
                + "/history").expect(200).array().stream().anyMatch(h -> h.asJsonObject().getString("kind")
                        .equals("sla_warning")));

        await().atMost(java.time.Duration.ofSeconds(120)).pollInterval(java.time.Duration.ofSeconds(2))
                .until(() -> QueuePage.open(browser, queue, "escalated").subjects().contains("Checkout returns 500"));
        QueuePage escalated = QueuePage.open(browser, queue, "escalated");
        assertThat(escalated.heading()).isEqualTo("Escalated tickets");
        assertThat(escalated.lateDues()).singleElement().asString().startsWith("Escalated");
        browser.screenshots("queue-escalated");
        assertThat(TicketPage.open(browser, n).serviceLevel().get(2)).startsWith("Escalated");
        assertThat(TicketPage.open(browser, n).nearing()).as("past it: no longer due soon").isEmpty();
        // the dashboard lists what the Escalated view lists first, the one longest past its deadline first
        DashboardPage dashboard = DashboardPage.open(browser);
        JsonObject listed = Api.admin().get("/api/tickets?escalated=true&sort=sla&limit=10").expect(200).json();
        assertThat(dashboard.escalated()).isEqualTo(listed.getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getJsonNumber("number").longValue()).toList()).isNotEmpty();
        assertThat(dashboard.escalatedTotal()).isEqualTo(listed.getJsonNumber("total").longValue());
        assertThat(listed.getJsonNumber("total").longValue() > 10 || dashboard.escalated().contains(n)).isTrue();
        browser.screenshots("dashboard-escalated");
    }

    /** An admin creates an organization; a ticket of one of its customers shows it and leads to all its tickets. */
    @Test
    void anOrganizationsCustomersTicketsAreOneClickAway() {
        logIn(Fixtures.agent(true));
        String domain = Fixtures.unique("umbrella") + ".example";
        String name = Fixtures.unique("Umbrella");
        AdminOrganizationsPage page = AdminOrganizationsPage.open(browser).create(name, domain);
        assertThat(page.errorMessages()).isEmpty();
        assertThat(page.names()).contains(name);
        browser.screenshots("admin-organizations");
        assertThat(AdminOrganizationsPage.open(browser).create(Fixtures.unique("Bad"), "not a domain")
                .errorMessages()).anyMatch(m -> m.contains("no mail domain"));

        String queue = Fixtures.queue();
        long first = number(Api.admin().post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                .add("subject", "Badge reader offline").add("body", "lobby").add("requester", "facilities@" + domain)
                .build()).expect(201).json());
        Api.admin().post("/api/tickets", Json.createObjectBuilder().add("queue", Fixtures.queue())
                .add("subject", "Printer jam").add("body", "3rd floor").add("requester", "it@" + domain).build())
                .expect(201);
        QueuePage tickets = TicketPage.open(browser, first).openOrganization(name);
        assertThat(tickets.heading()).isEqualTo("Tickets of " + name);
        assertThat(tickets.subjects()).containsExactlyInAnyOrder("Badge reader offline", "Printer jam");
    }

    /** An admin creates a macro in the browser, and an agent applies it on a ticket's page. */
    @Test
    void anAdminCreatesAMacroAndAnAgentAppliesIt() {
        logIn(Fixtures.agent(true));
        String name = Fixtures.unique("Waiting on vendor");
        AdminMacrosPage macros = AdminMacrosPage.open(browser).create(name, "Asked the vendor; waiting.",
                "vendor", "high", "open");
        assertThat(macros.errorMessages()).isEmpty();
        assertThat(macros.infoMessages()).contains("Macro " + name + " created.");
        assertThat(macros.names()).contains(name);
        browser.screenshots("admin-macros");
        assertThat(AdminMacrosPage.open(browser).create(Fixtures.unique("Nothing"), "", "", "", "").errorMessages())
                .anyMatch(m -> m.contains("changes something"));

        long n = number(Fixtures.ticket(Api.admin(), Fixtures.queue(), "Firmware bug in the switch"));
        logIn(agent());
        TicketPage ticket = TicketPage.open(browser, n).applyMacro(name);
        assertThat(ticket.infoMessages()).contains("Macro " + name + " applied.");
        assertThat(ticket.messageTexts()).last().isEqualTo("Asked the vendor; waiting.");
        JsonObject t = Api.admin().get("/api/tickets/" + n).expect(200).json();
        assertThat(t.getString("priority")).isEqualTo("high");
        assertThat(t.getString("status")).isEqualTo("open");
        assertThat(t.getJsonArray("tags").getString(0)).isEqualTo("vendor");
    }

    /** An admin creates a trigger in the browser; the next matching ticket is changed as it is created. */
    @Test
    void anAdminCreatesATriggerAndTheNextMatchingTicketIsChanged() {
        logIn(Fixtures.agent(true));
        String queue = Fixtures.queue();
        String name = Fixtures.unique("Printers");
        AdminTriggersPage triggers = AdminTriggersPage.open(browser).create(name, queue, "printer", "printers",
                "high");
        assertThat(triggers.errorMessages()).isEmpty();
        assertThat(triggers.infoMessages()).contains("Trigger " + name + " created.");
        assertThat(triggers.rows()).contains(List.of(name, "new tickets: in " + queue
                + " \u00b7 subject has \u201cprinter\u201d", "priority high \u00b7 tag printers"));
        browser.screenshots("admin-triggers");
        assertThat(AdminTriggersPage.open(browser).create(Fixtures.unique("Nothing"), queue, "", "", "")
                .errorMessages()).anyMatch(m -> m.contains("changes something"));
        // one that runs on replies too says so in its row, and its edit form shows it
        String replies = Fixtures.unique("Printer replies");
        AdminTriggersPage both = AdminTriggersPage.open(browser).runsOn("create reply").create(replies, queue,
                "toner", "toner", "");
        assertThat(both.rows()).contains(List.of(replies, "new tickets and customer replies: in " + queue
                + " \u00b7 subject has \u201ctoner\u201d", "tag toner"));
        long bothId = Api.admin().get("/api/triggers").expect(200).array().stream().map(v -> v.asJsonObject())
                .filter(v -> v.getString("name").equals(replies)).findFirst().orElseThrow().getJsonNumber("id")
                .longValue();
        try {
            assertThat(AdminTriggersPage.edit(browser, bothId).runsOn()).isEqualTo("create reply");
        } finally {
            Api.admin().delete("/api/triggers/" + bothId).expect(204);
        }
        try {
            JsonObject t = Fixtures.ticket(Api.admin(), queue, "Printer on 3rd floor jams");
            assertThat(t.getString("priority")).isEqualTo("high");
            assertThat(t.getJsonArray("tags").getString(0)).isEqualTo("printers");
            assertThat(TicketPage.open(browser, number(t)).events()).anyMatch(h -> h.contains("trigger "
                    + name));
        } finally {
            Api.admin().get("/api/triggers").expect(200).array().stream().map(v -> v.asJsonObject())
                    .filter(v -> v.getString("name").equals(name))
                    .forEach(v -> Api.admin().delete("/api/triggers/" + v.getJsonNumber("id")).expect(204));
        }
    }

    @Test
    void scriptInASubjectOrInMailHtmlStaysInert() {
        String queue = Fixtures.queue();
        String subject = "<script>alert('subject')</script><img src=x onerror=alert('img')>";
        long n = number(Fixtures.ticket(Api.admin(), queue, subject));
        Api.admin().post("/api/tickets/" + n + "/replies", Json.createObjectBuilder().add("body", "see html")
                .add("html", "<p>Hello <b>there</b></p><script>alert('html')</script>"
                        + "<img src=\"x\" onerror=\"alert('html-img')\"><a href=\"javascript:alert('link')\">x</a>")
                .build()).expect(201);
        logIn(agent());

        QueuePage page = QueuePage.open(browser, queue);
        assertThat(page.subjects()).containsExactly(subject);
        TicketPage ticket = TicketPage.open(browser, n);
        assertThat(ticket.subject()).isEqualTo(subject);
        assertThat(browser.driver().findElements(By.cssSelector(".mail-html script, .mail-html [onerror]"))).isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector(".mail-html b")).getText()).isEqualTo("there");
        browser.screenshots("ticket-xss");
    }

    @Test
    void theQuoteOfAnHtmlMailIsCollapsed() {
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(Api.admin(), queue, "quoted html"));
        Api.admin().post("/api/tickets/" + n + "/replies", Json.createObjectBuilder().add("body", "see html")
                .add("html", "<div dir=\"ltr\">Rebooted db01, it is back.</div><div class=\"gmail_quote\"><div>On Mon,"
                        + " 1 Dec 2025, Ops wrote:</div><blockquote class=\"gmail_quote\">Is db01 down?</blockquote></div>")
                .build()).expect(201);
        logIn(agent());

        TicketPage.open(browser, n);

        WebElement quote = browser.driver().findElement(By.cssSelector("#timeline details.quote"));
        assertThat(quote.getAttribute("open")).as("collapsed").isNull();
        assertThat(quote.findElement(By.tagName("summary")).getAttribute("textContent")).isEqualTo("Quoted text");
        assertThat(browser.driver().findElements(By.cssSelector("#timeline .mail-html")).get(0).getText())
                .isEqualTo("Rebooted db01, it is back.");
        quote.findElement(By.tagName("summary")).click();
        assertThat(quote.findElement(By.tagName("blockquote")).getText()).isEqualTo("Is db01 down?");
    }

    /** A mail's inline image (multipart/related, {@code <img src="cid:...">}) shows on the ticket page. */
    @Test
    void anInlineImageOfAMailShowsInItsHtml() throws Exception {
        String queue = Fixtures.queue();
        jakarta.mail.internet.MimeMessage mail = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()));
        mail.setFrom(Fixtures.unique("cust") + "@customer.example");
        mail.setRecipients(jakarta.mail.Message.RecipientType.TO, queue + "@support.example");
        mail.setSubject("Screenshot of the error");
        jakarta.mail.internet.MimeMultipart related = new jakarta.mail.internet.MimeMultipart("related");
        jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
        html.setContent("<p>See the screen:</p><p><img src=\"cid:shot.png@01DA\" alt=\"screen\"></p>",
                "text/html; charset=utf-8");
        related.addBodyPart(html);
        jakarta.mail.internet.MimeBodyPart image = new jakarta.mail.internet.MimeBodyPart();
        image.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                java.util.Base64.getDecoder().decode(ONE_PIXEL_PNG), "image/png")));
        image.setHeader("Content-ID", "<shot.png@01DA>");
        image.setDisposition("inline");
        related.addBodyPart(image);
        mail.setContent(related);
        mail.saveChanges();
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        mail.writeTo(raw);
        long n = Api.admin().mail(queue, raw.toByteArray()).expect(200).json().getJsonNumber("ticket").longValue();
        logIn(agent());

        TicketPage.open(browser, n);

        WebElement img = browser.driver().findElement(By.cssSelector("#timeline .mail-html img"));
        assertThat(img.getAttribute("src")).contains("/attachments/" + n + "/");
        org.awaitility.Awaitility.await("the inline image to load").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Long.valueOf(1).equals(browser.script("return arguments[0].naturalWidth", img)));

        // and the mail as it arrived is a download from the message's header, with the session's login
        WebElement original = browser.driver().findElement(By.cssSelector("#timeline a.original-mail"));
        assertThat(original.getText()).isEqualTo("Original mail");
        Object fetched = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0].href).then(r => r.text().then(t => done(r.status + ' '"
                + " + r.headers.get('Content-Type') + ' ' + r.headers.get('Content-Disposition') + '\\n' + t)))"
                + ".catch(e => done('failed: ' + e));", original);
        assertThat(fetched.toString()).startsWith("200 message/rfc822 attachment")
                .contains("Subject: Screenshot of the error").contains("Content-ID: <shot.png@01DA>");
    }

    private static final String ONE_PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
            + "hKmMIQAAAABJRU5ErkJggg==";
}
