package org.opsdesk.it.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** My API tokens: the list, the form that creates one and shows its secret once, and revoking. */
public class TokensPage extends Screen {

    public TokensPage(Browser browser) {
        super(browser);
    }

    public static TokensPage open(Browser browser) {
        browser.driver().get(browser.url("/tokens.xhtml"));
        return new TokensPage(browser);
    }

    /** Creates a token; answers the secret the page shows once. */
    public String create(String name) {
        type("create:name", name);
        clickAndWaitForPage(By.id("create:create"));
        return find(By.id("new-secret")).getAttribute("value");
    }

    /** The state column of the token so named: {@code active} or {@code revoked …}. */
    public String state(String name) {
        for (WebElement tr : findAll(By.cssSelector("#token-table tbody tr"))) {
            var cells = tr.findElements(By.tagName("td"));
            if (!cells.isEmpty() && cells.get(0).getText().equals(name)) {
                return cells.get(4).getText();
            }
        }
        throw new AssertionError("no token " + name);
    }

    public TokensPage revoke(String name) {
        clickAndWaitForPage(By.cssSelector("#token-table input[aria-label='Revoke " + name + "']"));
        return this;
    }
}
