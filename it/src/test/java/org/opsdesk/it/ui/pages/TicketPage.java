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

    /** Splits message {@code messageId} off into a new ticket under {@code subject}, by its timeline's Split link. */
    public TicketPage splitOff(long messageId, String subject) {
        find(By.cssSelector(".split-message[data-message='" + messageId + "']")).click();
        type("split:subject", subject);
        clickAndWaitForPage(By.id("split:split-off"));
        return this;
    }

    /** Replies with a double click on Send. */
    public TicketPage replyByDoubleClick(String text) {
        type("reply:body", text);
        doubleClickAndWaitForPage(By.id("reply:send"));
        return this;
    }

    /** Sends a reply without the queue's signature (its box unticked). */
    public TicketPage replyUnsigned(String text) {
        type("reply:body", text);
        find(By.id("reply:signed")).click();
        clickAndWaitForPage(By.id("reply:send"));
        return this;
    }

    /** Inserts the canned response at wiki page {@code path} into the reply (the page's script; no round trip). */
    public TicketPage insertResponse(String path) {
        choose("response-choice", path);
        find(By.id("insert-response")).click();
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

    /** Sets the ticket pending until a local date and time ({@code 2027-03-01T09:30}) in the status form. */
    public TicketPage pendUntil(String localDateTime) {
        browser.script("arguments[0].value = arguments[1]", find(By.id("status:pending-until")), localDateTime);
        clickAndWaitForPage(By.id("status:change"));
        return this;
    }

    /** The service level's facts as shown: first response, resolution due, escalated (absent ones empty). */
    public List<String> serviceLevel() {
        return java.util.stream.Stream.of("ticket-sla-response", "ticket-sla-resolution", "ticket-escalated")
                .map(id -> findAll(By.id(id)).stream().map(WebElement::getText).findFirst().orElse("")).toList();
    }

    /** The service level's "Due soon" fact, as shown; empty when no deadline nears. */
    public String nearing() {
        return findAll(By.id("ticket-nearing")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    /** The "Pending until" fact, as shown. */
    public String pendingUntil() {
        return find(By.id("ticket-pending-until")).getText();
    }

    /** Replies with {@code minutes} worked logged with it. */
    public TicketPage reply(String text, int minutes) {
        type("reply:body", text);
        type("reply:time", String.valueOf(minutes));
        clickAndWaitForPage(By.id("reply:send"));
        return this;
    }

    /** Types the tags (space between) into the Details form and saves it. */
    public TicketPage saveTags(String tags) {
        type("details:tags", tags);
        clickAndWaitForPage(By.id("details:save"));
        return this;
    }

    /** The tags as the details show them, each a link to the search for it. */
    public List<String> tags() {
        return findAll(By.cssSelector("#ticket-tags a.tag")).stream().map(WebElement::getText).toList();
    }

    /** Follows the link of tag {@code tag}: the search page. */
    public void openTag(String tag) {
        clickAndWaitForPage(By.xpath("//dd[@id='ticket-tags']/a[text()='" + tag + "']"));
    }

    /** Logs time on the Time worked panel. */
    public TicketPage logTime(int minutes, String note) {
        type("time:minutes", String.valueOf(minutes));
        type("time:note", note);
        clickAndWaitForPage(By.id("time:log"));
        return this;
    }

    /** The "Time worked" fact, as shown ("1 h 5 min"). */
    public String timeWorked() {
        return find(By.id("ticket-time-worked")).getText();
    }

    /** The timeline's events (not messages), as shown. */
    public List<String> events() {
        return findAll(By.cssSelector("#timeline p.event")).stream().map(WebElement::getText).toList();
    }

    /** Clicks the Quote of the timeline's {@code index}-th message (from 0). */
    public TicketPage quote(int index) {
        findAll(By.cssSelector("#timeline .quote-message")).get(index).click();
        return this;
    }

    /** The warning about this ticket's mail that has not gone out; empty when there is none. */
    public String unsent() {
        return findAll(By.id("unsent")).stream().map(e -> e.getText()).findFirst().orElse("");
    }

    /** How many messages offer Quote. */
    public int quoteLinks() {
        return findAll(By.cssSelector("#timeline .quote-message")).size();
    }

    /** Clicks the Forward of the timeline's {@code index}-th message, then sends the Forward form. */
    public TicketPage forward(int index, String to, String note) {
        findAll(By.cssSelector("#timeline .forward-message")).get(index).click();
        type("forward:to", to);
        type("forward:note", note);
        clickAndWaitForPage(By.id("forward:send"));
        return this;
    }

    /** The message the Forward form has chosen. */
    public String forwardChoice() {
        return find(By.id("forward:message")).getAttribute("value");
    }

    /** The requesters and the Cc list as the ticket's header shows them. */
    public String requesters() {
        return find(By.xpath("//dt[text()='Requesters']/following-sibling::dd")).getText();
    }

    public String cc() {
        return find(By.xpath("//dt[text()='Cc']/following-sibling::dd")).getText();
    }

    /** Replaces the People form's lists (one address a line) and saves them. */
    public TicketPage savePeople(String requesters, String cc) {
        type("people:requesters", requesters);
        type("people:cc", cc);
        clickAndWaitForPage(By.id("people:save-people"));
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

    /** Follows the link of the Organization fact to the organization's tickets. */
    public QueuePage openOrganization(String name) {
        clickAndWaitForPage(By.xpath("//dd[@id='ticket-organizations']/a[normalize-space()='" + name + "']"));
        return new QueuePage(browser);
    }

    /** Chooses the macro of that name in the Macros panel and applies it. */
    public TicketPage applyMacro(String name) {
        find(By.xpath("//select[@id='macros:macro']/option[normalize-space()='" + name + "']")).click();
        clickAndWaitForPage(By.id("macros:apply-macro"));
        return this;
    }

    /** Starts watching the ticket (the Owner panel's Watch). */
    public TicketPage watch() {
        clickAndWaitForPage(By.id("owner:watch"));
        return this;
    }

    public TicketPage unwatch() {
        clickAndWaitForPage(By.id("owner:unwatch"));
        return this;
    }

    /** The Watchers fact as shown, or empty when nobody watches (the fact is left out). */
    public String watchers() {
        return findAll(By.id("ticket-watchers")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public TicketPage steal() {
        clickAndWaitForPage(By.id("owner:steal"));
        return this;
    }

    public TicketPage release() {
        clickAndWaitForPage(By.id("owner:release"));
        return this;
    }

    public TicketPage assign(String login) {
        choose("owner:assignee", login);
        clickAndWaitForPage(By.id("owner:assign"));
        return this;
    }

    /** The side panel's other tickets of the requesters, as shown ("#12 Subject Status"). */
    public List<String> requesterTickets() {
        return findAll(By.cssSelector("#requester-tickets li")).stream().map(WebElement::getText).toList();
    }

    /** Types a new subject in the details form and saves it. */
    public TicketPage retitle(String subject) {
        type("details:subject", subject);
        return saveDetails();
    }

    /** Chooses a priority and a queue in the details form and saves it. */
    public TicketPage saveDetails(String priority, String queue) {
        choose("details:priority", priority);
        choose("details:queue", queue);
        return saveDetails();
    }

    public TicketPage addLink(String type, long target) {
        choose("links:type", type);
        type("links:target", String.valueOf(target));
        clickAndWaitForPage(By.id("links:add"));
        return this;
    }

    /** The links as listed: {@code type #number}. */
    public List<String> links() {
        return findAll(By.cssSelector("form[id='links'] ul.links li")).stream()
                .map(li -> li.findElement(By.className("link-type")).getText() + " "
                        + li.findElement(By.tagName("a")).getText().split(" ")[0])
                .toList();
    }

    public TicketPage removeLink(long target) {
        clickAndWaitForPage(By.cssSelector("form[id='links'] input[aria-label='Remove link to #" + target + "']"));
        return this;
    }

    public TicketPage linkHost(String name) {
        type("hosts:host-name", name);
        clickAndWaitForPage(By.id("hosts:link-host"));
        return this;
    }

    public List<String> linkedHosts() {
        return findAll(By.cssSelector("#linked-hosts li a")).stream().map(a -> a.getText()).toList();
    }

    public TicketPage unlinkHost() {
        clickAndWaitForPage(By.cssSelector("#linked-hosts li input[type=submit]"));
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
