package org.opsdesk.it.ui.pages;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.opsdesk.it.ui.Browser;

/** What every screen has: the browser, the page messages, waits on conditions (never sleeps). */
public abstract class Screen {

    protected static final Duration TIMEOUT = Duration.ofSeconds(20);

    protected final Browser browser;
    protected final WebDriver driver;

    protected Screen(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
    }

    protected WebElement find(By by) {
        return driver.findElement(by);
    }

    protected List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits until the condition holds (polling, up to {@link #TIMEOUT}). */
    protected static void waitFor(String what, Supplier<Boolean> condition) {
        await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(condition::get);
    }

    /** Waits for the next page after a click: the old page's body goes stale. */
    protected void clickAndWaitForPage(By by) {
        WebElement body = find(By.tagName("body"));
        find(by).click();
        waitForPageAfter(body);
    }

    /** Double-clicks (as an impatient hand does) and waits for the next page. */
    protected void doubleClickAndWaitForPage(By by) {
        WebElement body = find(By.tagName("body"));
        new org.openqa.selenium.interactions.Actions(driver).doubleClick(find(by)).perform();
        waitForPageAfter(body);
    }

    /** Waits until the page whose body this was is gone and the next one has loaded. */
    private void waitForPageAfter(WebElement body) {
        waitFor("the next page", () -> {
            try {
                body.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return "complete".equals(browser.script("return document.readyState"));
            }
        });
    }

    /** Types {@code text} into the field with this id and presses Enter, waiting for the page the form answers. */
    protected void typeAndSubmit(String id, String text) {
        WebElement body = find(By.tagName("body"));
        type(id, text + org.openqa.selenium.Keys.ENTER);
        waitForPageAfter(body);
    }

    /** Picks the option with this value in the select element with this id. */
    protected void choose(String selectId, String value) {
        find(By.cssSelector("select[id='" + selectId + "'] option[value='" + value + "']")).click();
    }

    /** Chooses files in the file input with this id. */
    protected void attach(String input, java.nio.file.Path... files) {
        if (files.length > 0) {
            // a file input takes the absolute paths, one per line, as typed keys
            find(By.id(input)).sendKeys(String.join("\n", java.util.Arrays.stream(files)
                    .map(f -> f.toAbsolutePath().toString()).toList()));
        }
    }

    protected void type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** The count of active tickets the sidebar shows beside a queue; empty when the queue is not listed. */
    public java.util.Optional<String> sidebarCount(String queue) {
        List<WebElement> counts = findAll(By.cssSelector("#nav-queues li[data-queue='" + queue + "'] .count"));
        return counts.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(String.valueOf(browser.script("return arguments[0].firstChild.nodeValue",
                        counts.get(0))));
    }

    /** Waits, without reloading the page, until the sidebar shows this count beside the queue. */
    public void waitForSidebarCount(String queue, String count) {
        waitFor("the sidebar to count " + count + " in " + queue,
                () -> sidebarCount(queue).filter(count::equals).isPresent());
    }

    /**
     * Fetches what a link on the page points to as the browser would (its session), without leaving the page:
     * {@code status|content type|body}.
     */
    public String fetchLink(String linkId) {
        // decoded keeping a byte-order mark, which text() drops
        return (String) browser.script("return fetch(arguments[0]).then(r => r.arrayBuffer().then(b => r.status + '|'"
                + " + r.headers.get('content-type') + '|' + new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)))",
                find(By.id(linkId)).getAttribute("href"));
    }

    public List<String> infoMessages() {
        return findAll(By.cssSelector(".messages .msg-info")).stream().map(WebElement::getText).toList();
    }

    public List<String> errorMessages() {
        return findAll(By.cssSelector(".messages .msg-error")).stream().map(WebElement::getText).toList();
    }

    /** Logs out through the user menu of the top bar. */
    public LoginPage logOut() {
        find(By.cssSelector(".usermenu summary")).click();
        clickAndWaitForPage(By.id("logout"));
        return new LoginPage(browser);
    }

    public String title() {
        return driver.getTitle();
    }

    /** Types keys on the page itself (no field focused), as the keyboard shortcuts are used. */
    public void press(CharSequence keys) {
        browser.script("if (document.activeElement) { document.activeElement.blur(); }");
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Closes the keyboard help as a user does: Escape, where the open dialog has the focus. */
    public void closeKeyboardHelp() {
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    }

    /** The id of the element that has the focus ({@code ""} for none or one without an id). */
    public String focusedId() {
        Object id = browser.script("return document.activeElement ? document.activeElement.id : ''");
        return id == null ? "" : id.toString();
    }

    /** Opens the query syntax beside the search box (its "?" button) and answers the text it shows. */
    public String openQuerySyntax() {
        find(By.id("search-help-button")).click();
        waitFor("the query syntax popover", () -> Boolean.TRUE.equals(
                browser.script("return document.getElementById('search-syntax').matches(':popover-open')")));
        return find(By.id("search-syntax")).getText();
    }

    /** Whether the keyboard help dialog is open. */
    public boolean isKeyboardHelpOpen() {
        return Boolean.TRUE.equals(browser.script("return document.getElementById('keys-help').open"));
    }
}
