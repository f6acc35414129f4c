package org.opsdesk.it.ui.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** The wiki's index, one folder at a time: its subfolders with their page counts, and the pages right in it. */
public class WikiIndexPage extends Screen {

    public WikiIndexPage(Browser browser) {
        super(browser);
    }

    public static WikiIndexPage open(Browser browser, String dir) {
        browser.driver().get(browser.url("/wiki.xhtml" + (dir == null ? "" : "?dir=" + dir)));
        return new WikiIndexPage(browser);
    }

    /** The subfolders as listed: "name/ count". */
    public List<String> folders() {
        return findAll(By.cssSelector("#wiki-folders li")).stream().map(WebElement::getText)
                .map(t -> t.replaceAll("\\s+", " ").strip()).toList();
    }

    /** The paths of the pages listed. */
    public List<String> pages() {
        return findAll(By.cssSelector("#page-list td[data-label='Page'] a")).stream().map(WebElement::getText)
                .toList();
    }

    public WikiIndexPage openFolder(String name) {
        clickAndWaitForPage(By.linkText(name + "/"));
        return new WikiIndexPage(browser);
    }
}
