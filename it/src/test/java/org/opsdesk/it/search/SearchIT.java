package org.opsdesk.it.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.support.Mails;

/** One search over tickets and pages, kept in step after commit, rebuilt without stopping. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SearchIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    /**
     * Tickets in the database before the index-loss drill, so that its rebuild lasts long enough to be seen: with 500
     * (until session 17) a rebuild on a fast machine ended between two polls, and the drill failed one run in three.
     */
    private static final int MIN_TICKETS_FOR_THE_DRILL = 2_000;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);

    static String q(String query) {
        return "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /**
     * "Within a second" holds for a change made while the indexer is idle: a backlog (the runbook corpus another
     * test class imported just before this deployment) is worked off first, in order.
     */
    @BeforeEach
    public void indexerIsIdle() {
        Fixtures.awaitSearchIndexed(Duration.ofSeconds(60));
    }

    List<String> ids(String query) {
        return agent.get(q(query)).expect(200).json().getJsonArray("hits").stream().map(v -> {
            JsonObject h = v.asJsonObject();
            return h.getString("type").equals("ticket") ? "#" + h.getJsonNumber("id").longValue() : h.getString("path");
        }).toList();
    }

    @Test
    void aQueuesSignatureUnderRepliesIsNotWhatTheirTicketsAreFoundBy() {
        String queue = Fixtures.queue();
        String signed = "sigword" + Fixtures.unique("s").replaceAll("[^a-z0-9]", "");
        String said = "replyword" + Fixtures.unique("r").replaceAll("[^a-z0-9]", "");
        Api.admin().patch("/api/queues/" + queue, jakarta.json.Json.createObjectBuilder()
                .add("signature", "Regards, " + signed).build()).expect(200);
        long n = Fixtures.ticket(agent, queue, "Cooling alarm in row 4").getJsonNumber("number").longValue();
        agent.post("/api/tickets/" + n + "/replies", "{\"body\":\"The " + said + " was reset.\"}").expect(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids(said).contains("#" + n));
        assertThat(ids(signed)).as("every reply of the queue would match it").doesNotContain("#" + n);
    }

    @Test
    void aNewTicketIsFoundByAWordOfItsBodyWithinASecond() {
        String queue = Fixtures.queue();
        String word = "zork" + Fixtures.unique("w").replaceAll("[^a-z0-9]", "");
        long n = agent.post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                .add("subject", "db01.prod.example.com: ORA-00942 after deploy").add("body", "The " + word
                        + " job fails with connection refused on 10.0.0.7:5432")
                .add("requester", "ann@customer.example").build()).expect(201).json().getJsonNumber("number")
                .longValue();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> ids(word).contains("#" + n));
        assertThat(ids("db01 " + word)).containsExactly("#" + n);
        assertThat(ids("ORA-00942 " + word)).containsExactly("#" + n);
        assertThat(ids("10.0.0.7 " + word)).containsExactly("#" + n);
        assertThat(ids("\"connection refused\" " + word)).containsExactly("#" + n);
        assertThat(ids(word + " -refused")).isEmpty();
        assertThat(ids(word + " queue:" + queue + " status:new")).containsExactly("#" + n);

        JsonObject result = agent.get(q(word)).json();
        JsonObject hit = result.getJsonArray("hits").getJsonObject(0);
        assertThat(hit.getString("snippet")).contains("<mark>" + word + "</mark>");
        assertThat(hit.getString("queue")).isEqualTo(queue);
        assertThat(result.getJsonObject("facets").getJsonObject("type").getInt("ticket")).isEqualTo(1);
        assertThat(agent.get(q("#" + n)).json().getJsonNumber("jumpTo").longValue()).isEqualTo(n);
    }

    @Test
    void aTicketsTagsAreFoundByTagAndCountedWithPagesTags() {
        String tag = "vpn-" + Fixtures.unique("t").replaceAll("[^a-z0-9]", "");
        long n = Fixtures.ticket(agent, Fixtures.queue(), "Tunnel flaps hourly").getJsonNumber("number").longValue();
        agent.patch("/api/tickets/" + n, Json.createObjectBuilder().add("tags", Json.createArrayBuilder()
                .add(tag.toUpperCase()).add("network")).build()).expect(200);
        String path = "runbooks/" + Fixtures.unique("vpn");
        agent.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "---\ntags: [" + tag
                + "]\n---\n# VPN tunnel flaps\nRestart the IKE daemon.\n").build()).expect(201);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> ids("tag:" + tag).containsAll(List.of("#" + n, path)));
        JsonObject result = agent.get(q("tag:" + tag)).expect(200).json();
        assertThat(result.getJsonObject("facets").getJsonObject("tag").getInt(tag)).as("the ticket's and the page's")
                .isEqualTo(2);
        assertThat(ids("tag:" + tag + " type:ticket")).containsExactly("#" + n);

        agent.patch("/api/tickets/" + n, Json.createObjectBuilder().add("tags", Json.createArrayBuilder()).build())
                .expect(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> ids("tag:" + tag).equals(List.of(path)));
    }

    @Test
    void aPageTheIndexCannotTakeAsItIsHoldsUpNothingAfterIt() {
        // a front-matter tag of 33,000 characters failed the page's document and every drain after it: nothing
        // changed afterwards became searchable again
        String path = "kb/" + Fixtures.unique("huge-tag");
        String word = "quux" + Fixtures.unique("w").replaceAll("[^a-z0-9]", "");
        agent.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "---\ntags: [" + "x".repeat(33_000)
                + ", small]\n---\n# Huge tag " + word + "\n").build()).expect(201);
        long n = Fixtures.ticket(agent, Fixtures.queue(), "after the huge tag " + word).getJsonNumber("number")
                .longValue();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> ids(word).contains("#" + n));
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> ids(word).contains(path));
    }

    @Test
    void aTicketByMailIsFoundByItsAlertNameAndRequester() {
        String queue = Fixtures.queue();
        String word = "quux" + Fixtures.unique("m").replaceAll("[^a-z0-9]", "");
        String from = Fixtures.unique("bob") + "@customer.example";
        JsonObject created = Api.admin().mail(queue, Mails.from(from).to(queue + "@support.example")
                .subject("KubePodCrashLooping in prod").text("Pod api-7f9 is " + word + " since 10:00.").bytes())
                .expect(200).json();
        long n = created.getJsonNumber("ticket").longValue();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> ids(word).contains("#" + n));
        assertThat(ids("crashlooping " + word)).containsExactly("#" + n);
        assertThat(ids("requester:" + from + " " + word)).containsExactly("#" + n);
    }

    @Test
    void aHostsNewAliasFindsItsTicketsWithinASecond() {
        String host = Fixtures.unique("db").replaceAll("[^a-z0-9-]", "") + ".prod.example.com";
        String alias = Fixtures.unique("billing").replaceAll("[^a-z0-9-]", "") + ".example.com";
        String queue = Fixtures.queue();
        String source = Fixtures.unique("mon");
        Api.admin().post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue)
                .build()).expect(201);
        // monitoring makes the host known
        Api.admin().post("/api/alerts?source=" + source, Json.createObjectBuilder().add("host", host)
                .add("service", "ping").add("state", "OK").build()).expect(200);
        long n = Fixtures.ticket(agent, queue, "replication lag").getJsonNumber("number").longValue();
        agent.post("/api/tickets/" + n + "/hosts", Json.createObjectBuilder().add("host", host).build()).expect(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids("host:" + host).contains("#" + n));
        assertThat(ids("host:" + alias)).isEmpty();

        agent.patch("/api/hosts/" + host, Json.createObjectBuilder().add("aliases", Json.createArrayBuilder()
                .add(alias)).build()).expect(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> ids("host:" + alias).contains("#" + n));
        assertThat(ids(alias)).containsExactly("#" + n);
    }

    @Test
    void aRenamedPageIsFoundByItsNewTitle() {
        String word = "blorp" + Fixtures.unique("p").replaceAll("[^a-z0-9]", "");
        String path = "runbooks/" + Fixtures.unique("search");
        agent.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "# Old heading\n\n" + word
                + " on host:web07.example.net\n").build()).expect(201);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> ids(word).contains(path));

        String moved = path + "-renamed";
        agent.post("/api/wiki/pages/" + path + "/move", "{\"to\":\"" + moved + "\"}").expect(200);
        agent.put("/api/wiki/pages/" + moved, Json.createObjectBuilder().add("markdown", "# Zebracorn outage "
                + word + "\n\n" + word + " on host:web07.example.net\n").add("baseRevision", 2).build()).expect(200);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> ids("zebracorn " + word).equals(List.of(moved)));
        assertThat(ids(word)).containsExactly(moved);
        assertThat(ids(word + " type:page")).containsExactly(moved);
        assertThat(ids(word + " type:ticket")).isEmpty();
    }

    @Test
    void unparsableQueriesAnswerAsWordsAndBadParametersAre400() {
        for (String bad : List.of("\"unbalanced", "OR OR", "*", ":::", "a:(b", "\\", "-", "((((", "[x TO",
                "created:>notadate", "created:+300000000-01-01", "updated:2026-01-01..", "ж".repeat(60),
                String.join(" OR ", java.util.Collections.nCopies(300, "disk*")))) {
            agent.get(q(bad)).expect(200);
        }
        // a filter whose value its key does not take is searched as words, and the answer says so
        assertThat(agent.get(q("disk created:lastweek")).expect(200).json().getString("notice"))
                .startsWith("Searched as words, not as a filter: created:lastweek: not a date");
        assertThat(agent.get(q("disk created:yesterday")).expect(200).json().isNull("notice")).isTrue();
        assertThat(agent.get(q("disk created:>2026-01-01")).expect(200).json().isNull("notice")).isTrue();
        agent.get(q("x") + "&type=widget").expect(400);
        // the deepest page is 10,000: beyond, the same page came back as any deeper one, for ever
        agent.get(q("x") + "&offset=10000").expect(200);
        assertThat(agent.get(q("x") + "&offset=10001").expect(400).json().getString("error")).isEqualTo("invalid_paging");
        agent.get(q("x") + "&limit=0").expect(400);
        agent.get(q("x") + "&sort=sideways").expect(400);
        Api.anonymous().get(q("x")).expect(401);
    }

    @Test
    void aRebuildDoesNotStopSearching() {
        String word = "rebuild" + Fixtures.unique("r").replaceAll("[^a-z0-9]", "");
        long n = Fixtures.ticket(agent, Fixtures.queue(), "subject " + word).getJsonNumber("number").longValue();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> ids(word).contains("#" + n));

        JsonObject started = Api.admin().post("/api/search/rebuild", "").expect(200).json();
        assertThat(started.getInt("tickets")).isPositive();
        agent.post("/api/search/rebuild", "").expect(403);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            assertThat(ids(word)).containsExactly("#" + n);
            return !agent.get("/api/search/status").json().getBoolean("rebuilding");
        });
        assertThat(ids(word)).containsExactly("#" + n);
        assertThat(agent.get("/api/search/status").json().isNull("rebuildError")).isTrue();
    }

    /**
     * Drill: the index directory is lost while the server runs; OpsDesk notices and rebuilds, searches meanwhile answer
     * with a notice that says so (never an error), and afterwards the index holds what the database holds.
     */
    @Test
    public void aLostIndexDirectoryIsRebuiltFromTheDatabase() throws java.io.IOException {
        String word = "lost" + Fixtures.unique("l").replaceAll("[^a-z0-9]", "");
        long n = Fixtures.ticket(agent, Fixtures.queue(), "subject " + word).getJsonNumber("number").longValue();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> ids(word).contains("#" + n));
        // enough tickets that the rebuild lasts a moment, to be seen while it runs (the whole suite has thousands)
        String fillers = Fixtures.queue();
        for (long have = agent.get("/api/search/status").json().getJsonNumber("databaseTickets").longValue();
                have < MIN_TICKETS_FOR_THE_DRILL; have++) {
            Fixtures.ticket(agent, fillers, "filler " + have);
        }
        Fixtures.awaitSearchIndexed(Duration.ofSeconds(30));
        long tickets = agent.get("/api/search/status").json().getJsonNumber("tickets").longValue();

        java.nio.file.Path index = java.nio.file.Path.of(
                System.getProperty("opsdesk.it.data.dir", "target/opsdesk-data")).resolve("index");
        assertThat(index).isDirectory();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(index)) {
            for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(f);
            }
        }
        List<String> unannounced = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger announced = new java.util.concurrent.atomic.AtomicInteger();
        // searching all along, with no pause between rounds: a rebuild of two thousand tickets lasts a few hundred
        // milliseconds on a fast machine, and each round must have its chance to fall inside it
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
            // every search answers; one whose answer says "being rebuilt" was seen during the rebuild, and one made
            // while the status said "rebuilding" both before and after it must say so
            boolean before = agent.get("/api/search/status").expect(200).json().getBoolean("rebuilding");
            JsonObject r = agent.get("/api/search?q=" + word).expect(200).json();
            // the directory before the status: one back means the server noticed the loss (it makes the directory
            // again as it starts the rebuild), so a status taken after it is the new index's. Taken after the
            // status, a directory made again a moment later made a status of the old index, not rebuilding and with
            // every ticket, look like the end of the rebuild (the drill ended before it began)
            boolean noticed = java.nio.file.Files.isDirectory(index);
            JsonObject s = agent.get("/api/search/status").expect(200).json();
            boolean notice = r.containsKey("notice") && !r.isNull("notice")
                    && r.getString("notice").contains("The search index is being rebuilt");
            if (notice) {
                announced.incrementAndGet();
            } else if (before && s.getBoolean("rebuilding")) {
                unannounced.add(r.toString());
            }
            return noticed && !s.getBoolean("rebuilding") && s.getJsonNumber("tickets").longValue() >= tickets;
        });
        assertThat(unannounced).as("searches during the rebuild without its notice").isEmpty();
        assertThat(announced.get()).as("searches seen during the rebuild (%d tickets)", tickets).isPositive();
        assertThat(ids(word)).containsExactly("#" + n);
        JsonObject status = agent.get("/api/search/status").json();
        assertThat(status.getJsonNumber("tickets").longValue()).isEqualTo(tickets)
                .as("every ticket of the database, and only those").isEqualTo(
                        status.getJsonNumber("databaseTickets").longValue());
        assertThat(status.getJsonNumber("pages").longValue()).isEqualTo(
                status.getJsonNumber("databasePages").longValue());
    }

    @Test
    void suggestionsOfferTitlesAsYouType() {
        String word = "Suggestoid" + Fixtures.unique("s").replaceAll("[^a-z0-9]", "");
        String path = "kb/" + Fixtures.unique("suggest");
        agent.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "# " + word + " guide\n")
                .build()).expect(201);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> agent
                .get("/api/search/suggest?q=" + word.substring(0, word.length() - 2).toLowerCase()).expect(200).body()
                .contains(word));
    }
}
