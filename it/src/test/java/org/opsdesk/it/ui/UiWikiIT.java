package org.opsdesk.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.ui.pages.LoginPage;
import org.opsdesk.it.ui.pages.WikiEditPage;
import org.opsdesk.it.ui.pages.WikiIndexPage;
import org.opsdesk.it.ui.pages.WikiPage;

/** The wiki in the browser: the runbook template, live preview, a concurrent edit merged, a conflict shown. */
class UiWikiIT extends BrowserIT {

    private static String logIn() {
        String login = Fixtures.agent(false);
        LoginPage.open(browser).logIn(login, Fixtures.PASSWORD);
        return login;
    }

    @Test
    void theIndexShowsOneFolderAtATime() {
        // 394 imported runbooks on one page was a list no one reads: folders with counts, then the pages in one
        String root = Fixtures.unique("tree");
        Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        for (String path : List.of(root + "/db/backup", root + "/db/replication", root + "/network", root + "/db")) {
            agent.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "# " + path).build())
                    .expect(201);
        }
        logIn();
        WikiIndexPage top = WikiIndexPage.open(browser, null);
        assertThat(top.folders()).contains(root + "/ 4");
        WikiIndexPage folder = WikiIndexPage.open(browser, root);
        assertThat(folder.folders()).containsExactly("db/ 2");
        assertThat(folder.pages()).containsExactly(root + "/db", root + "/network");
        assertThat(folder.openFolder("db").pages()).containsExactly(root + "/db/backup", root + "/db/replication");
        browser.screenshots("wiki-index");
    }

    @Test
    void aNewRunbookStartsFromTheTemplateAndPreviewsLive() {
        logIn();
        String path = "runbooks/" + Fixtures.unique("ui");
        WikiEditPage editor = WikiEditPage.open(browser, path);
        assertThat(editor.markdown()).contains("## Meaning").contains("## Impact").contains("## Diagnosis")
                .contains("## Mitigation");
        editor.replace("# Disk space low\n\n## Meaning\n\nThe **root** disk is <script>alert(1)</script> full.\n")
                .previewShows("The root disk is <script>alert(1)</script> full.");
        browser.screenshots("wiki-edit");
        WikiPage page = editor.save();
        assertThat(page.heading()).isEqualTo("Disk space low");
        assertThat(page.bodyText()).contains("<script>alert(1)</script>");
        assertThat(page.contents()).contains("Meaning");
        browser.screenshots("wiki-page");
    }

    @Test
    void anEditWhosePageExpiredIsOfferedBackOverItsRevisionAndMergedWithWhatWasSavedSince() {
        logIn();
        String path = "kb/" + Fixtures.unique("draft");
        String base = "# Long edit\n\nfirst line\nsecond line\nthird line\n";
        Api other = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        other.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", base).build()).expect(201);

        WikiEditPage editor = WikiEditPage.open(browser, path);
        editor.replace(base.replace("third line", "third line, typed at length in the browser"));
        other.put("/api/wiki/pages/" + path, Json.createObjectBuilder()
                .add("markdown", base.replace("first line", "first line, saved by the other agent"))
                .add("baseRevision", 1).build()).expect(200);
        browser.pushViewsOutOfSession();
        editor.saveExpectingExpiry();
        assertThat(editor.errorMessages()).anyMatch(m -> m.contains("expired, so nothing was changed"));
        assertThat(other.get("/api/wiki/pages/" + path).json().getInt("revision")).isEqualTo(2);
        // offered back over revision 1, so the save merges it with revision 2 instead of writing over it
        assertThat(editor.isDraftRestoredShown()).isTrue();
        assertThat(editor.markdown()).contains("typed at length in the browser").doesNotContain("the other agent");
        WikiPage page = editor.save();
        assertThat(page.infoMessages()).anyMatch(m -> m.contains("merged"));
        assertThat(page.bodyText()).contains("saved by the other agent").contains("typed at length in the browser");
        WikiEditPage again = WikiEditPage.open(browser, path);
        assertThat(again.isDraftRestoredShown()).as("saved: forgotten").isFalse();

        // an edit left unsaved comes back too, and is dropped on request
        again.replace(again.markdown() + "\nan afterthought\n");
        WikiPage.open(browser, path);
        WikiEditPage back = WikiEditPage.open(browser, path);
        assertThat(back.isDraftRestoredShown()).isTrue();
        assertThat(back.markdown()).contains("an afterthought");
        back.discardDraft();
        assertThat(back.markdown()).isEqualTo(other.get("/api/wiki/pages/" + path).json().getString("markdown"));
        assertThat(WikiEditPage.open(browser, path).isDraftRestoredShown()).as("discarded").isFalse();
    }

    @Test
    void aDraftOfANewPageThatSomeoneCreatedSinceDoesNotWriteOverTheirs() {
        logIn();
        String path = "kb/" + Fixtures.unique("both-new");
        WikiEditPage editor = WikiEditPage.open(browser, path);
        editor.replace("# Mine\n\ntyped before the page existed\n");
        Api other = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        other.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "# Theirs\n").build())
                .expect(201);
        browser.pushViewsOutOfSession();
        editor.saveExpectingExpiry();
        assertThat(editor.isDraftRestoredShown()).isTrue();
        assertThat(editor.markdown()).contains("typed before the page existed");

        // saving asks first: their page stays until the second save
        editor.saveExpectingConflict();
        assertThat(editor.errorMessages()).anyMatch(m -> m.contains("while you wrote it"));
        assertThat(other.get("/api/wiki/pages/" + path).json().getString("markdown")).isEqualTo("# Theirs\n");
        WikiPage page = editor.save();
        assertThat(page.bodyText()).contains("typed before the page existed");
        assertThat(other.get("/api/wiki/pages/" + path).json().getString("markdown")).contains("# Mine");
    }

    @Test
    void anEditSavedMeanwhileIsMergedAndAnOverlappingOneIsShownAsAConflict() {
        logIn();
        String path = "kb/" + Fixtures.unique("merge");
        String base = "# Shared page\n\nfirst line\nsecond line\nthird line\nfourth line\nfifth line\n";
        Api other = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        other.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", base).build()).expect(201);

        WikiEditPage editor = WikiEditPage.open(browser, path);
        other.put("/api/wiki/pages/" + path, Json.createObjectBuilder()
                .add("markdown", base.replace("first line", "first line, edited by the other agent"))
                .add("baseRevision", 1).build()).expect(200);
        WikiPage page = editor.replace(base.replace("fifth line", "fifth line, edited in the browser")).save();
        assertThat(page.infoMessages()).anyMatch(m -> m.contains("merged"));
        assertThat(page.bodyText()).contains("edited by the other agent").contains("edited in the browser");
        assertThat(page.revision()).isEqualTo(3);

        WikiEditPage stale = WikiEditPage.open(browser, path);
        other.put("/api/wiki/pages/" + path, Json.createObjectBuilder()
                .add("markdown", other.get("/api/wiki/pages/" + path).json().getString("markdown")
                        .replace("second line", "second line (other)").replace("fourth line", "fourth line (other)"))
                .add("baseRevision", 3).build()).expect(200);
        String mine = stale.markdown().replace("second line", "second line (browser)");
        stale.replace(mine).saveExpectingConflict();
        assertThat(stale.showsConflict()).isTrue();
        assertThat(stale.errorMessages()).anyMatch(m -> m.contains("overlaps theirs in 1 place."));
        assertThat(browser.driver().getCurrentUrl()).as("the address still names the page").contains("path=");
        // the editor holds both edits: the other's clean change too (a save of the browser's text alone dropped it)
        assertThat(stale.markdown()).contains("<<<<<<< yours\nsecond line (browser)\n=======\nsecond line (other)\n"
                + ">>>>>>> saved meanwhile\n").contains("fourth line (other)");
        browser.screenshots("wiki-conflict");
        assertThat(browser.driver().findElement(By.id("conflict")).getText()).contains("second line (other)");
        stale.saveExpectingConflict();
        assertThat(stale.errorMessages()).anyMatch(m -> m.contains("conflict between"));
        page = stale.replace(stale.markdown().replaceAll("(?s)<<<<<<< yours\n.*?>>>>>>> saved meanwhile\n",
                "second line (both)\n")).save();
        assertThat(page.bodyText()).contains("second line (both)", "fourth line (other)")
                .doesNotContain("second line (browser)");

        // the page's history lists its five revisions and shows a diff; the tools page lists broken links
        browser.driver().get(browser.url("/wiki-history.xhtml?path=" + path + "&from=1&to=4"));
        assertThat(browser.driver().findElements(By.cssSelector("#revisions tbody tr"))).hasSize(5);
        assertThat(browser.driver().findElement(By.id("diff")).getText()).contains("(other)");
        browser.screenshots("wiki-history");
        browser.driver().get(browser.url("/wiki-tools.xhtml"));
        assertThat(browser.driver().findElement(By.id("broken-links")).isDisplayed()).isTrue();
        browser.screenshots("wiki-tools");
        browser.driver().get(browser.url("/hosts.xhtml"));
        assertThat(browser.driver().findElement(By.id("hosts")).isDisplayed()).isTrue();
        browser.screenshots("hosts");
    }
}
