package org.opsdesk.it.ui.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** Administration → Organizations: the list and the form that creates or edits one. */
public class AdminOrganizationsPage extends Screen {

    public AdminOrganizationsPage(Browser browser) {
        super(browser);
    }

    public static AdminOrganizationsPage open(Browser browser) {
        browser.driver().get(browser.url("/admin/organizations.xhtml"));
        return new AdminOrganizationsPage(browser);
    }

    /** Fills the form of a new organization (domains one a line) and submits it. */
    public AdminOrganizationsPage create(String name, String domains) {
        type("organization:name", name);
        type("organization:domains", domains);
        clickAndWaitForPage(By.id("organization:save"));
        return new AdminOrganizationsPage(browser);
    }

    /** The organizations the table lists, by name. */
    public List<String> names() {
        return findAll(By.cssSelector("#organizations td.organization-name")).stream().map(WebElement::getText)
                .toList();
    }
}
