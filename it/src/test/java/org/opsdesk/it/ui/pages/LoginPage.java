package org.opsdesk.it.ui.pages;

import org.openqa.selenium.By;
import org.opsdesk.it.ui.Browser;

/** The login form. */
public class LoginPage extends Screen {

    public LoginPage(Browser browser) {
        super(browser);
    }

    public static LoginPage open(Browser browser) {
        browser.forgetSession();
        browser.driver().get(browser.url("/login"));
        return new LoginPage(browser);
    }

    public LoginPage typeCredentials(String login, String password) {
        type("username", login);
        type("password", password);
        return this;
    }

    /** Logs in and lands on the start page (all active tickets). */
    public QueuePage logIn(String login, String password) {
        typeCredentials(login, password);
        clickAndWaitForPage(By.cssSelector("button[type=submit]"));
        return new QueuePage(browser);
    }

    public LoginPage logInExpectingFailure(String login, String password) {
        typeCredentials(login, password);
        clickAndWaitForPage(By.cssSelector("button[type=submit]"));
        return this;
    }

    /** The login name as the form shows it. */
    public String loginName() {
        return find(By.id("username")).getAttribute("value");
    }

    public String error() {
        return findAll(By.cssSelector(".msg-error")).stream().map(e -> e.getText()).findFirst().orElse(null);
    }

    public String info() {
        return findAll(By.cssSelector(".msg-info")).stream().map(e -> e.getText()).findFirst().orElse(null);
    }

    public boolean isShown() {
        return !findAll(By.id("username")).isEmpty();
    }
}
