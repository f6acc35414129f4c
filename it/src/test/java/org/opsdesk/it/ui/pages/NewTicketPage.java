package org.opsdesk.it.ui.pages;

import org.openqa.selenium.By;
import org.opsdesk.it.ui.Browser;

/** The "new ticket" form. */
public class NewTicketPage extends Screen {

    public NewTicketPage(Browser browser) {
        super(browser);
    }

    /** Opens the form the way an agent does: the "New ticket" button of the top bar. */
    public static NewTicketPage openFromTopBar(Browser browser) {
        Screen current = new NewTicketPage(browser);
        current.clickAndWaitForPage(By.cssSelector(".topbar a.button.primary"));
        return new NewTicketPage(browser);
    }

    public TicketPage create(String queue, String requester, String subject, String body) {
        choose("ticket:queue", queue);
        type("ticket:requester", requester);
        type("ticket:subject", subject);
        type("ticket:body", body);
        clickAndWaitForPage(By.id("ticket:create"));
        return new TicketPage(browser);
    }
}
