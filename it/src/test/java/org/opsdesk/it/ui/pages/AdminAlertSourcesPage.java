package org.opsdesk.it.ui.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** Administration → Alert sources: the sources, the form that adds or edits one, and its secret's buttons. */
public class AdminAlertSourcesPage extends Screen {

    public AdminAlertSourcesPage(Browser browser) {
        super(browser);
    }

    public static AdminAlertSourcesPage open(Browser browser) {
        browser.driver().get(browser.url("/admin/alert-sources.xhtml"));
        return new AdminAlertSourcesPage(browser);
    }

    /** Fills the form of a new source (a secret made for it, as the form offers) and submits it. */
    public AdminAlertSourcesPage add(String name, String queue, String priorities, String mailSenders) {
        type("source:name", name);
        choose("source:queue", queue);
        type("source:priorities", priorities);
        type("source:senders", mailSenders);
        clickAndWaitForPage(By.id("source:save"));
        return new AdminAlertSourcesPage(browser);
    }

    public AdminAlertSourcesPage edit(String name) {
        clickAndWaitForPage(By.cssSelector("#source-table a[href$='edit=" + URLEncoder.encode(name,
                StandardCharsets.UTF_8) + "']"));
        return new AdminAlertSourcesPage(browser);
    }

    public AdminAlertSourcesPage priorities(String text) {
        type("source:priorities", text);
        clickAndWaitForPage(By.id("source:save"));
        return new AdminAlertSourcesPage(browser);
    }

    /** The secret the page shows once, after it made one. */
    public Optional<String> secret() {
        return findAll(By.id("new-secret")).stream().findFirst().map(e -> e.getAttribute("value"));
    }

    public AdminAlertSourcesPage replaceSecret() {
        browser.script("window.confirm = function () { return true; };");
        clickAndWaitForPage(By.id("secret:new-secret"));
        return new AdminAlertSourcesPage(browser);
    }

    public AdminAlertSourcesPage removeSecret() {
        browser.script("window.confirm = function () { return true; };");
        clickAndWaitForPage(By.id("secret:remove-secret"));
        return new AdminAlertSourcesPage(browser);
    }

    /** The addresses the page gives for the source being edited. */
    public List<String> webhooks() {
        return findAll(By.cssSelector("#webhooks dd")).stream().map(WebElement::getText).toList();
    }

    /** A source's row as shown: name, queue, recovery, priorities, secret, mail from; empty when not listed. */
    public List<String> row(String name) {
        return findAll(By.cssSelector("#source-table tr[data-source='" + name + "'] td[data-label]")).stream()
                .map(WebElement::getText).toList();
    }

    public AdminAlertSourcesPage delete(String name) {
        browser.script("window.confirm = function () { return true; };");
        clickAndWaitForPage(By.cssSelector("#source-table input[aria-label='Delete alert source " + name + "']"));
        return new AdminAlertSourcesPage(browser);
    }
}
