package org.opsdesk.it.ui.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** Administration → Mail: the stored mail's counts and the quarantine, each mail processed again or deleted. */
public class AdminMailPage extends Screen {

    public AdminMailPage(Browser browser) {
        super(browser);
    }

    public static AdminMailPage open(Browser browser) {
        browser.driver().get(browser.url("/admin/mail.xhtml"));
        return new AdminMailPage(browser);
    }

    /** The outbox rows (mail not sent yet) as shown: kind, ticket and recipients, one string a row. */
    public List<String> outbox() {
        return findAll(By.cssSelector("#outbox-table tr[data-outbox]")).stream().map(WebElement::getText).toList();
    }

    /** The reason shown for a quarantined mail; empty when it is not listed. */
    public java.util.Optional<String> reason(long id) {
        List<WebElement> rows = findAll(By.cssSelector("#quarantine-table tr[data-mail='" + id + "'] td.reason"));
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rows.get(0).getText());
    }

    /** Blocks a sender ({@code spam@example.com} or {@code @example.com}) with a note. */
    public AdminMailPage block(String pattern, String note) {
        type("blocked:pattern", pattern);
        type("blocked:note", note);
        clickAndWaitForPage(By.id("blocked:block"));
        return this;
    }

    /** The ignored mail as listed: one string a row. */
    public List<String> ignored() {
        return findAll(By.cssSelector("#ignored-table tr[data-ignored]")).stream().map(WebElement::getText).toList();
    }

    /** The blocked senders as shown: sender, why, since and by, one string a row. */
    public List<String> blocked() {
        return findAll(By.cssSelector("#blocked-table tr[data-blocked]")).stream().map(WebElement::getText).toList();
    }

    public AdminMailPage unblock(String pattern) {
        clickAndWaitForPage(By.cssSelector("#blocked-table input[aria-label='Unblock " + pattern + "']"));
        return this;
    }

    public AdminMailPage processAgain(long id) {
        clickAndWaitForPage(By.cssSelector("#quarantine-table input[aria-label='Process mail " + id + " again']"));
        return this;
    }

    public AdminMailPage delete(long id) {
        browser.script("window.confirm = function () { return true; };");
        clickAndWaitForPage(By.cssSelector("#quarantine-table input[aria-label='Delete mail " + id + "']"));
        return this;
    }
}
