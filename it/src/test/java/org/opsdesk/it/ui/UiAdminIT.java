package org.opsdesk.it.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.ui.pages.AdminAlertSourcesPage;
import org.opsdesk.it.ui.pages.AdminMailboxesPage;
import org.opsdesk.it.ui.pages.LoginPage;

/**
 * The admin pages that configure where tickets come from: a polled mailbox (against GreenMail's IMAP on loopback)
 * and an alert source with its secret, each used for real after the form saved it.
 */
class UiAdminIT extends BrowserIT {

    private static void logInAsAdmin() {
        LoginPage.open(browser).logIn(Fixtures.agent(true), Fixtures.PASSWORD);
    }

    private static JsonObject mailbox(String name) {
        return Api.admin().get("/api/mail/mailboxes").expect(200).array().stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anAdminAddsAMailboxSeesItsFailedLoginFixesThePasswordAndItsMailBecomesATicket() {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP_IMAP);
        greenMail.start();
        try {
            String queue = Fixtures.queue();
            String box = Fixtures.unique("uibox") + "@support.example";
            greenMail.setUser(box, box, "the-right-password");
            String subject = "printer on fire " + Fixtures.unique("s");
            GreenMailUtil.sendTextEmail(box, Fixtures.unique("c") + "@customer.example", subject, "help",
                    ServerSetupTest.SMTP);
            logInAsAdmin();
            String name = Fixtures.unique("mb");

            AdminMailboxesPage page = AdminMailboxesPage.open(browser).add(name, "IMAP", "PLAIN", "127.0.0.1", box,
                    "a-wrong-password", queue, 1);
            assertThat(page.errorMessages()).isEmpty();
            assertThat(page.server(name)).hasValue("IMAP PLAIN 127.0.0.1:143 INBOX");
            browser.screenshots("admin-mailboxes");
            // GreenMail's IMAP port is not the protocol's; the form says so, and the refused login shows in the list
            page = page.edit(name).port(String.valueOf(ServerSetupTest.IMAP.getPort())).save();
            assertThat(mailbox(name).getInt("port")).isEqualTo(ServerSetupTest.IMAP.getPort());
            await("the refused login to show").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    AdminMailboxesPage.open(browser).lastPoll(name)).hasValueSatisfying(p -> assertThat(p)
                            .contains("The server refused the login").containsIgnoringCase("authentication")));
            assertThat(Api.admin().get("/api/tickets?queue=" + queue).expect(200).json().getInt("total")).isZero();

            // a new password; the port left as it was typed (the form shows it, as it is not the protocol's)
            AdminMailboxesPage edit = AdminMailboxesPage.open(browser).edit(name);
            assertThat(edit.portShown()).isEqualTo(String.valueOf(ServerSetupTest.IMAP.getPort()));
            edit.password("the-right-password").save();
            await("the mailbox's mail as a ticket").atMost(Duration.ofSeconds(30)).until(() -> Api.admin()
                    .get("/api/tickets?queue=" + queue).expect(200).json().getInt("total") == 1);
            assertThat(Api.admin().get("/api/tickets?queue=" + queue).expect(200).json().getJsonArray("items")
                    .getJsonObject(0).getString("subject")).isEqualTo(subject);

            // an empty password field keeps the stored one: saving other fields does not break the login
            AdminMailboxesPage.open(browser).edit(name).port("").save();
            assertThat(mailbox(name).getInt("port")).isEqualTo(143);
            assertThat(mailbox(name).getBoolean("defaultPort")).isTrue();
            AdminMailboxesPage.open(browser).edit(name).port(String.valueOf(ServerSetupTest.IMAP.getPort())).save();
            String second = "second " + Fixtures.unique("s");
            GreenMailUtil.sendTextEmail(box, Fixtures.unique("c") + "@customer.example", second, "again",
                    ServerSetupTest.SMTP);
            await("the second mail as a ticket").atMost(Duration.ofSeconds(30)).until(() -> Api.admin()
                    .get("/api/tickets?queue=" + queue).expect(200).json().getInt("total") == 2);

            AdminMailboxesPage after = AdminMailboxesPage.open(browser).delete(name);
            assertThat(after.infoMessages()).anyMatch(m -> m.contains(name + " deleted"));
            assertThat(after.server(name)).isEmpty();
            assertThat(Api.admin().get("/api/mail/mailboxes").expect(200).array().stream()
                    .map(JsonValue::asJsonObject).noneMatch(m -> m.getString("name").equals(name))).isTrue();
        } finally {
            greenMail.stop();
        }
    }

    private static void apiMailbox(String name, String queue) {
        Api.admin().post("/api/mail/mailboxes", Json.createObjectBuilder().add("name", name).add("protocol", "IMAP")
                .add("host", "127.0.0.1").add("port", 9).add("security", "PLAIN").add("username", name)
                .add("password", "never-used-1").add("queue", queue).add("enabled", false).build()).expect(201);
    }

    @Test
    void deleteRemovesTheRowClickedEvenWhenAnotherAdminAddedOneMeanwhile() {
        // the row of a click is found by its position: read anew, a mailbox added meanwhile shifted the rows and the
        // new one was deleted instead
        String queue = Fixtures.queue();
        String prefix = Fixtures.unique("ord");
        String first = prefix + "-a";
        String last = prefix + "-c";
        apiMailbox(first, queue);
        apiMailbox(last, queue);
        logInAsAdmin();
        AdminMailboxesPage page = AdminMailboxesPage.open(browser);
        apiMailbox(prefix + "-b", queue);
        page.delete(last);
        assertThat(Api.admin().get("/api/mail/mailboxes").expect(200).array().stream().map(JsonValue::asJsonObject)
                .map(m -> m.getString("name")).filter(m -> m.startsWith(prefix)))
                .containsExactlyInAnyOrder(first, prefix + "-b");
    }

    private static Api.Reply alert(String source, String secret, String host) {
        return Api.anonymous().post("/api/alerts?source=" + source + (secret == null ? "" : "&secret=" + secret),
                Json.createObjectBuilder().add("host", host).add("service", "disk").add("state", "CRITICAL")
                        .add("severity", "critical").add("summary", "disk full").build());
    }

    @Test
    void anAdminAddsAnAlertSourceWhoseSecretAndPrioritiesTheWebhookUses() {
        String queue = Fixtures.queue();
        logInAsAdmin();
        String name = Fixtures.unique("src").toLowerCase();

        AdminAlertSourcesPage page = AdminAlertSourcesPage.open(browser).add(name, queue, "critical = urgent\n",
                "nagios@mon.example\n@mon2.example");
        assertThat(page.errorMessages()).isEmpty();
        String secret = page.secret().orElseThrow();
        assertThat(secret).startsWith("ods_");
        assertThat(page.row(name)).containsExactly(name, queue, "resolves", "critical → urgent", "set",
                "@mon2.example, nagios@mon.example");
        assertThat(page.webhooks()).as("whole, with the secret, while it is shown")
                .anyMatch(u -> u.endsWith("/api/alerts/alertmanager?source=" + name + "&secret=" + secret));
        assertThat(AdminAlertSourcesPage.open(browser).edit(name).webhooks())
                .anyMatch(u -> u.endsWith("/api/alerts/alertmanager?source=" + name + "&secret=…"));
        browser.screenshots("admin-alert-sources");

        String host = Fixtures.unique("db") + ".example.test";
        JsonObject outcome = alert(name, secret, host).expect(200).json().getJsonArray("alerts").getJsonObject(0);
        assertThat(outcome.getString("outcome")).isEqualTo("created");
        JsonObject ticket = Api.admin().get("/api/tickets/" + outcome.getJsonNumber("ticket").longValue()).expect(200).json();
        assertThat(ticket.getString("queue")).isEqualTo(queue);
        assertThat(ticket.getString("priority")).isEqualTo("urgent");
        // reloaded, the page shows no secret again
        assertThat(AdminAlertSourcesPage.open(browser).secret()).isEmpty();

        // a bad priority line is refused with what to write
        AdminAlertSourcesPage refused = AdminAlertSourcesPage.open(browser).edit(name).priorities("critical urgent");
        assertThat(refused.errorMessages()).anyMatch(m -> m.contains("severity = priority"));

        AdminAlertSourcesPage replaced = AdminAlertSourcesPage.open(browser).edit(name).replaceSecret();
        String next = replaced.secret().orElseThrow();
        assertThat(next).isNotEqualTo(secret);
        alert(name, secret, host).expect(401);
        alert(name, next, host).expect(200);

        replaced.removeSecret();
        alert(name, next, host).expect(401);
        assertThat(AdminAlertSourcesPage.open(browser).row(name).get(4)).isEqualTo("none");

        // a source with alerts on record stays (its tickets name it); one without goes
        AdminAlertSourcesPage kept = AdminAlertSourcesPage.open(browser).delete(name);
        assertThat(kept.errorMessages()).anyMatch(m -> m.contains("has alerts on record"));
        String unused = Fixtures.unique("src").toLowerCase();
        AdminAlertSourcesPage.open(browser).add(unused, queue, "", "");
        AdminAlertSourcesPage gone = AdminAlertSourcesPage.open(browser).delete(unused);
        assertThat(gone.row(unused)).isEmpty();
        Api.admin().get("/api/alerts/sources").expect(200).array().forEach(s -> assertThat(
                s.asJsonObject().getString("name")).isNotEqualTo(unused));
    }
}
