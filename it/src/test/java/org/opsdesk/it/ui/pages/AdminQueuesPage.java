package org.opsdesk.it.ui.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** Administration → Queues: the list of queues and the form that creates or edits one. */
public class AdminQueuesPage extends Screen {

    public AdminQueuesPage(Browser browser) {
        super(browser);
    }

    public static AdminQueuesPage open(Browser browser) {
        browser.driver().get(browser.url("/admin/queues.xhtml"));
        return new AdminQueuesPage(browser);
    }

    /** Opens the form of an existing queue the way an admin does: its row's Edit link. */
    public AdminQueuesPage edit(String queue) {
        clickAndWaitForPage(By.cssSelector("#queues a[href$='edit=" + URLEncoder.encode(queue, StandardCharsets.UTF_8)
                + "']"));
        return new AdminQueuesPage(browser);
    }

    /** Fills the form of a new queue and submits it. */
    public AdminQueuesPage create(String name, String correspondAddress, String autoreplyText) {
        type("queue:name", name);
        type("queue:correspond", correspondAddress);
        type("queue:autoreply-text", autoreplyText);
        return save();
    }

    /** Replaces the autoreply text of the queue being edited and submits the form. */
    public AdminQueuesPage changeAutoreplyText(String text) {
        type("queue:autoreply-text", text);
        return save();
    }

    /** Replaces the signature of the queue being edited and submits the form. */
    public AdminQueuesPage changeSignature(String text) {
        type("queue:signature", text);
        return save();
    }

    /**
     * Sets one priority's service level targets (minutes as typed; empty: none) and the business hours of the queue
     * being edited, and submits the form.
     */
    public AdminQueuesPage changeServiceLevel(String priority, String response, String resolution, String hours) {
        return changeServiceLevel(priority, response, resolution, "", hours);
    }

    /** As above, warning after {@code warnPercent} of a target's time (empty: never). */
    public AdminQueuesPage changeServiceLevel(String priority, String response, String resolution, String warnPercent,
            String hours) {
        List<WebElement> rows = findAll(By.cssSelector("#sla .sla-target"));
        WebElement row = rows.stream().filter(r -> r.findElement(By.className("sla-priority")).getText()
                .equalsIgnoreCase(priority))
                .findFirst().orElseThrow();
        List<WebElement> inputs = row.findElements(By.tagName("input"));
        inputs.get(0).clear();
        inputs.get(0).sendKeys(response);
        inputs.get(1).clear();
        inputs.get(1).sendKeys(resolution);
        type("queue:warn", warnPercent);
        type("queue:business-hours", hours);
        return save();
    }

    public String autoreplyText() {
        return find(By.id("queue:autoreply-text")).getAttribute("value");
    }

    /** The queues the table lists, by name. */
    public List<String> names() {
        return findAll(By.cssSelector("#queues td[data-label='Name']")).stream().map(WebElement::getText).toList();
    }

    private AdminQueuesPage save() {
        clickAndWaitForPage(By.id("queue:save"));
        return new AdminQueuesPage(browser);
    }
}
