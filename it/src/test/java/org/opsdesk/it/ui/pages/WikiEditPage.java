package org.opsdesk.it.ui.pages;

import org.openqa.selenium.By;
import org.opsdesk.it.ui.Browser;

/** The wiki editor: Markdown on the left, the live preview on the right. */
public class WikiEditPage extends Screen {

    public WikiEditPage(Browser browser) {
        super(browser);
    }

    public static WikiEditPage open(Browser browser, String path) {
        browser.driver().get(browser.url("/wiki-edit.xhtml?path=" + path));
        return new WikiEditPage(browser);
    }

    public String markdown() {
        return find(By.id("editor:markdown")).getAttribute("value");
    }

    public WikiEditPage replace(String markdown) {
        type("editor:markdown", markdown);
        return this;
    }

    /** Waits until the live preview shows {@code text}. */
    public WikiEditPage previewShows(String text) {
        waitFor("the preview to show " + text, () -> find(By.id("preview")).getText().contains(text));
        return this;
    }

    public WikiPage save() {
        clickAndWaitForPage(By.id("editor:save"));
        return new WikiPage(browser);
    }

    /** Saves expecting a conflict: the editor comes back with both versions. */
    public WikiEditPage saveExpectingConflict() {
        clickAndWaitForPage(By.id("editor:save"));
        return this;
    }

    /** Saves a form whose page expired: the editor comes back, saying nothing was changed. */
    public WikiEditPage saveExpectingExpiry() {
        clickAndWaitForPage(By.id("editor:save"));
        return this;
    }

    public boolean isDraftRestoredShown() {
        return !findAll(By.cssSelector("form[id='editor'] .draft-restored")).isEmpty();
    }

    /** Drops the restored draft: the editor holds the page as saved. */
    public WikiEditPage discardDraft() {
        find(By.cssSelector("form[id='editor'] .draft-discard")).click();
        return this;
    }

    public boolean showsConflict() {
        return !findAll(By.id("conflict")).isEmpty();
    }
}
