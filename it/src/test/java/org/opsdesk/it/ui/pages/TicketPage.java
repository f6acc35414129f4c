package org.opsdesk.it.ui.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** The ticket view: header, timeline, and the forms that change the ticket. */
public class TicketPage extends Screen {

    public TicketPage(Browser browser) {
        super(browser);
    }

    public static TicketPage open(Browser browser, long number) {
        browser.driver().get(browser.url("/ticket.xhtml?n=" + number));
        return new TicketPage(browser);
    }

    public String subject() {
        return find(By.id("ticket-subject")).getText();
    }

    public String status() {
        return find(By.id("ticket-status")).getText();
    }

    public String owner() {
        return find(By.id("ticket-owner")).getText();
    }

    /** The number in the address bar (after a merge, the ticket merged into). */
    public long number() {
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.indexOf("n=") + 2).replaceAll("\\D.*", ""));
    }

    /** The file names of each message's attachments, in timeline order (messages without any left out). */
    public List<List<String>> attachmentNames() {
        return findAll(By.cssSelector("#timeline ul.attachments")).stream()
                .map(list -> list.findElements(By.tagName("a")).stream().map(WebElement::getText).toList()).toList();
    }

    private void attach(String input, java.nio.file.Path... files) {
        if (files.length > 0) {
            // a file input takes the absolute paths, one per line, as typed keys
            find(By.id(input)).sendKeys(String.join("\n", java.util.Arrays.stream(files)
                    .map(f -> f.toAbsolutePath().toString()).toList()));
        }
    }

    /** The badges of the timeline's messages, in order: "Reply to the requester", "Internal comment", … */
    public List<String> messageBadges() {
        return findAll(By.cssSelector("#timeline .message .badge")).stream().map(WebElement::getText).toList();
    }

    public List<String> messageTexts() {
        return findAll(By.cssSelector("#timeline .message .text, #timeline .message .mail-html")).stream()
                .map(WebElement::getText).toList();
    }

    public TicketPage reply(String text, String status, java.nio.file.Path... files) {
        type("reply:body", text);
        attach("reply:files", files);
        if (status != null) {
            choose("reply:status", status);
        }
        clickAndWaitForPage(By.id("reply:send"));
        return this;
    }

    /** Types into the reply without sending it. */
    public TicketPage typeReply(String text) {
        type("reply:body", text);
        return this;
    }

    /** Sends the reply as typed; the next page may be another (an expired page's). */
    public TicketPage sendReply() {
        clickAndWaitForPage(By.id("reply:send"));
        return this;
    }

    public String replyText() {
        return find(By.id("reply:body")).getAttribute("value");
    }

    /** Whether the page says it offered an unsent text back. */
    public boolean isDraftRestoredShown() {
        return !findAll(By.cssSelector("form[id='reply'] .draft-restored")).isEmpty();
    }

    public TicketPage comment(String text, String status, java.nio.file.Path... files) {
        type("comment:body", text);
        attach("comment:files", files);
        if (status != null) {
            choose("comment:status", status);
        }
        clickAndWaitForPage(By.id("comment:add"));
        return this;
    }

    public TicketPage changeStatus(String status) {
        choose("status:next", status);
        clickAndWaitForPage(By.id("status:change"));
        return this;
    }

    /** The creation time as the details show it. */
    public String created() {
        return find(By.xpath("//dt[text()='Created']/following-sibling::dd")).getText();
    }

    /** The due date as the details show it. */
    public String due() {
        return find(By.xpath("//dt[text()='Due']/following-sibling::dd")).getText();
    }

    /** The value of the due date field, as the browser would submit it. */
    public String dueField() {
        return find(By.id("details:due")).getAttribute("value");
    }

    /** Sets the due date ({@code yyyy-MM-ddTHH:mm}, as a date-time field holds it) and saves the details. */
    public TicketPage saveDue(String localDateTime) {
        browser.script("arguments[0].value = arguments[1]", find(By.id("details:due")), localDateTime);
        clickAndWaitForPage(By.id("details:save"));
        return this;
    }

    /** Saves the details form as it is. */
    public TicketPage saveDetails() {
        clickAndWaitForPage(By.id("details:save"));
        return this;
    }

    public TicketPage take() {
        clickAndWaitForPage(By.id("owner:take"));
        return this;
    }

    /** Merges this ticket into {@code target}, accepting the confirmation. */
    public TicketPage mergeInto(long target) {
        type("merge:into", String.valueOf(target));
        browser.script("window.confirm = function () { return true; };");
        clickAndWaitForPage(By.id("merge:merge"));
        return this;
    }

    public boolean isStaleWarningShown() {
        return !findAll(By.id("stale")).isEmpty();
    }
}
