package org.opsdesk.it.ui.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** Administration → Triggers: the list of triggers and the form that creates or edits one. */
public class AdminTriggersPage extends Screen {

    public AdminTriggersPage(Browser browser) {
        super(browser);
    }

    public static AdminTriggersPage open(Browser browser) {
        browser.driver().get(browser.url("/admin/triggers.xhtml"));
        return new AdminTriggersPage(browser);
    }

    /**
     * Fills the form of a new trigger (empty values: any ticket, unchanged) with a queue and words of the subject as
     * its conditions, and submits it.
     */
    public AdminTriggersPage create(String name, String ifQueue, String ifSubject, String addTags, String priority) {
        type("trigger:name", name);
        choose("trigger:if-queue", ifQueue);
        type("trigger:if-subject", ifSubject);
        type("trigger:add-tags", addTags);
        choose("trigger:priority", priority);
        clickAndWaitForPage(By.id("trigger:save"));
        return new AdminTriggersPage(browser);
    }

    /** The form of trigger {@code id}, to edit it. */
    public static AdminTriggersPage edit(Browser browser, long id) {
        browser.driver().get(browser.url("/admin/triggers.xhtml?edit=" + id));
        return new AdminTriggersPage(browser);
    }

    /** Chooses when the trigger runs: {@code create}, {@code reply} or {@code create reply}. */
    public AdminTriggersPage runsOn(String events) {
        choose("trigger:on", events);
        return this;
    }

    /** The events the form shows chosen, as the menu's value. */
    public String runsOn() {
        return find(By.id("trigger:on")).getDomProperty("value");
    }

    /** The rows of the table: name, when, does. */
    public List<List<String>> rows() {
        return findAll(By.cssSelector("#triggers tbody tr")).stream().map(r -> r.findElements(By.tagName("td"))
                .stream().limit(3).map(WebElement::getText).toList()).toList();
    }
}
