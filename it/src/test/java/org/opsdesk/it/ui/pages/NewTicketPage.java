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

    /** The queue the form has chosen. */
    public String chosenQueue() {
        return find(By.id("ticket:queue")).getAttribute("value");
    }

    /** Creates a ticket in the queue already chosen, with Cc and files. */
    public TicketPage create(String requester, String cc, String subject, String body, java.nio.file.Path... files) {
        type("ticket:requester", requester);
        type("ticket:cc", cc);
        type("ticket:subject", subject);
        type("ticket:body", body);
        attach("ticket:files", files);
        clickAndWaitForPage(By.id("ticket:create"));
        return new TicketPage(browser);
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
