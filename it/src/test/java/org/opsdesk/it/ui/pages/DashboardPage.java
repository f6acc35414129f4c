package org.opsdesk.it.ui.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opsdesk.it.ui.Browser;

/** The dashboard and its SVG charts. */
public class DashboardPage extends Screen {

    public DashboardPage(Browser browser) {
        super(browser);
    }

    public static DashboardPage open(Browser browser) {
        browser.driver().get(browser.url("/dashboard.xhtml"));
        return new DashboardPage(browser);
    }

    /** The bars of a bar chart ({@code chart-queues}, {@code chart-statuses}): label and value. */
    public List<String> bars(String chartId) {
        return findAll(By.cssSelector("svg#" + chartId + " g.bar")).stream()
                .map(g -> g.findElement(By.cssSelector("text.label")).getText() + "=" + g.getAttribute("data-value"))
                .toList();
    }

    /** The points of the created line of the trend chart. */
    public String createdLine() {
        return find(By.cssSelector("svg#chart-trend polyline.created")).getAttribute("points");
    }

    /** The escalated tickets' count in the card's heading. */
    public long escalatedTotal() {
        return Long.parseLong(find(By.id("escalated-total")).getText().strip());
    }

    /** The escalated tickets the card lists, their numbers. */
    public List<Long> escalated() {
        return findAll(By.cssSelector("#escalated td.num")).stream().map(e -> Long.parseLong(e.getText().strip()))
                .toList();
    }

    public List<String> oldestUnowned() {
        return findAll(By.cssSelector("#oldest-unowned td.subject")).stream().map(WebElement::getText).toList();
    }
}
