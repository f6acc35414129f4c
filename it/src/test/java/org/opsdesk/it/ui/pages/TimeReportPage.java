package org.opsdesk.it.ui.pages;

import java.time.LocalDate;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** The time worked report: the period's total, and time by agent, queue and ticket. */
public class TimeReportPage extends Screen {

    public TimeReportPage(Browser browser) {
        super(browser);
    }

    /** Opens the report from the navigation, then picks the period in its form. */
    public static TimeReportPage open(Browser browser, LocalDate from, LocalDate to) {
        browser.driver().get(browser.url("/dashboard.xhtml"));
        TimeReportPage page = new TimeReportPage(browser);
        page.clickAndWaitForPage(By.linkText("Time worked"));
        browser.script("arguments[0].value = arguments[1]", page.find(By.id("from")), from.toString());
        browser.script("arguments[0].value = arguments[1]", page.find(By.id("to")), to.toString());
        page.clickAndWaitForPage(By.id("show"));
        return page;
    }

    public String total() {
        return find(By.id("time-total")).getText();
    }

    /** Rows of a table ({@code time-by-agent}, {@code time-by-queue}, {@code time-by-ticket}): cells joined by " | ". */
    public List<String> rows(String tableId) {
        return findAll(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(tr -> String.join(" | ", tr.findElements(By.tagName("td")).stream().map(WebElement::getText)
                        .toList()))
                .toList();
    }

    /** Where the "Entries as CSV" link goes. */
    public String csvLink() {
        return find(By.id("csv")).getAttribute("href");
    }
}
