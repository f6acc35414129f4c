package org.opsdesk.it.ui.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** The queue view: the ticket table, sorting, bulk actions. */
public class QueuePage extends Screen {

    public QueuePage(Browser browser) {
        super(browser);
    }

    public static QueuePage open(Browser browser, String queue) {
        browser.driver().get(browser.url("/queue.xhtml?name=" + URLEncoder.encode(queue, StandardCharsets.UTF_8)));
        return new QueuePage(browser);
    }

    /** A view of a queue: {@code mine}, {@code unowned}, {@code overdue}, {@code escalated} or {@code watching}. */
    public static QueuePage open(Browser browser, String queue, String view) {
        browser.driver().get(browser.url("/queue.xhtml?name=" + URLEncoder.encode(queue, StandardCharsets.UTF_8)
                + "&view=" + view));
        return new QueuePage(browser);
    }

    /** Adds {@code tag} to the selected tickets: typed into the bulk form's Tag, and Enter. */
    public QueuePage addTag(String tag) {
        typeAndSubmit("bulk:tag", tag);
        return this;
    }

    /** Saves the view shown under {@code name} (opening the Save this view section). */
    public QueuePage saveView(String name, boolean shared) {
        find(By.cssSelector("#views details summary")).click();
        type("views:view-name", name);
        if (shared) {
            find(By.id("views:view-shared")).click();
        }
        clickAndWaitForPage(By.id("views:save-view"));
        return this;
    }

    /** The sidebar's saved views, as shown ("Name" or "Name (owner)"). */
    public List<String> sidebarViews() {
        return findAll(By.cssSelector("#nav-views a")).stream().map(a -> a.getText().replaceAll("\\s+", " ").strip())
                .toList();
    }

    /** Follows the sidebar's link to the saved view {@code name}. */
    public QueuePage openView(String name) {
        clickAndWaitForPage(By.xpath("//ul[@id='nav-views']//a[span[normalize-space()='" + name + "']]"));
        return this;
    }

    /** The line naming the saved view this page shows, or empty. */
    public String savedViewLine() {
        return findAll(By.id("saved-view")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public QueuePage deleteSavedView() {
        clickAndWaitForPage(By.id("views:delete-view"));
        return this;
    }

    /** Filters the view by a tag, as typed into the filter form. */
    public QueuePage filterByTag(String tag) {
        type("filter-tag", tag);
        clickAndWaitForPage(By.cssSelector("form.filters button[type=submit]"));
        return this;
    }

    /** The Due cells marked late, as shown. */
    public List<String> lateDues() {
        return findAll(By.cssSelector("#ticket-rows td.late")).stream().map(WebElement::getText).toList();
    }

    /** The next deadlines of the service level the Due cells show, as shown. */
    public List<String> slaDeadlines() {
        return findAll(By.cssSelector("#ticket-rows .sla-next")).stream().map(WebElement::getText).toList();
    }

    public String heading() {
        return find(By.tagName("h1")).getText();
    }

    public List<String> subjects() {
        return findAll(By.cssSelector("#ticket-rows td.subject")).stream().map(WebElement::getText).toList();
    }

    public List<String> owners() {
        return findAll(By.cssSelector("#ticket-rows td[data-label=Owner]")).stream().map(WebElement::getText).toList();
    }

    public QueuePage sortBy(String key) {
        clickAndWaitForPage(By.id("sort-" + key));
        return this;
    }

    public QueuePage select(long... numbers) {
        for (long n : numbers) {
            WebElement box = find(By.id("sel-" + n));
            if (!box.isSelected()) {
                box.click();
            }
        }
        return this;
    }

    public QueuePage unselect(long number) {
        WebElement box = find(By.id("sel-" + number));
        if (box.isSelected()) {
            box.click();
        }
        return this;
    }

    /** Ticks (or clears) the box that selects every ticket on the page. */
    public QueuePage toggleSelectAll() {
        find(By.id("select-all")).click();
        return this;
    }

    /** The select-all box: "all", "some" (indeterminate) or "none". */
    public String selectAllState() {
        return String.valueOf(browser.script("var b = document.getElementById('select-all');"
                + " return b.indeterminate ? 'some' : b.checked ? 'all' : 'none';"));
    }

    /** The tickets whose bulk-action box is ticked. */
    public List<Long> selected() {
        return findAll(By.cssSelector("#ticket-rows input[type=checkbox][id^='sel-']")).stream()
                .filter(WebElement::isSelected).map(box -> Long.parseLong(box.getAttribute("id").substring(4)))
                .toList();
    }

    public QueuePage take() {
        clickAndWaitForPage(By.id("bulk:take"));
        return this;
    }

    public QueuePage changeStatus(String status) {
        choose("bulk:status", status);
        clickAndWaitForPage(By.id("bulk:set-status"));
        return this;
    }

    /** Waits until a row with this subject shows up (the live refresh, no reload). */
    /** Waits until the page listens to pushed changes (its event stream is open), not polling. */
    public QueuePage waitForPush() {
        waitFor("the live-update event stream to open", () -> "push".equals(
                find(By.id("queue-live")).getAttribute("data-live")));
        return this;
    }

    public QueuePage waitForSubject(String subject) {
        waitFor("a row with subject " + subject, () -> subjects().contains(subject));
        return this;
    }

    /** Moves with {@code j}/{@code k} (as often as given) and opens the current row with {@code o}. */
    public TicketPage openWithKeys(String moves) {
        WebElement body = find(By.tagName("body"));
        body.sendKeys(moves);
        WebElement page = find(By.tagName("html"));
        body.sendKeys("o");
        waitFor("the ticket page", () -> {
            try {
                page.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return driver.getCurrentUrl().contains("/ticket.xhtml");
            }
        });
        return new TicketPage(browser);
    }

    public TicketPage open(long number) {
        clickAndWaitForPage(By.cssSelector("#ticket-rows tr[data-number='" + number + "'] a.open"));
        return new TicketPage(browser);
    }
}
