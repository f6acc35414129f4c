package org.opsdesk.it.ui.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** A wiki page as an agent reads it: title, rendered body, table of contents, backlinks. */
public class WikiPage extends Screen {

    public WikiPage(Browser browser) {
        super(browser);
    }

    public static WikiPage open(Browser browser, String path) {
        browser.driver().get(browser.url("/wiki.xhtml?path=" + path));
        return new WikiPage(browser);
    }

    public String heading() {
        return find(By.id("page-title")).getText();
    }

    public String bodyText() {
        return find(By.id("page-body")).getText();
    }

    public int revision() {
        return Integer.parseInt(find(By.id("page-revision")).getText().strip());
    }

    public List<String> backlinks() {
        return findAll(By.cssSelector("#backlinks a")).stream().map(WebElement::getText).toList();
    }

    public List<String> contents() {
        return findAll(By.cssSelector(".toc a")).stream().map(WebElement::getText).toList();
    }

    public WikiEditPage edit() {
        clickAndWaitForPage(By.id("edit-page"));
        return new WikiEditPage(browser);
    }
}
