package org.opsdesk.it.ui.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** Administration → Macros: the list of macros and the form that creates or edits one. */
public class AdminMacrosPage extends Screen {

    public AdminMacrosPage(Browser browser) {
        super(browser);
    }

    public static AdminMacrosPage open(Browser browser) {
        browser.driver().get(browser.url("/admin/macros.xhtml"));
        return new AdminMacrosPage(browser);
    }

    /** Fills the form of a new macro (empty values: unchanged) and submits it. */
    public AdminMacrosPage create(String name, String note, String addTags, String priority, String status) {
        type("macro:name", name);
        type("macro:note", note);
        type("macro:add-tags", addTags);
        choose("macro:priority", priority);
        choose("macro:status", status);
        clickAndWaitForPage(By.id("macro:save"));
        return new AdminMacrosPage(browser);
    }

    /** The macros the table lists, by name. */
    public List<String> names() {
        return findAll(By.cssSelector("#macros td.macro-name")).stream().map(WebElement::getText).toList();
    }
}
