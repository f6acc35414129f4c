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

    /** The rows of the table: name, when, does. */
    public List<List<String>> rows() {
        return findAll(By.cssSelector("#triggers tbody tr")).stream().map(r -> r.findElements(By.tagName("td"))
                .stream().limit(3).map(WebElement::getText).toList()).toList();
    }
}
