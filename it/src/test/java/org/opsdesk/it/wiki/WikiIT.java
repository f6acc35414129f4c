package org.opsdesk.it.wiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Corpus;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;

/** The wiki over REST: revisions, merges and conflicts, moves, backlinks, import/export, attachments. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class WikiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);

    static JsonObject save(String markdown, Integer base) {
        var b = Json.createObjectBuilder().add("markdown", markdown).add("comment", "test edit");
        if (base != null) {
            b.add("baseRevision", base);
        }
        return b.build();
    }

    @Test
    void pagesHaveRevisionsAndDiffsAndRestore() {
        String path = "runbooks/" + Fixtures.unique("disk");
        JsonObject created = agent.put("/api/wiki/pages/" + path, save("# Disk full\n\nCheck `df -h`.\n", null))
                .expect(201).json();
        assertThat(created.getInt("revision")).isEqualTo(1);
        assertThat(created.getString("title")).isEqualTo("Disk full");
        assertThat(created.getString("html")).contains("<code>df -h</code>");

        JsonObject second = agent.put("/api/wiki/pages/" + path, save("# Disk full\n\nCheck `df -i` too.\n", 1))
                .expect(200).json();
        assertThat(second.getInt("revision")).isEqualTo(2);
        assertThat(agent.get("/api/wiki/pages/" + path + "/revisions").expect(200).array()).hasSize(2);
        assertThat(agent.get("/api/wiki/pages/" + path + "/revisions/1").expect(200).json().getString("markdown"))
                .contains("df -h");
        JsonObject diff = agent.get("/api/wiki/pages/" + path + "/diff?from=1&to=2").expect(200).json();
        assertThat(diff.getString("unified")).contains("-Check `df -h`.").contains("+Check `df -i` too.");
        assertThat(diff.toString()).contains("<ins>");

        JsonObject restored = agent.post("/api/wiki/pages/" + path + "/restore", "{\"revision\":1}").expect(200)
                .json();
        assertThat(restored.getInt("revision")).isEqualTo(3);
        assertThat(restored.getString("markdown")).contains("df -h");

        agent.get("/api/wiki/pages/" + path + "/diff?from=1").expect(400);
        agent.get("/api/wiki/pages/" + path + "/revisions/9").expect(404);
        agent.get("/api/wiki/pages/runbooks/" + Fixtures.unique("nothing")).expect(404);
        agent.put("/api/wiki/pages/" + path, save("stale", null)).expect(409);
        agent.put("/api/wiki/pages/../etc", save("x", null)).expect(400);
    }

    @Test
    void aMergedSaveTakesItsTitleFromTheTextSaved() {
        String path = "kb/" + Fixtures.unique("merge-title");
        String base = "# Disk\n\nline one\nline two\nline three\nline four\n";
        agent.put("/api/wiki/pages/" + path, save(base, null)).expect(201);
        agent.put("/api/wiki/pages/" + path, save(base.replace("line four", "line FOUR"), 1)).expect(200);

        JsonObject merged = agent.put("/api/wiki/pages/" + path, save(base.replace("# Disk", "# Disk full"), 1))
                .expect(200).json();

        assertThat(merged.getBoolean("merged")).isTrue();
        assertThat(merged.getString("title")).isEqualTo("Disk full"); // was the old title, 'Disk'
    }

    @Test
    void aPagePathEndingLikeTheAddressOfAPagesPartIsRefused() {
        // saved, such a page answered its reads with its diff (400 revisions_required) or another page's lists
        String base = "kb/" + Fixtures.unique("reserved");
        for (String end : List.of("diff", "backlinks", "revisions", "attachments")) {
            assertThat(agent.put("/api/wiki/pages/" + base + "/" + end, save("# x\n", null)).expect(400).json()
                    .getString("error")).isEqualTo("invalid_path");
        }
    }

    @Test
    void aTextLongerThanAPageMayBeIsRefusedBeforeItIsRead() {
        String tooLong = "x".repeat(1_000_001);
        String path = "kb/" + Fixtures.unique("too-large");

        assertThat(agent.put("/api/wiki/pages/" + path, save(tooLong, null)).expect(400).json().getString("error"))
                .isEqualTo("page_too_large");
        assertThat(agent.post("/api/wiki/preview", Json.createObjectBuilder().add("path", path)
                .add("markdown", tooLong).build()).expect(400).json().getString("error")).isEqualTo("page_too_large");
        agent.get("/api/wiki/pages/" + path).expect(404);
    }

    @Test
    public void concurrentEditsMergeOrConflictButAreNeverLost() {
        String path = "kb/" + Fixtures.unique("merge");
        String base = "# Title\n\nline one\nline two\nline three\nline four\nline five\n";
        agent.put("/api/wiki/pages/" + path, save(base, null)).expect(201);
        agent.put("/api/wiki/pages/" + path, save(base.replace("line one", "line ONE (alice)"), 1)).expect(200);
        JsonObject merged = agent.put("/api/wiki/pages/" + path,
                save(base.replace("line five", "line FIVE (bob)"), 1)).expect(200).json();
        assertThat(merged.getBoolean("merged")).isTrue();
        assertThat(merged.getInt("revision")).isEqualTo(3);
        assertThat(merged.getString("markdown")).contains("line ONE (alice)").contains("line FIVE (bob)");

        Api.Reply conflict = agent.put("/api/wiki/pages/" + path, save(base.replace("line one", "line 1 (carol)"), 1))
                .expect(409);
        JsonObject c = conflict.json();
        assertThat(c.getString("error")).isEqualTo("edit_conflict");
        assertThat(c.getInt("currentRevision")).isEqualTo(3);
        assertThat(c.getString("yourMarkdown")).contains("line 1 (carol)");
        assertThat(c.getString("currentMarkdown")).contains("line ONE (alice)");
        assertThat(c.getJsonArray("conflicts")).isNotEmpty();
        assertThat(agent.get("/api/wiki/pages/" + path).json().getInt("revision")).isEqualTo(3);

        // two editors save at the same moment from the same revision: different lines are both kept (merged, or
        // the later one refused with 409), the same line is kept once and the other editor gets a 409; either way
        // every saved edit is in the page and in its history
        Api dave = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        Api erin = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        String three = agent.get("/api/wiki/pages/" + path).json().getString("markdown");
        List<String> saved = atOnce(path, 3, List.of(dave, erin), List.of(three.replace("line two", "line TWO (dave)"),
                three.replace("line four", "line FOUR (erin)")), List.of("line TWO (dave)", "line FOUR (erin)"));
        assertThat(saved).isNotEmpty();
        JsonObject page = agent.get("/api/wiki/pages/" + path).json();
        saved.forEach(edit -> assertThat(page.getString("markdown")).contains(edit));
        assertThat(page.getInt("revision")).isEqualTo(3 + saved.size());

        int revision = page.getInt("revision");
        String current = page.getString("markdown");
        List<String> sameLine = atOnce(path, revision, List.of(dave, erin), List.of(
                current.replace("line three", "line 3 (dave)"), current.replace("line three", "line III (erin)")),
                List.of("line 3 (dave)", "line III (erin)"));
        assertThat(sameLine).as("one of two edits of the same line").hasSize(1);
        JsonObject last = agent.get("/api/wiki/pages/" + path).json();
        assertThat(last.getString("markdown")).contains(sameLine.get(0)).doesNotContain("line three");
        assertThat(last.getInt("revision")).isEqualTo(revision + 1);
        assertThat(agent.get("/api/wiki/pages/" + path + "/revisions").expect(200).array())
                .hasSize(last.getInt("revision"));
    }

    /** Saves each markdown by its editor at the same moment from {@code base}; answers the edits that were saved. */
    private static List<String> atOnce(String path, int base, List<Api> editors, List<String> markdowns,
            List<String> edits) {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(editors.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(editors.size());
        try {
            List<java.util.concurrent.Future<Integer>> saves = new ArrayList<>();
            for (int i = 0; i < editors.size(); i++) {
                Api editor = editors.get(i);
                String markdown = markdowns.get(i);
                saves.add(pool.submit(() -> {
                    start.await();
                    return editor.put("/api/wiki/pages/" + path, save(markdown, base)).status();
                }));
            }
            List<String> saved = new ArrayList<>();
            for (int i = 0; i < saves.size(); i++) {
                int status = saves.get(i).get();
                assertThat(status).as("a save answers 200 or 409, never anything else").isIn(200, 409);
                if (status == 200) {
                    saved.add(edits.get(i));
                }
            }
            return saved;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void movesKeepTheOldPathAndLinksWorking() {
        String target = "runbooks/" + Fixtures.unique("old");
        String linker = "kb/" + Fixtures.unique("index");
        String missing = "kb/" + Fixtures.unique("missing-page"); // of this run: an earlier run's links name others
        agent.put("/api/wiki/pages/" + target, save("# Old name\n\nBody.\n", null)).expect(201);
        agent.put("/api/wiki/pages/" + linker, save("See [[" + target + "|the runbook]] and [[" + missing + "]].\n",
                null)).expect(201);
        assertThat(paths(agent.get("/api/wiki/pages/" + target + "/backlinks").expect(200).array()))
                .containsExactly(linker);

        String moved = "runbooks/" + Fixtures.unique("new");
        agent.post("/api/wiki/pages/" + target + "/move", "{\"to\":\"" + moved + "\"}").expect(200);
        JsonObject viaOld = agent.get("/api/wiki/pages/" + target).expect(200).json();
        assertThat(viaOld.getString("path")).isEqualTo(moved);
        assertThat(viaOld.getString("redirectedFrom")).isEqualTo(target);
        assertThat(paths(agent.get("/api/wiki/pages/" + moved + "/backlinks").expect(200).array()))
                .containsExactly(linker);
        String html = agent.get("/api/wiki/pages/" + linker).json().getString("html");
        assertThat(html).contains("the runbook").doesNotContain("missing\" title=\"create this page\">the runbook");
        assertThat(agent.get("/api/wiki/broken-links").expect(200).body()).contains(missing)
                .doesNotContain("\"toPath\":\"" + target + "\"");
        assertThat(agent.get("/api/wiki/pages/" + moved + "/revisions").expect(200).array())
                .as("the moved page keeps its history").hasSize(
                        agent.get("/api/wiki/pages/" + moved).json().getInt("revision"));
        assertThat(agent.get("/api/wiki/pages/" + moved + "/revisions/1").expect(200).json().getString("markdown"))
                .isEqualTo("# Old name\n\nBody.\n");
        agent.post("/api/wiki/pages/" + moved + "/move", "{\"to\":\"" + linker + "\"}").expect(409);
        agent.post("/api/wiki/pages/" + moved + "/move", "{}").expect(400);
    }

    @Test
    void racingCreationsMovesAndUploadsOfOnePageEndIn409NeverIn500() throws Exception {
        // each loser met a unique key inside its insert (path, redirect, revision number, file name): 500s before
        String path = "kb/" + Fixtures.unique("race");
        List<Integer> created = Fixtures.atOnce(6, () -> agent.put("/api/wiki/pages/" + path,
                save("# Raced\n\nFirst.\n", null)).status());
        assertThat(created).isSubsetOf(201, 409).containsOnlyOnce(201);

        List<Integer> moves = Fixtures.atOnce(6, () -> agent.post("/api/wiki/pages/" + path + "/move",
                "{\"to\":\"" + path + "-moved\"}").status());
        assertThat(moves).isSubsetOf(200, 409).containsOnlyOnce(200);
        assertThat(agent.get("/api/wiki/pages/" + path).expect(200).json().getString("path")).isEqualTo(path + "-moved");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        List<Integer> uploads = Fixtures.atOnce(6, () -> agent.bytes("PUT", "/api/wiki/pages/" + path
                + "-moved/attachments/same.png", png, "image/png").status());
        assertThat(uploads).isSubsetOf(200, 409).contains(200);
        assertThat(agent.get("/api/wiki/pages/" + path + "-moved/attachments").expect(200).array()).hasSize(1);
    }

    @Test
    void attachmentsAreStoredAndServedSafely() {
        String path = "kb/" + Fixtures.unique("files");
        agent.put("/api/wiki/pages/" + path, save("![diagram](diagram.png)\n", null)).expect(201);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        agent.bytes("PUT", "/api/wiki/pages/" + path + "/attachments/diagram.png", png, "image/png").expect(200);
        Api.Reply file = agent.get("/api/wiki/pages/" + path + "/attachments/diagram.png").expect(200);
        assertThat(file.bytes()).isEqualTo(png);
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.header("Content-Security-Policy")).contains("sandbox");
        agent.bytes("PUT", "/api/wiki/pages/" + path + "/attachments/page.html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "text/html").expect(200);
        assertThat(agent.get("/api/wiki/pages/" + path + "/attachments/page.html").header("Content-Disposition"))
                .startsWith("attachment");
        // a type no browser knows (here too long for its column: was a 500) is served as bytes
        agent.bytes("PUT", "/api/wiki/pages/" + path + "/attachments/odd.bin", png, "application/x-" + "a".repeat(300))
                .expect(200);
        assertThat(agent.get("/api/wiki/pages/" + path + "/attachments/odd.bin").header("Content-Type"))
                .startsWith("application/octet-stream");
        // a JSON file sent as JSON is a file, not a page save (was 400 markdown_required)
        byte[] json = "{\"panels\": []}".getBytes(StandardCharsets.UTF_8);
        agent.bytes("PUT", "/api/wiki/pages/" + path + "/attachments/dashboard.json", json, "application/json")
                .expect(200);
        assertThat(agent.get("/api/wiki/pages/" + path + "/attachments/dashboard.json").expect(200).bytes())
                .isEqualTo(json);
        assertThat(agent.get("/api/wiki/pages/" + path).json().getString("html"))
                .contains("/wiki-files/" + path + "/diagram.png");
    }

    @Test
    void anImportedPageAtAMovedPagesOldPathTakesThePathForGood() throws IOException {
        // the old path's redirect stayed beside the imported page: moving that page on then failed with a 409
        // naming the target, and the old path's backlinks counted for both pages
        String root = "imported/" + Fixtures.unique("moved");
        agent.put("/api/wiki/pages/" + root + "/a", save("# A\n", null)).expect(201);
        agent.post("/api/wiki/pages/" + root + "/a/move", "{\"to\":\"" + root + "/b\"}").expect(200);
        JsonObject report = agent.bytes("POST", "/api/wiki/import?into=" + root,
                zip(List.<String[]>of(new String[] {"a.md", "# New A\n"})), "application/zip").expect(200).json();
        assertThat(report.getInt("created")).isEqualTo(1);
        assertThat(agent.get("/api/wiki/pages/" + root + "/a").expect(200).json().getString("title")).isEqualTo("New A");
        agent.post("/api/wiki/pages/" + root + "/a/move", "{\"to\":\"" + root + "/c\"}").expect(200);
        // a part of a path without a letter a-z or digit was dropped: runbooks/диск saved over the page runbooks
        assertThat(agent.put("/api/wiki/pages/" + root + "/%D0%B4%D0%B8%D1%81%D0%BA", save("# disk\n", null))
                .expect(400).json().getString("error")).isEqualTo("invalid_path");
        assertThat(agent.get("/api/wiki/pages/" + root + "/a").expect(200).json().getString("title")).isEqualTo("New A");
        assertThat(agent.get("/api/wiki/pages/" + root + "/b").expect(200).json().getString("title")).isEqualTo("A");
    }

    @Test
    void importAndExportAZipOfMarkdown() throws IOException {
        String into = "imported/" + Fixtures.unique("set");
        byte[] zip = zip(List.of(
                new String[] {"docs/a.md", "---\ntitle: Page A\ntags: [alpha]\n---\nSee [b](../other/b.md).\n"},
                new String[] {"other/b.md", "# Page B\n\nBack to [a](../docs/a.md#top).\n"},
                new String[] {"OWNERS", "approvers: []\n"}));
        JsonObject report = agent.bytes("POST", "/api/wiki/import?into=" + into, zip, "application/zip").expect(200)
                .json();
        assertThat(report.getInt("created")).isEqualTo(2);
        JsonObject a = agent.get("/api/wiki/pages/" + into + "/docs/a").expect(200).json();
        assertThat(a.getString("title")).isEqualTo("Page A");
        assertThat(a.getString("markdown")).contains("[[" + into + "/other/b");
        assertThat(paths(agent.get("/api/wiki/pages/" + into + "/other/b/backlinks").array()))
                .containsExactly(into + "/docs/a");

        JsonObject again = agent.bytes("POST", "/api/wiki/import?into=" + into, zip, "application/zip").expect(200)
                .json();
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        assertThat(agent.get("/api/wiki/pages/" + into + "/other/b/revisions").expect(200).array()).hasSize(1);

        // a changed file comes back as a new revision of its page, the unchanged one stays as it was
        byte[] changed = zip(List.of(
                new String[] {"docs/a.md", "---\ntitle: Page A\ntags: [alpha]\n---\nSee [b](../other/b.md).\n"},
                new String[] {"other/b.md", "# Page B\n\nBack to [a](../docs/a.md#top), now with a second line.\n"}));
        JsonObject update = agent.bytes("POST", "/api/wiki/import?into=" + into, changed, "application/zip")
                .expect(200).json();
        assertThat(update.getInt("updated")).isEqualTo(1);
        assertThat(update.getInt("unchanged")).isEqualTo(1);
        assertThat(update.getInt("created")).isZero();
        JsonObject b = agent.get("/api/wiki/pages/" + into + "/other/b").expect(200).json();
        assertThat(b.getInt("revision")).isEqualTo(2);
        assertThat(b.getString("markdown")).contains("now with a second line");
        assertThat(agent.get("/api/wiki/pages/" + into + "/other/b/revisions").expect(200).array()).hasSize(2);

        Api.Reply export = agent.get("/api/wiki/export?prefix=" + into).expect(200);
        assertThat(entries(export.bytes())).containsExactly(into + "/docs/a.md", into + "/other/b.md");

        agent.bytes("POST", "/api/wiki/import", "not an archive".getBytes(StandardCharsets.UTF_8),
                "application/zip").expect(400);
    }

    /**
     * Two pages of one folder, each with its own {@code diagram.png}: the export keeps both files (the second under a
     * free name, its page's image pointing at it), and importing the export gives each page back its own file.
     */
    @Test
    void anExportKeepsSameNamedAttachmentsOfPagesInOneFolder() throws IOException {
        String folder = "kb/" + Fixtures.unique("export");
        byte[] dbDiagram = "db diagram".getBytes(StandardCharsets.UTF_8);
        byte[] webDiagram = "web diagram".getBytes(StandardCharsets.UTF_8);
        for (String page : List.of("db", "web")) {
            agent.put("/api/wiki/pages/" + folder + "/" + page, save("# " + page + "\n\n![plan](diagram.png)\n", null))
                    .expect(201);
            agent.bytes("PUT", "/api/wiki/pages/" + folder + "/" + page + "/attachments/diagram.png",
                    page.equals("db") ? dbDiagram : webDiagram, "image/png").expect(200);
        }

        byte[] export = agent.get("/api/wiki/export?prefix=" + folder).expect(200).bytes();
        assertThat(entries(export)).containsExactlyInAnyOrder(folder + "/db.md", folder + "/web.md",
                folder + "/diagram.png", folder + "/diagram-2.png");

        String into = "reimported/" + Fixtures.unique("export");
        agent.bytes("POST", "/api/wiki/import?into=" + into, export, "application/zip").expect(200);
        for (String page : List.of("db", "web")) {
            String path = into + "/" + folder + "/" + page;
            JsonArray files = agent.get("/api/wiki/pages/" + path + "/attachments").expect(200).array();
            assertThat(files).as("attachments of " + path).hasSize(1);
            String name = files.getJsonObject(0).getString("fileName");
            assertThat(agent.get("/api/wiki/pages/" + path).json().getString("markdown"))
                    .contains("![plan](" + name + ")");
            assertThat(agent.get("/api/wiki/pages/" + path + "/attachments/" + name).expect(200).bytes())
                    .isEqualTo(page.equals("db") ? dbDiagram : webDiagram);
        }
    }

    /** The 394 real runbooks import, render, and their links between each other resolve. */
    @Test
    void theRealRunbooksImportAndTheirLinksResolve() throws IOException {
        assumeTrue(Corpus.hasRunbooks(), "shared corpus not present beside the repository: skipping");
        String into = "corpus-" + Fixtures.unique("rb");
        long started = System.nanoTime();
        JsonObject report = agent.bytes("POST", "/api/wiki/import?into=" + into, Corpus.runbooksZip(),
                "application/zip").expect(200).json();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Imported the runbook corpus: " + report + " in " + millis + " ms over HTTP");
        long markdownFiles;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(Corpus.RUNBOOKS)) {
            markdownFiles = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".md") || f.endsWith(".markdown")).count();
        }
        assertThat(markdownFiles).as("the corpus' runbooks (its README says 394)").isEqualTo(394);
        assertThat(report.getInt("created")).as("every Markdown file a page").isEqualTo(394);
        List<String> pages = paths(agent.get("/api/wiki/pages?prefix=" + into + "&limit=5000").array());
        assertThat(pages).hasSize(394);
        String broken = agent.get("/api/wiki/broken-links").body();
        List<String> brokenHere = new ArrayList<>();
        for (JsonValue v : Json.createReader(new java.io.StringReader(broken)).readArray()) {
            if (v.asJsonObject().getString("fromPath").startsWith(into + "/")) {
                brokenHere.add(v.toString());
            }
        }
        System.out.println("Broken links among imported runbooks: " + brokenHere);
        assertThat(brokenHere).as("links between the imported runbooks").isEmpty();
        JsonObject raid = agent.get("/api/wiki/pages/" + into
                + "/prometheus-operator/runbooks/node/noderaiddegraded").expect(200).json();
        assertThat(raid.getString("html")).contains("<h2").contains("Mitigation");
    }

    @Test
    void alertRunbookUrlsAndAlertNamesPointAtPages() {
        String queue = Fixtures.queue();
        String source = Fixtures.unique("src");
        String alert = "Etcd" + Fixtures.unique("NoLeader").replaceAll("[^A-Za-z0-9]", "");
        Api admin = Api.admin();
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue).build())
                .expect(201);
        String base = "https://github.com/openshift/runbooks/blob/master/alerts/etcd/";
        admin.post("/api/alerts?source=" + source, Json.createObjectBuilder().add("source", source)
                .add("host", "etcd-0.example.net").add("service", alert).add("state", "CRITICAL")
                .add("runbookUrl", base + alert + ".md").build()).expect(200);
        admin.post("/api/alerts?source=" + source, Json.createObjectBuilder().add("source", source)
                .add("host", "etcd-0.example.net").add("service", alert + "Gone").add("state", "CRITICAL")
                .add("runbookUrl", base + alert + "Gone.md").build()).expect(200);
        JsonObject before = agent.get("/api/wiki/runbook-coverage").expect(200).json();
        assertThat(before.getJsonArray("runbookUrlsWithoutPage").toString()).contains(alert + ".md");
        assertThat(before.getJsonArray("alertsWithoutRunbook").toString()).contains("\"" + alert + "\"");

        agent.put("/api/wiki/pages/runbooks/etcd/" + alert.toLowerCase(), save("# " + alert + "\n\n## Meaning\n", null))
                .expect(201);
        JsonObject after = agent.get("/api/wiki/runbook-coverage").expect(200).json();
        assertThat(after.getJsonArray("runbookUrlsWithoutPage").toString()).doesNotContain(alert + ".md")
                .contains(alert + "Gone.md");
        assertThat(after.getJsonArray("alertsWithoutRunbook").toString()).doesNotContain("\"" + alert + "\"");
        assertThat(after.getJsonArray("runbooksWithoutAlerts").toString())
                .doesNotContain("runbooks/etcd/" + alert.toLowerCase() + "\"");

        // a runbook no alert points at, by URL or by name, is listed
        String orphan = "runbooks/etcd/" + Fixtures.unique("orphan").toLowerCase();
        agent.put("/api/wiki/pages/" + orphan, save("# Nobody's runbook\n\n## Meaning\n", null)).expect(201);
        assertThat(agent.get("/api/wiki/runbook-coverage").expect(200).json().getJsonArray("runbooksWithoutAlerts")
                .toString()).contains("\"" + orphan + "\"");
    }

    /**
     * A ticket's runbooks: a runbook URL into this wiki opens that page (on whatever host the URL names), an external
     * one is listed as a link (never a {@code javascript:} one), and with neither, a page whose front matter names the
     * alert's service is suggested; the host's API lists that page too.
     */
    @Test
    void aTicketsRunbooksFollowItsAlertsRunbookUrlsAndThePagesServices() {
        String queue = Fixtures.queue();
        String source = Fixtures.unique("src");
        String u = Fixtures.unique("rb");
        String host = u + ".db.example.net";
        Api admin = Api.admin();
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue).build())
                .expect(201);
        String inWiki = "runbooks/" + u + "/replication-lag";
        agent.put("/api/wiki/pages/" + inWiki, save("# Replication lag\n\n## Mitigation\n", null)).expect(201);
        String byService = "runbooks/" + u + "/disk-var";
        agent.put("/api/wiki/pages/" + byService, save("---\nservices:\n  - Disk /var " + u + "\n---\n"
                + "# Disk full\n\n## Diagnosis\n", null)).expect(201);

        long lag = ticketOf(admin.post("/api/alerts?source=" + source, Json.createObjectBuilder().add("source", source)
                .add("host", host).add("service", "Replication lag " + u).add("state", "CRITICAL")
                .add("runbookUrl", "https://desk.example.com/wiki.xhtml?path=" + inWiki).build()).expect(200).json());
        JsonObject lagRunbooks = agent.get("/api/tickets/" + lag + "/runbooks").expect(200).json();
        assertThat(paths(lagRunbooks.getJsonArray("pages"))).containsExactly(inWiki);
        assertThat(lagRunbooks.getJsonArray("links")).isEmpty();

        String external = "https://runbooks.example.org/disk/DiskVarFull-" + u;
        long disk = ticketOf(admin.post("/api/alerts?source=" + source, Json.createObjectBuilder().add("source", source)
                .add("host", host).add("service", "Disk /var " + u).add("state", "CRITICAL")
                .add("runbookUrl", external).build()).expect(200).json());
        JsonObject diskRunbooks = agent.get("/api/tickets/" + disk + "/runbooks").expect(200).json();
        assertThat(paths(diskRunbooks.getJsonArray("pages"))).containsExactly(byService);
        assertThat(diskRunbooks.getJsonArray("links").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly(external);

        long hostile = ticketOf(admin.post("/api/alerts?source=" + source, Json.createObjectBuilder()
                .add("source", source).add("host", host).add("service", "Load " + u).add("state", "WARNING")
                .add("runbookUrl", "javascript:alert(document.cookie)").build()).expect(200).json());
        JsonObject none = agent.get("/api/tickets/" + hostile + "/runbooks").expect(200).json();
        assertThat(none.getJsonArray("links")).as("only web addresses are links").isEmpty();
        assertThat(none.getJsonArray("pages")).isEmpty();
        agent.get("/api/tickets/987654321/runbooks").expect(404);

        JsonObject hostView = agent.get("/api/hosts/" + host).expect(200).json();
        assertThat(paths(hostView.getJsonArray("runbooks"))).contains(byService);
    }

    private static long ticketOf(JsonObject outcomes) {
        return outcomes.getJsonArray("alerts").getJsonObject(0).getJsonNumber("ticket").longValue();
    }

    static List<String> paths(jakarta.json.JsonArray a) {
        return a.stream().map(v -> v.asJsonObject().getString("path")).toList();
    }

    static byte[] zip(List<String[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String[] f : files) {
                z.putNextEntry(new ZipEntry(f[0]));
                z.write(f[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Set<String> entries(byte[] zip) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
