package org.opsdesk.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.support.UiClient;

/**
 * The agent UI's endpoints outside JAX-RS, which the OpenAPI document (and so {@link AuthorizationMatrixIT}) does
 * not list: each needs a session, an attachment downloads as a file of its own kind and never as a page of ours,
 * and the search box's suggestions answer as the agent types.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UiServletsIT {

    /** A GET of each servlet the pages call, with parameters that would name something if there were a session. */
    static final List<String> UI_ENDPOINTS = List.of("/attachments/1/1", "/search-suggest?q=db", "/search-status",
            "/nav-counts", "/queue-version", "/wiki-files/kb/nothing/file.png", "/wiki-export?prefix=kb", "/mail-raw/1");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @Test
    void withoutASessionEveryUiEndpointRefusesOrSendsToTheLogin() {
        UiClient anonymous = UiClient.anonymous();
        for (String path : UI_ENDPOINTS) {
            HttpResponse<byte[]> r = anonymous.get(path);
            boolean toLogin = r.statusCode() / 100 == 3
                    && r.headers().firstValue("Location").orElse("").contains("/login");
            assertThat(r.statusCode() == 401 || toLogin).as(path + " answered " + r.statusCode()).isTrue();
        }
    }

    @Test
    void anAttachmentDownloadsAsAFileForAgentsOnAnyOfItsTicketsOnly() {
        Api admin = Api.admin();
        byte[] content = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        JsonObject file = Json.createObjectBuilder().add("filename", "report.html").add("contentType", "text/html")
                .add("contentBase64", Base64.getEncoder().encodeToString(content)).build();
        JsonObject t = admin.post("/api/tickets", Json.createObjectBuilder().add("queue", Fixtures.queue())
                .add("subject", "a file").add("body", "see attached")
                .add("requester", Fixtures.unique("c") + "@customer.example")
                .add("attachments", Json.createArrayBuilder().add(file)).build()).expect(201).json();
        long n = t.getJsonNumber("number").longValue();
        int id = t.getJsonArray("messages").getJsonObject(0).getJsonArray("attachments").getJsonObject(0)
                .getInt("id");
        UiClient agent = UiClient.loggedIn(Fixtures.agent(false), Fixtures.PASSWORD);

        HttpResponse<byte[]> download = agent.get("/attachments/" + n + "/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment;").contains("report.html"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("sandbox"));

        long other = Fixtures.ticket(admin, Fixtures.queue(), "another").getJsonNumber("number").longValue();
        assertThat(agent.get("/attachments/" + other + "/" + id).statusCode()).as("another ticket's number")
                .isEqualTo(404);
        assertThat(agent.get("/attachments/" + n + "/abc").statusCode()).isEqualTo(404);
        assertThat(UiClient.anonymous().get("/attachments/" + n + "/" + id).statusCode()).isNotEqualTo(200);
    }

    @Test
    void anUploadedScriptOrStylesheetIsServedAsBytesThatNoPageOfOursWouldRun() {
        // the site's policy lets its own origin's scripts run: a stored file served as JavaScript would be one
        Api admin = Api.admin();
        JsonObject file = Json.createObjectBuilder().add("filename", "report.pdf")
                .add("contentType", "application/javascript")
                .add("contentBase64", Base64.getEncoder().encodeToString("alert(1)".getBytes(StandardCharsets.UTF_8)))
                .build();
        JsonObject t = admin.post("/api/tickets", Json.createObjectBuilder().add("queue", Fixtures.queue())
                .add("subject", "a script").add("body", "see attached")
                .add("requester", Fixtures.unique("c") + "@customer.example")
                .add("attachments", Json.createArrayBuilder().add(file)).build()).expect(201).json();
        long n = t.getJsonNumber("number").longValue();
        JsonObject stored = t.getJsonArray("messages").getJsonObject(0).getJsonArray("attachments").getJsonObject(0);
        assertThat(stored.getString("contentType")).as("kept as declared").isEqualTo("application/javascript");
        UiClient agent = UiClient.loggedIn(Fixtures.agent(false), Fixtures.PASSWORD);
        HttpResponse<byte[]> download = agent.get("/attachments/" + n + "/" + stored.getInt("id"));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(admin.get("/api/tickets/" + n + "/attachments/" + stored.getInt("id")).expect(200)
                .header("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void aQuarantinedMailsRawBytesAreForAdminsOnly() {
        String queue = "nowhere-" + Fixtures.unique("q").replaceAll("[^a-z0-9-]", "");
        byte[] raw = org.opsdesk.it.support.Mails.from(Fixtures.unique("c") + "@customer.example")
                .to(queue + "@support.example").subject("lost").text("private words").bytes();
        JsonObject r = Api.admin().mail(queue, raw).expect(200).json();
        assertThat(r.getString("disposition")).isEqualTo("quarantined");
        long id = r.getJsonNumber("inboundId").longValue();

        assertThat(UiClient.loggedIn(Fixtures.agent(false), Fixtures.PASSWORD).get("/mail-raw/" + id).statusCode())
                .isEqualTo(403);
        HttpResponse<byte[]> asAdmin = UiClient.loggedIn(Fixtures.agent(true), Fixtures.PASSWORD)
                .get("/mail-raw/" + id);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(new String(asAdmin.body(), StandardCharsets.UTF_8)).contains("private words");
        assertThat(asAdmin.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment;"));

        // a delivered mail is not served here
        String open = Fixtures.queue();
        long delivered = Api.admin().mail(open, org.opsdesk.it.support.Mails.from(Fixtures.unique("c")
                + "@customer.example").to(open + "@support.example").subject("fine").text("x").bytes()).expect(200)
                .json().getJsonNumber("inboundId").longValue();
        assertThat(UiClient.loggedIn(Fixtures.agent(true), Fixtures.PASSWORD).get("/mail-raw/" + delivered)
                .statusCode()).isEqualTo(404);

        // an ignored mail is on no ticket either: admins may read it as it came
        String blocked = Fixtures.unique("spam") + ".example";
        long rule = Api.admin().post("/api/mail/blocked", "{\"pattern\":\"" + blocked + "\"}").expect(201).json()
                .getJsonNumber("id").longValue();
        long ignored = Api.admin().mail(open, org.opsdesk.it.support.Mails.from("x@" + blocked).to(open
                + "@support.example").subject("offer").text("spam words").bytes()).expect(200).json()
                .getJsonNumber("inboundId").longValue();
        Api.admin().delete("/api/mail/blocked/" + rule).expect(204);
        HttpResponse<byte[]> ignoredRaw = UiClient.loggedIn(Fixtures.agent(true), Fixtures.PASSWORD)
                .get("/mail-raw/" + ignored);
        assertThat(ignoredRaw.statusCode()).isEqualTo(200);
        assertThat(new String(ignoredRaw.body(), StandardCharsets.UTF_8)).contains("spam words");
        assertThat(Api.admin().get("/api/mail/ignored/" + ignored + "/raw").expect(200).body()).contains("spam words");
        Api.admin().get("/api/mail/ignored/" + delivered + "/raw").expect(404);
        Api.basic(Fixtures.agent(false), Fixtures.PASSWORD).get("/api/mail/ignored/" + ignored + "/raw").expect(403);
    }

    @Test
    void theWikiExportsToAnAgentsSession() {
        // the tools page's button went to the API, which asked the browser for a password
        String path = "kb/" + Fixtures.unique("export");
        Api.admin().put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "# Exported\n").build())
                .expect(201);
        HttpResponse<byte[]> zip = UiClient.loggedIn(Fixtures.agent(false), Fixtures.PASSWORD)
                .get("/wiki-export?prefix=" + path);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment;").contains(".zip"));
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(names).anyMatch(n -> n.endsWith(".md"));
    }

    @Test
    void aWikiFileIsServedWhateverItsNameHolds() {
        // the servlet decoded the decoded path again: a '%' in the name was a 500, a '+' a space (so a 404)
        Api admin = Api.admin();
        String path = "kb/" + Fixtures.unique("names");
        admin.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "files").build()).expect(201);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        admin.bytes("PUT", "/api/wiki/pages/" + path + "/attachments/50%25off%20a%2Bb.png", png, "image/png")
                .expect(200);
        UiClient agent = UiClient.loggedIn(Fixtures.agent(false), Fixtures.PASSWORD);

        HttpResponse<byte[]> file = agent.get("/wiki-files/" + path + "/50%25off%20a%2Bb.png");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(png);
        assertThat(new String(agent.get("/wiki.xhtml?path=" + path).body(), StandardCharsets.UTF_8))
                .as("the page's link to it").contains("/wiki-files/" + path + "/50%25off%20a%2Bb.png");
    }

    @Test
    void aHistoryOfNoPageSaysSoInsteadOfFailing() {
        UiClient agent = UiClient.loggedIn(Fixtures.agent(false), Fixtures.PASSWORD);
        for (String page : List.of("/wiki-history.xhtml", "/wiki-history.xhtml?path=..%2Fx",
                "/wiki-history.xhtml?path=no/such/" + Fixtures.unique("page"), "/wiki-history.xhtml?path=x&from=abc")) {
            HttpResponse<byte[]> r = agent.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(page).contains("No page at");
        }
        String path = "kb/" + Fixtures.unique("history");
        Api.admin().put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "one").build())
                .expect(201);
        String unknownRevision = new String(agent.get("/wiki-history.xhtml?path=" + path + "&from=1&to=7").body(),
                StandardCharsets.UTF_8);
        assertThat(unknownRevision).as("said before the page renders, so shown").contains("has revisions 1 to 1, not 7");

        UiClient admin = UiClient.loggedIn("admin", Api.ADMIN_PASSWORD);
        String noQueue = "nosuch" + Fixtures.unique("q").replaceAll("[^a-z0-9]", "");
        assertThat(new String(admin.get("/admin/queues.xhtml?edit=" + noQueue).body(), StandardCharsets.UTF_8))
                .as("an unknown queue to edit is said, not a quiet 'New queue' form")
                .contains("There is no queue", noQueue);
        for (String page : List.of("/admin/organizations.xhtml?edit=" + "x".repeat(101),
                "/admin/triggers.xhtml?edit=abc", "/admin/macros.xhtml?edit=-1")) {
            HttpResponse<byte[]> r = admin.get(page);
            assertThat(r.statusCode()).as(page + ": said on the page, not an error page").isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(page).containsPattern("There is no|needs a name of 1-");
        }
    }

    @Test
    void theSearchBoxSuggestsTitlesAsTheAgentTypes() {
        String word = "Suggestible" + Fixtures.unique("w").replaceAll("[^a-z0-9]", "");
        long n = Fixtures.ticket(Api.admin(), Fixtures.queue(), word + " printer on fire").getJsonNumber("number")
                .longValue();
        UiClient agent = UiClient.loggedIn(Fixtures.agent(false), Fixtures.PASSWORD);
        String typed = word.substring(0, word.length() - 2).toLowerCase();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpResponse<byte[]> r = agent.get("/search-suggest?q=" + typed);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(array(r).stream().map(JsonValue::asJsonObject)).anySatisfy(s -> {
                assertThat(s.getString("kind")).isEqualTo("ticket");
                assertThat(s.getString("id")).isEqualTo(String.valueOf(n));
                assertThat(s.getString("label")).isEqualTo(word + " printer on fire");
            });
        });
        assertThat(array(agent.get("/search-suggest?q="))).as("nothing typed, nothing suggested").isEmpty();
    }

    private static JsonArray array(HttpResponse<byte[]> r) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(r.body(), StandardCharsets.UTF_8)))) {
            return reader.readArray();
        }
    }
}
