package org.opsdesk.it.ui.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** Administration → Mailboxes: the polled mailboxes with their last poll, and the form that adds or edits one. */
public class AdminMailboxesPage extends Screen {

    public AdminMailboxesPage(Browser browser) {
        super(browser);
    }

    public static AdminMailboxesPage open(Browser browser) {
        browser.driver().get(browser.url("/admin/mailboxes.xhtml"));
        return new AdminMailboxesPage(browser);
    }

    /** Fills the form of a new mailbox (the port left to the protocol) and submits it. */
    public AdminMailboxesPage add(String name, String protocol, String security, String host, String username,
            String password, String queue, int pollSeconds) {
        type("mailbox:name", name);
        choose("mailbox:protocol", protocol);
        choose("mailbox:security", security);
        type("mailbox:host", host);
        type("mailbox:username", username);
        type("mailbox:password", password);
        choose("mailbox:queue", queue);
        type("mailbox:poll", String.valueOf(pollSeconds));
        return save();
    }

    /** Opens a mailbox's form the way an admin does: its row's Edit link. */
    public AdminMailboxesPage edit(String name) {
        clickAndWaitForPage(By.cssSelector("#mailbox-table a[href$='edit=" + URLEncoder.encode(name,
                StandardCharsets.UTF_8) + "']"));
        return new AdminMailboxesPage(browser);
    }

    public AdminMailboxesPage port(String port) {
        type("mailbox:port", port);
        return this;
    }

    public AdminMailboxesPage password(String password) {
        type("mailbox:password", password);
        return this;
    }

    public String portShown() {
        return find(By.id("mailbox:port")).getAttribute("value");
    }

    public AdminMailboxesPage save() {
        clickAndWaitForPage(By.id("mailbox:save"));
        return new AdminMailboxesPage(browser);
    }

    /** The Last poll cell of a mailbox's row; empty when the table does not list it. */
    public Optional<String> lastPoll(String name) {
        return row(name).map(r -> r.findElement(By.cssSelector("td[data-label='Last poll']")).getText());
    }

    public Optional<String> server(String name) {
        return row(name).map(r -> r.findElement(By.cssSelector("td[data-label='Server']")).getText());
    }

    public AdminMailboxesPage delete(String name) {
        browser.script("window.confirm = function () { return true; };");
        clickAndWaitForPage(By.cssSelector("#mailbox-table input[aria-label='Delete mailbox " + name + "']"));
        return new AdminMailboxesPage(browser);
    }

    private Optional<WebElement> row(String name) {
        return findAll(By.cssSelector("#mailbox-table tr[data-mailbox='" + name + "']")).stream().findFirst();
    }
}
