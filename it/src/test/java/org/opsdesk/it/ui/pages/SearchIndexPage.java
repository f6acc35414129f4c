package org.opsdesk.it.ui.pages;

import org.openqa.selenium.By;
import org.opsdesk.it.ui.Browser;

/** The admin page of the search index: its counts, the rebuild button, the progress bar and the rebuild's state. */
public class SearchIndexPage extends Screen {

    public SearchIndexPage(Browser browser) {
        super(browser);
    }

    public static SearchIndexPage open(Browser browser) {
        browser.driver().get(browser.url("/admin/search.xhtml"));
        return new SearchIndexPage(browser);
    }

    /** Starts a rebuild; answers the page it leads to. */
    public SearchIndexPage rebuild() {
        clickAndWaitForPage(By.id("rebuild:start"));
        return new SearchIndexPage(browser);
    }

    /** Waits until the page shows a finished rebuild (its script reloads the page when the rebuild ends). */
    public SearchIndexPage waitForFinishedRebuild() {
        waitFor("the rebuild to finish", () -> state().startsWith("Finished"));
        return new SearchIndexPage(browser);
    }

    public String state() {
        return find(By.id("rebuild-state")).getText().strip();
    }

    /** The progress bar's value and maximum. */
    public long[] progress() {
        var bar = find(By.id("rebuild-progress"));
        return new long[] {Math.round(Double.parseDouble(bar.getDomProperty("value"))),
            Math.round(Double.parseDouble(bar.getDomProperty("max")))};
    }

    public long ticketsIndexed() {
        return Long.parseLong(find(By.id("index-tickets")).getText().strip());
    }
}
