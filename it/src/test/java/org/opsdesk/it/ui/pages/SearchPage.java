package org.opsdesk.it.ui.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** Search results: the hits with their highlighted snippets, and the facets as filter links. */
public class SearchPage extends Screen {

    public SearchPage(Browser browser) {
        super(browser);
    }

    /** Types {@code query} into the top bar's search box and submits it. */
    public static SearchPage searchFromTopBar(Browser browser, String query) {
        SearchPage current = new SearchPage(browser);
        WebElement box = current.find(By.id("global-search"));
        box.click();
        box.sendKeys(query);
        WebElement body = current.find(By.tagName("body"));
        box.sendKeys(Keys.ENTER);
        current.waitFor("the results", () -> {
            try {
                body.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return "complete".equals(browser.script("return document.readyState"));
            }
        });
        return new SearchPage(browser);
    }

    /**
     * Types {@code typed} into the top bar's search box without submitting it, and answers the suggestions the page
     * then offers (the labels of the box's list), once there are some.
     */
    public static List<String> suggestionsWhileTyping(Browser browser, String typed) {
        SearchPage current = new SearchPage(browser);
        WebElement box = current.find(By.id("global-search"));
        box.click();
        box.sendKeys(typed);
        waitFor("suggestions", () -> !current.findAll(By.cssSelector("#search-suggestions option")).isEmpty());
        return current.findAll(By.cssSelector("#search-suggestions option")).stream()
                .map(o -> o.getAttribute("label")).toList();
    }

    public List<String> titles() {
        return findAll(By.cssSelector("#results .hit-title")).stream().map(e -> e.getText().strip()).toList();
    }

    public List<String> highlighted() {
        return findAll(By.cssSelector("#results .snippet mark")).stream().map(WebElement::getText).toList();
    }

    public SearchPage facet(String value) {
        clickAndWaitForPage(By.linkText(value));
        return new SearchPage(browser);
    }
}
