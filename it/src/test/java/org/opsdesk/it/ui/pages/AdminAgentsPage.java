package org.opsdesk.it.ui.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** Administration → Agents: the list with its row actions, the form that creates an agent, the password reset. */
public class AdminAgentsPage extends Screen {

    public AdminAgentsPage(Browser browser) {
        super(browser);
    }

    public static AdminAgentsPage open(Browser browser) {
        browser.driver().get(browser.url("/admin/agents.xhtml"));
        return new AdminAgentsPage(browser);
    }

    public AdminAgentsPage create(String login, String name, String email, String password) {
        type("create:login", login);
        type("create:name", name);
        type("create:email", email);
        type("create:password", password);
        clickAndWaitForPage(By.id("create:create"));
        return this;
    }

    /** The row of an agent: login, name, e-mail, role, state. */
    public List<String> row(String login) {
        for (WebElement tr : findAll(By.cssSelector("#agent-table tbody tr"))) {
            List<String> cells = tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            if (cells.get(0).equals(login)) {
                return cells.subList(0, 5);
            }
        }
        throw new AssertionError("no row of " + login);
    }

    public AdminAgentsPage disable(String login) {
        clickAndWaitForPage(By.cssSelector("#agent-table input[aria-label='Disable " + login + "']"));
        return this;
    }

    public AdminAgentsPage enable(String login) {
        clickAndWaitForPage(By.cssSelector("#agent-table input[aria-label='Enable " + login + "']"));
        return this;
    }

    public AdminAgentsPage resetPassword(String login, String password) {
        choose("reset:agent", login);
        type("reset:password", password);
        clickAndWaitForPage(By.id("reset:reset"));
        return this;
    }
}
