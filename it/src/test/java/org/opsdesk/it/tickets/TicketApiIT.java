package org.opsdesk.it.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsdesk.it.tickets.TicketLifecycleIT.number;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import org.opsdesk.it.support.Mails;

/** Ticket lists, messages, attachments, links, merges and the API's error answers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TicketApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api admin = Api.admin();

    @Test
    void aNulCharacterIsRefusedWithA400NotStoredOrA500() {
        // PostgreSQL stores no NUL in text: these were 500s there (H2 took them)
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(admin, queue, "nul check"));
        JsonObject refused = admin.post("/api/tickets/" + n + "/comments", "{\"body\":\"a\\u0000b\"}").expect(400).json();
        assertThat(refused.getString("error")).isEqualTo("invalid_text");
        assertThat(refused.getString("message")).contains("NUL");
        admin.post("/api/tickets", "{\"queue\":\"" + queue + "\",\"subject\":\"x\\u0000\",\"requester\":\"a@b.example\"}")
                .expect(400);
        admin.get("/api/tickets?q=%00").expect(400);
        admin.get("/api/tickets?queue=" + queue + "%00").expect(400);
        // an escaped backslash before "u0000" is text, not a NUL
        admin.post("/api/tickets/" + n + "/comments", "{\"body\":\"C:\\\\u0000 is a path\"}").expect(201);
        assertThat(admin.get("/api/tickets/" + n).expect(200).body()).contains("C:\\\\u0000 is a path");
        // the agent UI's pages too
        assertThat(org.opsdesk.it.support.UiClient.loggedIn(Fixtures.agent(false), Fixtures.PASSWORD)
                .get("/search.xhtml?q=%00").statusCode()).isEqualTo(400);
    }

    @Test
    void aChangeToWhatTheTicketHasAlreadyChangesNothing() {
        // the ticket's queue is a lazy proxy when the ticket is read anew: compared by its unset id field, the same
        // queue counted as another, and every save of the details recorded "support → support" and bumped the ticket
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(Api.admin(), queue, "unchanged"));
        String updated = Api.admin().get("/api/tickets/" + n).expect(200).json().getString("updatedAt");
        Api.admin().patch("/api/tickets/" + n, Json.createObjectBuilder().add("queue", queue).add("priority", "normal")
                .build()).expect(200);
        assertThat(Api.admin().get("/api/tickets/" + n + "/history").expect(200).array().stream()
                .map(h -> h.asJsonObject().getString("kind"))).contains("created").doesNotContain("queue", "priority");
        assertThat(Api.admin().get("/api/tickets/" + n).expect(200).json().getString("updatedAt")).isEqualTo(updated);
    }

    @Test
    void agentsChangeRequestersAndCcAndTheTaggedMailOfWhoeverIsTakenOffNoLongerJoins() {
        String queue = Fixtures.queue();
        String carol = Fixtures.unique("carol") + "@customer.example";
        String dave = Fixtures.unique("dave") + "@customer.example";
        String erin = Fixtures.unique("erin") + "@customer.example";
        long n = number(admin.post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                .add("subject", "Invoice question").add("body", "hello").add("requester", carol)
                .add("cc", Json.createArrayBuilder().add(dave)).build()).expect(201).json());

        JsonObject changed = admin.patch("/api/tickets/" + n, Json.createObjectBuilder()
                .add("requesters", Json.createArrayBuilder().add(erin).add(carol.toUpperCase()))
                .add("cc", Json.createArrayBuilder().add(carol)).build()).expect(200).json();
        assertThat(changed.getJsonArray("requesters").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactlyInAnyOrder(carol, erin);
        assertThat(changed.getJsonArray("cc")).isEmpty(); // a requester gets every reply: not a Cc too
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array().stream().map(JsonValue::asJsonObject)
                .map(h -> h.getString("kind") + " " + (h.isNull("oldValue") ? "" : h.getString("oldValue")) + ">"
                        + (h.isNull("newValue") ? "" : h.getString("newValue"))))
                .contains("requester_added >" + erin, "cc_removed " + dave + ">");

        // taken off, dave's mail with the ticket's tag opens a ticket of its own; erin's, added, joins
        String tag = "Re: [OpsDesk #" + n + "] Invoice question";
        JsonObject fromDave = admin.mail(queue, Mails.from(dave).to(queue + "@support.example").subject(tag)
                .text("still here?").bytes()).expect(200).json();
        assertThat(fromDave.getString("disposition")).isEqualTo("created");
        JsonObject fromErin = admin.mail(queue, Mails.from(erin).to(queue + "@support.example").subject(tag)
                .text("I take over from Carol").bytes()).expect(200).json();
        assertThat(fromErin.getString("disposition")).isEqualTo("appended");
        assertThat(fromErin.getJsonNumber("ticket").longValue()).isEqualTo(n);

        admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("requesters", Json.createArrayBuilder().add(erin))
                .build()).expect(200);
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array().stream().map(JsonValue::asJsonObject)
                .filter(h -> h.getString("kind").equals("requester_removed")).map(h -> h.getString("oldValue")))
                .containsExactly(carol);
        JsonObject none = admin.patch("/api/tickets/" + n, Json.createObjectBuilder()
                .add("requesters", Json.createArrayBuilder()).build()).expect(400).json();
        assertThat(none.getString("error")).isEqualTo("requester_required");
        assertThat(admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("cc", erin).build()).expect(400)
                .json().getString("error")).isEqualTo("invalid_cc");
        assertThat(admin.patch("/api/tickets/" + n, Json.createObjectBuilder()
                .add("cc", Json.createArrayBuilder().add("not an address")).build()).expect(400).json()
                .getString("error")).isEqualTo("invalid_email");
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("requesters")).hasSize(1);

        // a Cc made requester leaves the Cc list; a queue's own address is no one to write to
        admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("cc", Json.createArrayBuilder().add(dave))
                .build()).expect(200);
        JsonObject promoted = admin.patch("/api/tickets/" + n, Json.createObjectBuilder()
                .add("requesters", Json.createArrayBuilder().add(erin).add(dave)).build()).expect(200).json();
        assertThat(promoted.getJsonArray("cc")).isEmpty();
        assertThat(admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("cc", Json.createArrayBuilder()
                .add(queue + "@support.example")).build()).expect(400).json().getString("error")).isEqualTo("own_address");
    }

    @Test
    void listsSortByRequester() {
        String queue = Fixtures.queue();
        Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        java.util.function.Function<String, Long> ticketOf = requester -> number(agent.post("/api/tickets",
                Json.createObjectBuilder().add("queue", queue).add("subject", "from " + requester)
                        .add("requester", requester).build()).expect(201).json());
        long zed = ticketOf.apply("zed@customer.example");
        long adam = ticketOf.apply("Adam@Customer.Example");
        long mia = ticketOf.apply("mia@customer.example");

        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&sort=requester"))).containsExactly(adam, mia,
                zed);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&sort=-requester"))).containsExactly(zed, mia,
                adam);

        // statuses in the order of a ticket's life, not by name (closed came before new, pending after open)
        agent.post("/api/tickets/" + zed + "/status", "{\"status\":\"resolved\"}").expect(200);
        agent.post("/api/tickets/" + mia + "/status", "{\"status\":\"open\"}").expect(200);
        agent.post("/api/tickets/" + mia + "/status", "{\"status\":\"pending\"}").expect(200);
        String all = "/api/tickets?queue=" + queue + "&status=new,pending,resolved&sort=";
        assertThat(numbers(agent.get(all + "status"))).containsExactly(adam, mia, zed);
        assertThat(numbers(agent.get(all + "-status"))).containsExactly(zed, mia, adam);
    }

    @Test
    void listsFilterSortAndPage() {
        String queue = Fixtures.queue();
        String login = Fixtures.agent(false);
        Api agent = Api.basic(login, Fixtures.PASSWORD);
        long a = number(Fixtures.ticket(agent, queue, "alpha backup failed"));
        long b = number(Fixtures.ticket(agent, queue, "bravo disk full"));
        long c = number(agent.post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                .add("subject", "charlie cert expired").add("requester", "Zed@Customer.Example").add("priority", "urgent")
                .build()).expect(201).json());
        agent.post("/api/tickets/" + b + "/owner", "{\"action\":\"take\"}").expect(200);
        agent.post("/api/tickets/" + c + "/status", "{\"status\":\"resolved\"}").expect(200);

        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&sort=number"))).containsExactly(a, b, c);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue))).containsExactly(c, b, a);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&sort=-priority"))).first().isEqualTo(c);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&status=resolved"))).containsExactly(c);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&status=new,open&sort=number")))
                .containsExactly(a, b);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&status=active&sort=number")))
                .containsExactly(a, b);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&owner=" + login))).containsExactly(b);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&owner=me"))).containsExactly(b);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&unowned=true&sort=number")))
                .containsExactly(a, c);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&requester=zed@customer.example")))
                .containsExactly(c);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&q=DISK"))).containsExactly(b);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&priority=urgent,high"))).containsExactly(c);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&priority=normal&sort=number")))
                .containsExactly(a, b);
        agent.get("/api/tickets?priority=asap").expect(400);

        JsonObject page = agent.get("/api/tickets?queue=" + queue + "&sort=number&limit=2&offset=1").expect(200).json();
        assertThat(page.getInt("total")).isEqualTo(3);
        assertThat(page.getInt("offset")).isEqualTo(1);
        assertThat(numbers(page)).containsExactly(b, c);

        assertThat(agent.get("/api/tickets?sort=colour").expect(400).json().getString("message")).contains("priority");
        agent.get("/api/tickets?limit=100000").expect(400);

        // by priority, also after a change of priority; by owner, unowned tickets included
        long d = number(agent.post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                .add("subject", "delta typo on the status page").add("priority", "low").build()).expect(201).json());
        agent.patch("/api/tickets/" + a, Json.createObjectBuilder().add("priority", "high").build()).expect(200);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&sort=-priority"))).containsExactly(c, a, b, d);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&sort=priority"))).containsExactly(d, b, a, c);
        String other = Fixtures.agent(false);
        agent.post("/api/tickets/" + d + "/owner", "{\"action\":\"assign\",\"agent\":\"" + other + "\"}")
                .expect(200);
        boolean loginFirst = login.compareTo(other) < 0;
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&sort=owner"))).as("by owner, unowned last")
                .containsExactly(loginFirst ? b : d, loginFirst ? d : b, a, c);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&sort=-owner")))
                .containsExactly(loginFirst ? d : b, loginFirst ? b : d, c, a);
        assertThat(numbers(agent.get("/api/tickets?queue=" + queue + "&unowned=true&sort=-updated")))
                .containsExactly(a, c);
        agent.get("/api/tickets?status=sleeping").expect(400);
    }

    @Test
    void repliesCommentsAndSanitisedHtml() {
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(admin, queue, "HTML reply"));
        JsonObject t = admin.post("/api/tickets/" + n + "/replies", Json.createObjectBuilder()
                .add("html", "<p onclick=\"alert(1)\">Fixed <b>now</b><script>alert(2)</script></p>")
                .add("status", "resolved").build()).expect(201).json();
        assertThat(t.getString("status")).isEqualTo("resolved");
        JsonObject reply = t.getJsonArray("messages").getJsonObject(1);
        assertThat(reply.getString("kind")).isEqualTo("reply");
        assertThat(reply.getString("html")).contains("<b>now</b>").doesNotContain("script", "onclick");
        assertThat(reply.getString("text")).contains("Fixed now");

        JsonObject c = admin.post("/api/tickets/" + n + "/comments", "{\"body\":\"internal only\"}").expect(201).json();
        assertThat(c.getJsonArray("messages").getJsonObject(2).getString("kind")).isEqualTo("comment");
        assertThat(c.getString("status")).isEqualTo("resolved");
        admin.post("/api/tickets/" + n + "/comments", "{}").expect(400);
    }

    @Test
    void attachmentsAreStoredOnceAndDownloadedSafely() {
        String queue = Fixtures.queue();
        byte[] content = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(content);
        JsonObject att = Json.createObjectBuilder().add("filename", "../../etc/Report \"Q3\".html")
                .add("contentType", "text/html").add("contentBase64", b64).build();
        JsonObject t = admin.post("/api/tickets", Json.createObjectBuilder().add("queue", queue).add("subject", "files")
                .add("body", "see attached").add("requester", Fixtures.unique("c") + "@customer.example")
                .add("attachments", Json.createArrayBuilder().add(att)).build()).expect(201).json();
        long n = number(t);
        JsonObject a = t.getJsonArray("messages").getJsonObject(0).getJsonArray("attachments").getJsonObject(0);
        assertThat(a.getString("filename")).isEqualTo("Report Q3.html");
        JsonObject again = admin.post("/api/tickets/" + n + "/comments", Json.createObjectBuilder().add("body", "same file")
                .add("attachments", Json.createArrayBuilder().add(att)).build()).expect(201).json();
        JsonObject a2 = again.getJsonArray("messages").getJsonObject(1).getJsonArray("attachments").getJsonObject(0);
        assertThat(a2.getString("sha256")).isEqualTo(a.getString("sha256"));

        Api.Reply download = admin.get("/api/tickets/" + n + "/attachments/" + a.getInt("id")).expect(200);
        assertThat(download.bytes()).isEqualTo(content);
        assertThat(download.header("Content-Disposition")).startsWith("attachment;").contains("Report Q3.html");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");

        long other = number(Fixtures.ticket(admin, queue, "another"));
        admin.get("/api/tickets/" + other + "/attachments/" + a.getInt("id")).expect(404);

        // the test server limits attachments to 1 MB (opsdesk.max.attachment.mb)
        byte[] big = new byte[1024 * 1024 + 1];
        Api.Reply tooBig = admin.post("/api/tickets/" + n + "/comments", Json.createObjectBuilder().add("body", "big")
                .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder().add("filename", "big.bin")
                        .add("contentBase64", Base64.getEncoder().encodeToString(big)))).build());
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().getString("message")).contains("limit");
    }

    @Test
    void linksShowOnBothTicketsAndCanBeRemoved() {
        String queue = Fixtures.queue();
        long a = number(Fixtures.ticket(admin, queue, "app down"));
        long b = number(Fixtures.ticket(admin, queue, "db down"));
        JsonObject linked = admin.post("/api/tickets/" + a + "/links",
                "{\"type\":\"depends-on\",\"target\":" + b + "}").expect(201).json();
        assertThat(links(linked)).containsExactly("depends-on #" + b);
        assertThat(links(admin.get("/api/tickets/" + b).expect(200).json())).containsExactly("depended-on-by #" + a);
        admin.post("/api/tickets/" + a + "/links", "{\"type\":\"depends-on\",\"target\":" + b + "}").expect(409);
        admin.post("/api/tickets/" + a + "/links", "{\"type\":\"likes\",\"target\":" + b + "}").expect(400);
        admin.post("/api/tickets/" + a + "/links", "{\"type\":\"refers-to\",\"target\":99999999}").expect(400);
        JsonObject unlinked = admin.delete("/api/tickets/" + a + "/links?type=depends-on&target=" + b).expect(200).json();
        assertThat(links(unlinked)).isEmpty();
        assertThat(admin.get("/api/tickets/" + b + "/history").expect(200).array().stream().map(JsonValue::asJsonObject)
                .map(h -> h.getString("kind")).toList()).contains("link_added", "link_removed");
    }

    @Test
    void theSameLinkRequestedManyTimesAtOnceIsMadeOnceAndTheOthersAre409() throws Exception {
        // the losers hit the link's unique key inside the flush: they were 500s
        String queue = Fixtures.queue();
        long a = number(Fixtures.ticket(admin, queue, "twice-clicked link"));
        long b = number(Fixtures.ticket(admin, queue, "its target"));
        List<Integer> statuses = Fixtures.atOnce(8, () -> admin.post("/api/tickets/" + a + "/links",
                "{\"type\":\"refers-to\",\"target\":" + b + "}").status());
        assertThat(statuses).isSubsetOf(201, 409).containsOnlyOnce(201);
        assertThat(links(admin.get("/api/tickets/" + a).expect(200).json())).containsExactly("refers-to #" + b);
    }

    @Test
    void messagesWithoutAVersionAddedAtOnceAreAllAddedNotRefused() throws Exception {
        // eight agents answering one ticket at once got 409 concurrent_update six times, though a message without a
        // version overwrites nothing; and tickets carrying the same new file lost the race over its bytes
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(admin, queue, "busy ticket"));
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = Fixtures.atOnce(8, () -> {
            int i = turn.getAndIncrement();
            return admin.post("/api/tickets/" + n + (i % 2 == 0 ? "/replies" : "/comments"),
                    Json.createObjectBuilder().add("body", "answer " + i).build()).status();
        });
        assertThat(statuses).containsOnly(201);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages")).hasSize(9);

        String logo = Base64.getEncoder().encodeToString(Fixtures.unique("logo").getBytes(StandardCharsets.UTF_8));
        List<Integer> created = Fixtures.atOnce(6, () -> admin.post("/api/tickets", Json.createObjectBuilder()
                .add("queue", queue).add("subject", "with the logo").add("body", "see the logo")
                .add("requester", Fixtures.unique("c") + "@customer.example")
                .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder().add("filename", "logo.gif")
                        .add("contentType", "image/gif").add("contentBase64", logo))).build()).status());
        assertThat(created).containsOnly(201);
    }

    @Test
    void aForwardWithoutAMessageNeverSendsTheRecordOfAnEarlierForward() {
        // a ticket an agent typed in has no requester's mail: the fallback, the latest message, was the internal
        // record of the last forward (its note and recipients) once there was one
        long n = number(admin.post("/api/tickets", Json.createObjectBuilder().add("queue", Fixtures.queue())
                .add("subject", "raid rebuild").add("body", "controller log attached").build()).expect(201).json());
        long first = admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages").getJsonObject(0)
                .getJsonNumber("id").longValue();
        for (String vendor : List.of("a@vendor-one.example", "b@vendor-two.example")) {
            admin.post("/api/tickets/" + n + "/forward", Json.createObjectBuilder()
                    .add("to", Json.createArrayBuilder().add(vendor)).add("note", "for " + vendor).build()).expect(200);
        }
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(h -> h.getString("kind").equals("forwarded"))
                .map(h -> h.getString("note"))).containsExactly("message " + first, "message " + first);
    }

    @Test
    void linksRequestedAtOnceInOppositeDirectionsMakeOneLinkNeverACycle() throws Exception {
        // each request checked both tickets' links but wrote only its own: A depends-on B and B depends-on A both
        // went through, and parent-of with child-of stored one relation twice
        String queue = Fixtures.queue();
        for (String[] types : List.of(new String[] {"depends-on", "depends-on"}, new String[] {"parent-of", "child-of"})) {
            for (int round = 0; round < 4; round++) {
                long a = number(Fixtures.ticket(admin, queue, "one side"));
                long b = number(Fixtures.ticket(admin, queue, "other side"));
                java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
                List<Integer> statuses = Fixtures.atOnce(2, () -> turn.getAndIncrement() == 0
                        ? admin.post("/api/tickets/" + a + "/links", "{\"type\":\"" + types[0] + "\",\"target\":" + b
                                + "}").status()
                        : admin.post("/api/tickets/" + b + "/links", "{\"type\":\"" + types[1] + "\",\"target\":" + a
                                + "}").status());
                assertThat(statuses).as(types[0] + " round " + round).containsExactlyInAnyOrder(201, 409);
                assertThat(links(admin.get("/api/tickets/" + a).expect(200).json())).hasSize(1);
                assertThat(links(admin.get("/api/tickets/" + b).expect(200).json())).hasSize(1);
            }
        }
    }

    @Test
    void mergeMovesMessagesAndTheOldNumberResolvesToTheTarget() {
        String queue = Fixtures.queue();
        JsonObject source = Fixtures.ticket(admin, queue, "VPN broken (second report)");
        JsonObject target = Fixtures.ticket(admin, queue, "VPN broken");
        long s = number(source);
        long t = number(target);
        JsonObject merged = admin.post("/api/tickets/" + s + "/merge", "{\"into\":" + t + "}").expect(200).json();
        assertThat(merged.getJsonNumber("number").longValue()).isEqualTo(t);
        assertThat(merged.getJsonArray("messages")).hasSize(2);
        assertThat(merged.getJsonArray("requesters").getValuesAs(jakarta.json.JsonString::getString))
                .contains(source.getJsonArray("requesters").getString(0), target.getJsonArray("requesters").getString(0));
        assertThat(merged.getJsonArray("mergedNumbers").getJsonNumber(0).longValue()).isEqualTo(s);

        JsonObject viaOld = admin.get("/api/tickets/" + s).expect(200).json();
        assertThat(viaOld.getJsonNumber("number").longValue()).isEqualTo(t);
        admin.post("/api/tickets/" + s + "/comments", "{\"body\":\"lands on the target\"}").expect(201);
        assertThat(admin.get("/api/tickets/" + t).expect(200).json().getJsonArray("messages")).hasSize(3);
        assertThat(numbers(admin.get("/api/tickets?queue=" + queue))).containsExactly(t);
        admin.post("/api/tickets/" + t + "/merge", "{\"into\":" + s + "}").expect(400);

        // a change with a version, sent to the merged number: the version was that ticket's, whatever it equals now
        long targetVersion = admin.get("/api/tickets/" + t).expect(200).json().getJsonNumber("version").longValue();
        assertThat(admin.patch("/api/tickets/" + s, Json.createObjectBuilder().add("priority", "high")
                .add("version", targetVersion).build()).expect(409).json().getString("error")).isEqualTo("ticket_merged");
        admin.patch("/api/tickets/" + t, Json.createObjectBuilder().add("priority", "high").add("version", targetVersion)
                .build()).expect(200);
    }

    @Test
    void aReplyThatChangesTheStatusFromAStalePageIsRefusedAndOneWithoutAStatusIsNot() {
        String queue = Fixtures.queue();
        JsonObject t = Fixtures.ticket(admin, queue, "reply with a status");
        long n = number(t);
        int seen = t.getInt("version");
        admin.post("/api/tickets/" + n + "/status", "{\"status\":\"open\"}").expect(200);
        admin.post("/api/tickets/" + n + "/status", "{\"status\":\"pending\"}").expect(200); // another agent's
        JsonObject stale = admin.post("/api/tickets/" + n + "/replies",
                "{\"body\":\"done, closing\",\"status\":\"resolved\",\"version\":" + seen + "}").expect(409).json();
        assertThat(stale.getString("error")).isEqualTo("stale_ticket");
        assertThat(admin.send("POST", "/api/tickets/" + n + "/comments", "{\"body\":\"x\",\"status\":\"resolved\"}",
                "application/json", "If-Match", "\"" + seen + "\"").status()).isEqualTo(409);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("status")).isEqualTo("pending");
        // a message alone overwrites nothing: the version is not checked
        admin.post("/api/tickets/" + n + "/comments", "{\"body\":\"noted\",\"version\":" + seen + "}").expect(201);
    }

    @Test
    void aMergeMovesLinksAndANumberMergedAlreadyIsNotMergedAgain() {
        String queue = Fixtures.queue();
        long a = number(Fixtures.ticket(admin, queue, "printer jam"));
        long b = number(Fixtures.ticket(admin, queue, "printer jam again"));
        long c = number(Fixtures.ticket(admin, queue, "printer driver"));
        long x = number(Fixtures.ticket(admin, queue, "office move"));
        long other = number(Fixtures.ticket(admin, queue, "unrelated"));
        admin.post("/api/tickets/" + a + "/links", "{\"type\":\"refers-to\",\"target\":" + c + "}").expect(201);
        admin.post("/api/tickets/" + x + "/links", "{\"type\":\"depends-on\",\"target\":" + a + "}").expect(201);
        admin.post("/api/tickets/" + b + "/links", "{\"type\":\"depends-on\",\"target\":" + a + "}").expect(201);

        JsonObject merged = admin.post("/api/tickets/" + a + "/merge", "{\"into\":" + b + "}").expect(200).json();
        assertThat(links(merged)).containsExactly("refers-to #" + c, "depended-on-by #" + x);
        assertThat(links(admin.get("/api/tickets/" + x).expect(200).json())).containsExactly("depends-on #" + b);
        assertThat(admin.get("/api/tickets/" + x + "/history").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(h -> h.get("newValue") instanceof jakarta.json.JsonString)
                .map(h -> h.getString("newValue"))).contains("depends-on #" + b);

        assertThat(admin.get("/api/tickets/" + c + "/history").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(h -> h.get("newValue") instanceof jakarta.json.JsonString)
                .map(h -> h.getString("newValue"))).as("the far end of a moved link records it too")
                .contains("referred-to-by #" + b);
        // merging into a merged number merges into where it went, links and all (written to a lazy stand-in of
        // that ticket, they were lost and the merged ticket's links deleted)
        long d = number(Fixtures.ticket(admin, queue, "printer toner"));
        long e = number(Fixtures.ticket(admin, queue, "printer paper"));
        admin.post("/api/tickets/" + d + "/links", "{\"type\":\"refers-to\",\"target\":" + e + "}").expect(201);
        JsonObject intoMerged = admin.post("/api/tickets/" + d + "/merge", "{\"into\":" + a + "}").expect(200).json();
        assertThat(intoMerged.getJsonNumber("number").longValue()).isEqualTo(b);
        assertThat(links(intoMerged)).contains("refers-to #" + e);

        // a page loaded before the merge merges #a again: it stands for #b now, which must not go into #other
        JsonObject again = admin.post("/api/tickets/" + a + "/merge", "{\"into\":" + other + "}").expect(409).json();
        assertThat(again.getString("error")).isEqualTo("already_merged");
        assertThat(admin.get("/api/tickets/" + b).expect(200).json().getJsonNumber("number").longValue()).isEqualTo(b);
        // a link named by the merged number is the link to where it went
        admin.delete("/api/tickets/" + x + "/links?type=depends-on&target=" + a).expect(200);
        assertThat(links(admin.get("/api/tickets/" + x).expect(200).json())).isEmpty();
    }

    @Test
    void badRequestsGetClearErrors() {
        Api.Reply malformed = admin.post("/api/tickets", "{\"queue\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().getString("error")).isNotBlank();
        assertThat(admin.post("/api/tickets", "{\"queue\":\"no-such-queue\",\"subject\":\"x\"}").expect(400).json()
                .getString("message")).contains("no-such-queue");
        String queue = Fixtures.queue();
        assertThat(admin.post("/api/tickets", "{\"queue\":\"" + queue + "\",\"subject\":\"x\",\"priority\":\"asap\"}")
                .expect(400).json().getString("message")).contains("urgent");
        assertThat(admin.post("/api/tickets", "{\"queue\":\"" + queue + "\",\"subject\":\"x\",\"requester\":\"not-mail\"}")
                .expect(400).json().getString("error")).isEqualTo("invalid_email");
        assertThat(admin.post("/api/tickets", "{\"queue\":\"" + queue + "\"}").expect(400).json()
                .getString("error")).isEqualTo("subject_required");
        assertThat(admin.get("/api/tickets/987654321").expect(404).json().getString("error")).isEqualTo("ticket_not_found");
        admin.get("/api/tickets/abc").expect(404);
        admin.get("/api/nothing-here").expect(404);
        admin.send("PUT", "/api/tickets/1", "{}", "application/json").expect(405);
        admin.send("POST", "/api/tickets", "subject=x", "application/x-www-form-urlencoded").expect(415);
        admin.patch("/api/tickets/987654321", Json.createObjectBuilder().add("priority", "low").build()).expect(404);
        long n = number(Fixtures.ticket(admin, queue, "due dates"));
        assertThat(admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("due", "tomorrow").build())
                .expect(400).json().getString("error")).isEqualTo("invalid_due");
        JsonObject due = admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("due", "2026-12-01T17:00:00Z")
                .build()).expect(200).json();
        assertThat(due.getString("due")).startsWith("2026-12-01T17:00");
        assertThat(admin.patch("/api/tickets/" + n, Json.createObjectBuilder().addNull("due").build()).expect(200)
                .json().isNull("due")).isTrue();
        // a ticket number or version is a whole number: 12.9 was ticket 12, 2^64+1 was ticket 1
        long other = number(Fixtures.ticket(admin, queue, "merge target"));
        assertThat(admin.post("/api/tickets/" + n + "/merge", "{\"into\":" + other + ".9}").expect(400).json()
                .getString("message")).contains("whole number");
        admin.post("/api/tickets/" + n + "/links", "{\"type\":\"refers-to\",\"target\":18446744073709551617}")
                .expect(400);
        admin.post("/api/tickets/" + n + "/status", "{\"status\":\"open\",\"version\":\"3\"}").expect(400);
        admin.post("/api/tickets/" + n + "/status", "{\"status\":\"open\",\"version\":null}").expect(200);
        admin.post("/api/tickets/" + n + "/links", "{\"type\":\"refers-to\",\"target\":1e400}").expect(400);
        // refused before it is expanded: 1e20000000 written out took seconds of CPU per request
        long before = System.nanoTime();
        admin.post("/api/tickets/" + n + "/merge", "{\"into\":1e20000000}").expect(400);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - before)).isLessThan(java.time.Duration.ofSeconds(5));
        admin.post("/api/tickets/" + n + "/links", "{\"type\":\"refers-to\",\"target\":" + other + "e0}")
                .expect(201);
        admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("priority", "low")
                .add("version", new java.math.BigInteger("18446744073709551617")).build()).expect(400);
        // Integer fields too: a port of 2^32+143 was 143, a base revision of 3.9 was 3
        admin.post("/api/mail/mailboxes", "{\"name\":\"" + Fixtures.unique("mb") + "\",\"protocol\":\"IMAP\","
                + "\"host\":\"127.0.0.1\",\"port\":4294967439,\"username\":\"u\",\"password\":\"p\",\"queue\":\""
                + queue + "\"}").expect(400);
        String page = "kb/" + Fixtures.unique("rev");
        admin.put("/api/wiki/pages/" + page, Json.createObjectBuilder().add("markdown", "# One\n").build()).expect(201);
        admin.send("PUT", "/api/wiki/pages/" + page, "{\"markdown\":\"# Two\\n\",\"baseRevision\":1.9}",
                "application/json").expect(400);
        // a NUL in a form body (Nagios's intake) is refused like one in JSON
        assertThat(admin.send("POST", "/api/alerts/nagios?source=nagios", "NOTIFICATIONTYPE=PROBLEM&HOSTNAME=web%00x"
                + "&HOSTSTATE=DOWN", "application/x-www-form-urlencoded").expect(400).json().getString("error"))
                .isEqualTo("invalid_text");
        assertThat(admin.get("/api/alerts/sources?x=%00").expect(400).json().getString("error")).isEqualTo("invalid_text");
    }

    @Test
    void requestsThatUsedToFailInsideOrDoNothingGetClearErrors() {
        String queue = Fixtures.queue();
        long n = number(Fixtures.ticket(admin, queue, "bad input"));
        // a version of the wrong type: was a 500 (ClassCastException)
        assertThat(admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("version", "3").build())
                .expect(400).json().getString("error")).isEqualTo("invalid_version");
        admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("version", 2.5).build()).expect(400);
        // a field a PATCH does not change: was 200 with nothing changed
        JsonObject unknown = admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("status", "resolved")
                .build()).expect(400).json();
        assertThat(unknown.getString("error")).isEqualTo("unknown_field");
        assertThat(unknown.getString("message")).contains("POST /api/tickets/{number}/status");
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("status")).isEqualTo("new");
        // a null attachment: was a 500 (NullPointerException)
        assertThat(admin.post("/api/tickets", "{\"queue\":\"" + queue + "\",\"subject\":\"x\",\"attachments\":[null]}")
                .expect(400).json().getString("message")).contains("attachments[0]");
        // text that is not Base64: was stored as an empty file
        assertThat(admin.post("/api/tickets/" + n + "/comments", "{\"body\":\"x\",\"attachments\":[{\"filename\":"
                + "\"a.txt\",\"contentBase64\":\"%%%%\"}]}").expect(400).json().getString("error"))
                .isEqualTo("attachment_not_base64");
        admin.post("/api/tickets/" + n + "/comments", "{\"body\":\"x\",\"attachments\":[{\"filename\":\"a.txt\","
                + "\"contentBase64\":\"aGVs\\nbG8=\"}]}").expect(201); // line breaks, as MIME encoders write them
        admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("due", "+300000-01-01T00:00:00Z").build())
                .expect(400);
        // paging out of range is refused, not quietly changed
        admin.get("/api/mail/quarantine?limit=9999").expect(400);
        admin.get("/api/mail/outbox?offset=-3").expect(400);
        // a query parameter of the wrong type: was 404 "No such API resource"
        JsonObject limit = admin.get("/api/tickets?limit=ten").expect(400).json();
        assertThat(limit.getString("error")).isEqualTo("invalid_parameter");
        assertThat(limit.getString("message")).contains("'limit'").contains("'ten'");
        admin.get("/api/tickets?unowned=yes").expect(400); // was read as false
        admin.get("/api/tickets?unowned=TRUE").expect(200);
        assertThat(admin.get("/api/tickets/abc").expect(404).json().getString("message")).contains("'abc'");
        // the wrong body type names what is taken
        assertThat(admin.send("POST", "/api/mail/inbound?queue=" + queue, "{}", "application/json").expect(415)
                .json().getString("message")).contains("message/rfc822");
    }

    @Test
    void aTicketWithMoreAddressesInCopyThanFitTheOldColumnCanStillBeAnswered() {
        // the joined recipients of an outbound mail were limited to 4,000 characters: every reply failed (500)
        String queue = Fixtures.queue();
        jakarta.json.JsonArrayBuilder cc = Json.createArrayBuilder();
        for (int i = 0; i < 150; i++) {
            cc.add("copy-" + i + "-" + Fixtures.unique("cc") + "@customer.example");
        }
        long n = number(admin.post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                .add("subject", "many in copy").add("body", "hello").add("requester", Fixtures.unique("r")
                        + "@customer.example").add("cc", cc).build()).expect(201).json());
        admin.post("/api/tickets/" + n + "/replies", "{\"body\":\"an answer to all of you\"}").expect(201);
        JsonObject mail = admin.get("/api/mail/outbox?ticket=" + n).expect(200).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(m -> m.getString("kind").equalsIgnoreCase("reply")).findFirst()
                .orElseThrow();
        assertThat(mail.getJsonArray("cc")).hasSize(150);
    }

    @Test
    void anAgentAssignedATicketBySomeoneElseIsToldByMailAndNobodyIsToldOfTheirOwnTake() {
        String queue = Fixtures.queue();
        String lead = Fixtures.agent(false);
        String oncall = Fixtures.agent(false);
        Api leadApi = Api.basic(lead, Fixtures.PASSWORD);
        long n = number(Fixtures.ticket(admin, queue, "Backups of db01 failed"));
        leadApi.post("/api/tickets/" + n + "/owner", "{\"action\":\"take\"}").expect(200);
        assertThat(notifications(n)).as("a take is no news to the taker").isEmpty();

        leadApi.post("/api/tickets/" + n + "/owner", "{\"action\":\"assign\",\"agent\":\"" + oncall + "\"}")
                .expect(200);
        assertThat(notifications(n)).singleElement().satisfies(m -> {
            assertThat(m.getJsonArray("to").getString(0)).isEqualTo(oncall + "@ops.example");
            assertThat(m.getString("subject")).contains("#" + n).contains("Backups of db01 failed");
        });
        leadApi.post("/api/tickets/" + n + "/owner", "{\"action\":\"assign\",\"agent\":\"" + lead + "\"}")
                .expect(200);
        assertThat(notifications(n)).as("assigning oneself tells nobody").hasSize(1);
    }

    @Test
    void watchersAreToldOfEachNewMessageButNotOfTheirOwnAndListTheTicketsTheyWatch() {
        String queue = Fixtures.queue();
        String lead = Fixtures.agent(false);
        String oncall = Fixtures.agent(false);
        Api leadApi = Api.basic(lead, Fixtures.PASSWORD);
        Api oncallApi = Api.basic(oncall, Fixtures.PASSWORD);
        long n = number(Fixtures.ticket(admin, queue, "Replication lag on db02"));
        long other = number(Fixtures.ticket(admin, queue, "not watched"));
        long version = admin.get("/api/tickets/" + n).expect(200).json().getJsonNumber("version").longValue();

        JsonObject t = leadApi.post("/api/tickets/" + n + "/watchers", "").expect(200).json();
        assertThat(t.getJsonArray("watchers").getValuesAs(JsonString::getString)).containsExactly(lead);
        leadApi.post("/api/tickets/" + n + "/watchers", "{\"agent\":\"" + oncall + "\"}").expect(200);
        t = leadApi.post("/api/tickets/" + n + "/watchers", "{\"agent\":\"me\"}").expect(200).json();
        assertThat(t.getJsonArray("watchers").getValuesAs(JsonString::getString)).as("once each")
                .containsExactly(lead, oncall);
        assertThat(t.getJsonNumber("version").longValue()).as("watching leaves the version alone: open pages"
                + " stay fresh").isEqualTo(version);
        assertThat(leadApi.post("/api/tickets/" + n + "/watchers", "{\"agent\":\"nobody-here\"}").expect(400)
                .json().getString("error")).isEqualTo("unknown_agent");

        assertThat(numbers(leadApi.get("/api/tickets?watcher=me&queue=" + queue))).containsExactly(n);
        assertThat(numbers(admin.get("/api/tickets?watcher=" + oncall.toUpperCase() + "&queue=" + queue)))
                .containsExactly(n);
        assertThat(numbers(admin.get("/api/tickets?watcher=me&queue=" + queue))).isEmpty();

        leadApi.post("/api/tickets/" + n + "/comments", "{\"body\":\"looking at the WAL sender\"}").expect(201);
        assertThat(watcherMails(n)).as("the author is not told of their own comment").singleElement()
                .satisfies(m -> {
                    assertThat(m.getJsonArray("to").getValuesAs(JsonString::getString))
                            .containsExactly(oncall + "@ops.example");
                    assertThat(m.getString("subject")).contains("#" + n);
                });
        admin.post("/api/tickets/" + n + "/replies", "{\"body\":\"We are on it.\"}").expect(201);
        assertThat(watcherMails(n)).hasSize(2).anySatisfy(m -> assertThat(
                m.getJsonArray("to").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder(lead + "@ops.example", oncall + "@ops.example"));

        oncallApi.delete("/api/tickets/" + n + "/watchers/me").expect(200);
        t = leadApi.delete("/api/tickets/" + n + "/watchers/" + oncall).expect(200).json();
        assertThat(t.getJsonArray("watchers").getValuesAs(JsonString::getString)).containsExactly(lead);
        List<JsonObject> history = admin.get("/api/tickets/" + n + "/history").expect(200).array()
                .getValuesAs(JsonObject.class);
        assertThat(history).filteredOn(h -> h.getString("kind").startsWith("watcher_"))
                .extracting(h -> h.getString("kind") + " " + h.getString("actor") + " "
                        + (h.isNull("newValue") ? h.getString("oldValue") : h.getString("newValue")))
                .containsExactly("watcher_added " + lead + " " + lead, "watcher_added " + lead + " " + oncall,
                        "watcher_removed " + oncall + " " + oncall);
        admin.post("/api/tickets/" + n + "/comments", "{\"body\":\"db02 caught up\"}").expect(201);
        List<JsonObject> told = watcherMails(n);
        assertThat(told).hasSize(3);
        assertThat(told.stream().max(java.util.Comparator.comparing(m -> m.getJsonNumber("id").longValue()))
                .orElseThrow().getJsonArray("to").getValuesAs(JsonString::getString)).as("the newest")
                .containsExactly(lead + "@ops.example");
        assertThat(watcherMails(other)).isEmpty();

        admin.post("/api/tickets/" + other + "/merge", "{\"into\":" + n + "}").expect(200);
        oncallApi.post("/api/tickets/" + other + "/watchers", "").expect(200); // a merged number: where it went
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("watchers")
                .getValuesAs(JsonString::getString)).containsExactly(lead, oncall);
    }

    @Test
    void tagsAreAddedAndTakenOffOneAtATimeTheOthersKept() {
        long n = number(Fixtures.ticket(admin, Fixtures.queue(), "Disk latency on san2"));
        admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("tags", Json.createArrayBuilder().add("storage")
                .add("triage")).build()).expect(200);
        JsonObject t = admin.post("/api/tickets/" + n + "/tags", "{\"add\":[\"#SAN\",\"storage\"],\"remove\":"
                + "[\"TRIAGE\",\"never-there\"]}").expect(200).json();
        assertThat(t.getJsonArray("tags").getValuesAs(JsonString::getString)).containsExactly("san", "storage");
        assertThat(admin.post("/api/tickets/" + n + "/tags", "{\"add\":[\"two words\"]}").expect(400).json()
                .getString("error")).isEqualTo("invalid_tag");
        admin.post("/api/tickets/" + n + "/tags", "").expect(400);
    }

    @Test
    void anAgentMentionedInACommentWatchesTheTicketAndHearsOfIt() {
        String queue = Fixtures.queue();
        String lead = Fixtures.agent(false);
        String dba = Fixtures.agent(false);
        long n = number(Fixtures.ticket(admin, queue, "Slow queries on db03"));
        JsonObject t = Api.basic(lead, Fixtures.PASSWORD).post("/api/tickets/" + n + "/comments",
                "{\"body\":\"@" + dba.toUpperCase() + " can you look at the plan? (mail " + dba
                        + "@ops.example, @nobody-here)\"}").expect(201).json();
        assertThat(t.getJsonArray("watchers").getValuesAs(JsonString::getString)).containsExactly(dba);
        assertThat(watcherMails(n)).singleElement().satisfies(m -> assertThat(
                m.getJsonArray("to").getValuesAs(JsonString::getString)).containsExactly(dba + "@ops.example"));
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array().getValuesAs(JsonObject.class))
                .anySatisfy(h -> assertThat(h.getString("kind") + " " + h.getString("newValue") + " "
                        + h.getString("note", "")).isEqualTo("watcher_added " + dba + " mentioned"));

        // a new ticket's description mentions as any message does (for a customer or for the agent themselves)
        for (String requester : new String[] {Fixtures.unique("cust") + "@customer.example", null}) {
            var create = Json.createObjectBuilder().add("queue", queue).add("subject", "Disk on db04")
                    .add("body", "@" + dba + " please look\n\n> @" + lead + " quoted");
            if (requester != null) {
                create.add("requester", requester);
            }
            JsonObject opened = Api.basic(lead, Fixtures.PASSWORD).post("/api/tickets", create.build()).expect(201)
                    .json();
            assertThat(opened.getJsonArray("watchers").getValuesAs(JsonString::getString)).as(String.valueOf(requester))
                    .containsExactly(dba);
            assertThat(watcherMails(opened.getJsonNumber("number").longValue())).singleElement()
                    .satisfies(m -> assertThat(m.getJsonArray("to").getValuesAs(JsonString::getString))
                            .containsExactly(dba + "@ops.example"));
        }

        // a queue's signature mentions nobody: it is not what the agent wrote
        String oncall = Fixtures.agent(false);
        admin.patch("/api/queues/" + queue, Json.createObjectBuilder().add("signature", "On call: @" + oncall).build())
                .expect(200);
        t = Api.basic(lead, Fixtures.PASSWORD).post("/api/tickets/" + n + "/replies", "{\"body\":\"On it.\"}")
                .expect(201).json();
        assertThat(t.getJsonArray("watchers").getValuesAs(JsonString::getString)).containsExactly(dba);
    }

    @Test
    void aNewProblemWrittenIntoAnOldThreadIsSplitOffOnceIntoATicketOfItsWriter() {
        String queue = Fixtures.queue();
        String other = Fixtures.queue();
        String customer = Fixtures.unique("cust") + "@customer.example";
        Mails.Builder first = Mails.from(customer).to(queue + "@support.example").subject("VPN drops").text("again");
        long n = admin.mail(queue, first.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        Mails.Builder second = Mails.from(customer).to(queue + "@support.example").subject("Re: VPN drops")
                .header("In-Reply-To", first.messageId())
                .textWithAttachment("By the way, the printer on floor 2 is broken.", "status.txt", "text/plain",
                        "paper jam".getBytes(StandardCharsets.UTF_8));
        assertThat(admin.mail(queue, second.bytes()).expect(200).json().getJsonNumber("ticket").longValue())
                .isEqualTo(n);
        JsonObject old = admin.get("/api/tickets/" + n).expect(200).json();
        long message = old.getJsonArray("messages").getJsonObject(1).getJsonNumber("id").longValue();

        Api.Reply made = admin.post("/api/tickets/" + n + "/split", Json.createObjectBuilder().add("message", message)
                .add("subject", "Printer on floor 2 broken").add("queue", other).build()).expect(201);
        JsonObject split = made.json();
        long s = split.getJsonNumber("number").longValue();
        assertThat(made.header("Location")).endsWith("/api/tickets/" + s);
        assertThat(split.getString("subject")).isEqualTo("Printer on floor 2 broken");
        assertThat(split.getString("queue")).isEqualTo(other);
        assertThat(split.getString("status")).isEqualTo("new");
        assertThat(split.getJsonArray("requesters").getValuesAs(JsonString::getString)).containsExactly(customer);
        assertThat(split.getJsonArray("messages")).singleElement().satisfies(v -> {
            JsonObject m = v.asJsonObject();
            assertThat(m.getString("kind")).isEqualTo("inbound");
            assertThat(m.getString("text")).contains("printer on floor 2 is broken");
            assertThat(m.getJsonArray("attachments")).singleElement()
                    .satisfies(a -> assertThat(a.asJsonObject().getString("filename")).isEqualTo("status.txt"));
            long file = m.getJsonArray("attachments").getJsonObject(0).getJsonNumber("id").longValue();
            assertThat(admin.get("/api/tickets/" + s + "/attachments/" + file).expect(200).body())
                    .isEqualTo("paper jam");
        });
        assertThat(split.getJsonArray("links")).singleElement().satisfies(l -> assertThat(l.asJsonObject()
                .getString("type") + " #" + l.asJsonObject().getJsonNumber("number")).isEqualTo("refers-to #" + n));
        JsonObject after = admin.get("/api/tickets/" + n).expect(200).json();
        assertThat(after.getJsonArray("messages")).as("the old ticket keeps it").hasSize(2);
        assertThat(after.getJsonArray("links").getJsonObject(0).getString("type")).isEqualTo("referred-to-by");
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array().getValuesAs(JsonObject.class))
                .anySatisfy(h -> assertThat(h.getString("kind") + " " + h.getString("newValue"))
                        .isEqualTo("split_off #" + s));

        assertThat(admin.post("/api/tickets/" + n + "/split", "{\"message\":" + message + "}").expect(409).json()
                .getString("message")).as("a second click makes no second ticket").contains("#" + s);
        assertThat(admin.post("/api/tickets/" + n + "/split", "{\"message\":1}").expect(404).json()
                .getString("error")).isEqualTo("message_not_found");
        assertThat(admin.post("/api/tickets/" + n + "/split", "{}").expect(400).json().getString("error"))
                .isEqualTo("message_required");

        // merged elsewhere, the message is still the one split off
        long target = number(Fixtures.ticket(admin, queue, "VPN drops, the ticket we keep"));
        admin.post("/api/tickets/" + n + "/merge", "{\"into\":" + target + "}").expect(200);
        assertThat(admin.post("/api/tickets/" + target + "/split", "{\"message\":" + message + "}").expect(409)
                .json().getString("error")).isEqualTo("already_split");

        // the customer's next mail in the old thread still goes to the old ticket: the copy has no Message-ID
        assertThat(admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Re: VPN drops")
                .header("In-Reply-To", second.messageId()).text("and the VPN too").bytes()).expect(200).json()
                .getJsonNumber("ticket").longValue()).as("the old ticket, merged: where it went").isEqualTo(target);
    }

    @Test
    void aQueuesSignatureGoesBelowEachPublicReplyFilledInForTheAgentUnlessTheReplySaysNo() {
        String queue = Fixtures.queue();
        String login = Fixtures.agent(false);
        Api alice = Api.basic(login, Fixtures.PASSWORD);
        assertThat(admin.patch("/api/queues/" + queue, Json.createObjectBuilder()
                .add("signature", "{{agent.phone}}").build()).expect(400).json().getString("error"))
                .isEqualTo("unknown_placeholder");
        JsonObject q = admin.patch("/api/queues/" + queue, Json.createObjectBuilder()
                .add("signature", "{{agent.name}} <{{agent.email}}>\r\nNetwork operations, {{ticket.tag}}\r\n")
                .build()).expect(200).json();
        assertThat(q.getString("signature")).isEqualTo("{{agent.name}} <{{agent.email}}>\nNetwork operations,"
                + " {{ticket.tag}}");
        long n = number(Fixtures.ticket(admin, queue, "Packet loss on uplink 2"));

        JsonObject t = alice.post("/api/tickets/" + n + "/replies", "{\"body\":\"Swapped the optic.\"}").expect(201)
                .json();
        String signature = "-- \n" + login + " <" + login + "@ops.example>\nNetwork operations, [OpsDesk #" + n + "]";
        assertThat(last(t).getString("text")).isEqualTo("Swapped the optic.\n\n" + signature);
        t = alice.post("/api/tickets/" + n + "/replies", "{\"body\":\"Without it.\",\"signature\":false}")
                .expect(201).json();
        assertThat(last(t).getString("text")).isEqualTo("Without it.");
        t = alice.post("/api/tickets/" + n + "/comments", "{\"body\":\"internal\"}").expect(201).json();
        assertThat(last(t).getString("text")).as("comments are not signed").isEqualTo("internal");
        t = alice.post("/api/tickets/" + n + "/replies", "{\"html\":\"<p>In <b>HTML</b>.</p>\"}").expect(201)
                .json();
        assertThat(last(t).getString("html")).contains("<b>HTML</b>").contains("-- <br>" + login + " &lt;" + login
                + "@ops.example&gt;");
        assertThat(last(t).getString("text")).as("the text made from the HTML, then signed")
                .isEqualTo("In HTML.\n\n" + signature);
        t = alice.post("/api/tickets/" + n + "/replies", "{\"body\":\"\",\"html\":\"<p>Blank body.</p>\"}")
                .expect(201).json();
        assertThat(last(t).getString("text")).isEqualTo("Blank body.\n\n" + signature);
        alice.post("/api/tickets/" + n + "/replies", "{\"html\":\"<script>alert(1)</script>\"}").expect(400);
        alice.post("/api/tickets/" + n + "/replies", "{\"body\":\"  \"}").expect(400);

        admin.patch("/api/queues/" + queue, Json.createObjectBuilder().add("signature", "").build()).expect(200);
        assertThat(admin.get("/api/queues/" + queue).expect(200).json().isNull("signature")).isTrue();
        t = alice.post("/api/tickets/" + n + "/replies", "{\"body\":\"Unsigned now.\"}").expect(201).json();
        assertThat(last(t).getString("text")).isEqualTo("Unsigned now.");
    }

    private static JsonObject last(JsonObject ticket) {
        var messages = ticket.getJsonArray("messages");
        return messages.getJsonObject(messages.size() - 1);
    }

    @Test
    void ticketsSortByDueDateUndatedLastAndTheOverdueFilterTakesActiveOnesPastTheirDate() {
        String queue = Fixtures.queue();
        long late = number(Fixtures.ticket(admin, queue, "late"));
        long soon = number(Fixtures.ticket(admin, queue, "soon"));
        long undated = number(Fixtures.ticket(admin, queue, "undated"));
        long resolved = number(Fixtures.ticket(admin, queue, "resolved late"));
        java.util.function.BiConsumer<Long, String> due = (n, at) -> admin.patch("/api/tickets/" + n,
                Json.createObjectBuilder().add("due", at).build()).expect(200);
        due.accept(late, "2021-03-01T09:00:00Z");
        due.accept(soon, "2999-01-01T09:00:00Z");
        due.accept(resolved, "2021-01-01T09:00:00Z");
        admin.post("/api/tickets/" + resolved + "/status", "{\"status\":\"resolved\"}").expect(200);

        String list = "/api/tickets?queue=" + queue + "&status=active,inactive";
        assertThat(numbers(admin.get(list + "&sort=due"))).containsExactly(resolved, late, soon, undated);
        assertThat(numbers(admin.get(list + "&sort=-due")))
                .as("undated last either way").containsExactly(soon, late, resolved, undated);
        JsonObject page = admin.get("/api/tickets?queue=" + queue + "&overdue=true").expect(200).json();
        assertThat(numbers(page)).containsExactly(late);
        assertThat(page.getJsonArray("items").getJsonObject(0).getBoolean("overdue")).isTrue();
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("due")).startsWith("2021-03-01T09:00");
        admin.get("/api/tickets?overdue=maybe").expect(400);
    }

    @Test
    void aCannedResponseIsAWikiPageInResponsesFilledInForTheTicket() {
        String path = "responses/" + Fixtures.unique("ack");
        admin.put("/api/wiki/pages/" + path, Json.createObjectBuilder().add("markdown", "# Acknowledged\n\n"
                + "Dear {{ requester.name }}, {{ticket.tag}} ({{ticket.subject}}) is with {{queue.name}}. {{no.such}}")
                .build()).expect(201);
        String queue = Fixtures.queue();
        long n = number(admin.post("/api/tickets", Json.createObjectBuilder().add("queue", queue)
                .add("subject", "Printer jams").add("requester", "erin@customer.example").build()).expect(201).json());
        JsonObject r = admin.get("/api/tickets/" + n + "/response?page=" + path).expect(200).json();
        assertThat(r.getString("text")).isEqualTo("Dear erin@customer.example, [OpsDesk #" + n + "] (Printer jams) is with "
                + queue + ". {{no.such}}");
        String runbook = "runbooks/" + Fixtures.unique("disk");
        admin.put("/api/wiki/pages/" + runbook, Json.createObjectBuilder().add("markdown", "# Disk\n\ndf -h")
                .build()).expect(201);
        assertThat(admin.get("/api/tickets/" + n + "/response?page=" + runbook).expect(404).json()
                .getString("error")).as("only pages in responses/").isEqualTo("response_not_found");
        assertThat(admin.get("/api/tickets/" + n + "/responses").expect(200).array()).anySatisfy(v -> {
            assertThat(v.asJsonObject().getString("page")).isEqualTo(path);
            assertThat(v.asJsonObject().getString("title")).isEqualTo("Acknowledged");
            assertThat(v.asJsonObject().getString("text")).contains("[OpsDesk #" + n + "]");
        });
        admin.get("/api/tickets/" + n + "/response?page=" + path + "-gone").expect(404);
        assertThat(admin.get("/api/tickets/" + n + "/response").expect(400).json().getString("error"))
                .isEqualTo("page_required");
        assertThat(admin.get("/api/wiki/pages?prefix=responses").expect(200).array()).isNotEmpty();
    }

    @Test
    void aListingExportsAsASpreadsheetWithItsFiltersAndSort() {
        String queue = Fixtures.queue();
        long first = number(Fixtures.ticket(admin, queue, "Disk full, db01"));
        long second = number(Fixtures.ticket(admin, queue, "=HYPERLINK(\"http://evil.example\",\"click\")"));
        long third = number(Fixtures.ticket(admin, queue, "Printer offline"));
        admin.post("/api/tickets/" + third + "/status", "{\"status\":\"resolved\"}").expect(200);
        admin.post("/api/tickets/" + first + "/time", "{\"minutes\":25}").expect(201);

        Api.Reply all = admin.get("/api/tickets.csv?queue=" + queue + "&sort=number").expect(200);
        assertThat(all.header("Content-Type")).startsWith("text/csv");
        assertThat(all.header("Content-Disposition")).contains("tickets.csv");
        assertThat(all.header("X-Total-Count")).isEqualTo("3");
        String[] lines = all.body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("number,subject,queue,status,priority,owner,requesters,created,updated,due,"
                + "overdue,time_worked_minutes");
        assertThat(lines[1]).startsWith(first + ",\"Disk full, db01\"," + queue + ",new,normal,,customer-")
                .endsWith(",,,25");
        assertThat(lines[2]).as("a formula is text in a spreadsheet")
                .startsWith(second + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"," + queue);
        assertThat(lines[3]).startsWith(third + ",Printer offline," + queue + ",resolved,");

        Api.Reply active = admin.get("/api/tickets.csv?queue=" + queue + "&status=active&sort=-number&limit=1")
                .expect(200);
        assertThat(active.header("X-Total-Count")).isEqualTo("2");
        assertThat(List.of(active.body().split("\r\n"))).hasSize(2).last().asString().startsWith(second + ",");
        assertThat(admin.get("/api/tickets.csv?limit=10001").expect(400).json().getString("error"))
                .isEqualTo("invalid_limit");
        assertThat(admin.get("/api/tickets.csv?sort=password").expect(400).json().getString("error"))
                .isEqualTo("unknown_sort");
        Api.anonymous().get("/api/tickets.csv").expect(401);
    }

    @Test
    void tagsAreSetAsAWholeListListedByAndCarriedOverAMerge() {
        String queue = Fixtures.queue();
        String tag = "p1-" + Fixtures.unique("r").replaceAll("[^a-z0-9]", "");
        long n = number(Fixtures.ticket(admin, queue, "Core switch reboots"));
        long other = number(Fixtures.ticket(admin, queue, "Core switch logs"));
        JsonObject tagged = admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("tags",
                Json.createArrayBuilder().add("#Network").add(tag).add("network")).build()).expect(200).json();
        assertThat(tagged.getJsonArray("tags")).extracting(v -> ((JsonString) v).getString())
                .containsExactly("network", tag);
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array())
                .filteredOn(h -> h.asJsonObject().getString("kind").equals("tag_added")).hasSize(2);
        assertThat(admin.get("/api/tickets?tag=" + tag.toUpperCase()).expect(200).json().getJsonArray("items"))
                .extracting(i -> i.asJsonObject().getJsonNumber("number").longValue()).containsExactly(n);

        assertThat(admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("tags", Json.createArrayBuilder()
                .add("two words")).build()).expect(400).json().getString("error")).isEqualTo("invalid_tag");
        var many = Json.createArrayBuilder();
        for (int i = 0; i < 21; i++) {
            many.add("t" + i);
        }
        assertThat(admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("tags", many).build()).expect(400)
                .json().getString("error")).isEqualTo("too_many_tags");
        assertThat(admin.send("PATCH", "/api/tickets/" + n, "{\"tags\":\"network\"}", "application/json").expect(400).json().getString("message"))
                .contains("list of tags");
        assertThat(admin.get("/api/tickets?tag=two%20words").expect(400).json().getString("error"))
                .isEqualTo("invalid_tag");

        admin.patch("/api/tickets/" + other, Json.createObjectBuilder().add("tags", Json.createArrayBuilder()
                .add("logs")).build()).expect(200);
        JsonObject merged = admin.post("/api/tickets/" + other + "/merge", "{\"into\":" + n + "}").expect(200).json();
        assertThat(merged.getJsonArray("tags")).extracting(v -> ((JsonString) v).getString())
                .containsExactly("logs", "network", tag);
        JsonObject untagged = admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("tags",
                Json.createArrayBuilder()).build()).expect(200).json();
        assertThat(untagged.getJsonArray("tags")).isEmpty();
    }

    @Test
    void agentsLoggingTimeOnOneTicketAtOnceAllCount() throws Exception {
        long n = number(Fixtures.ticket(admin, Fixtures.queue(), "Datacenter move"));
        List<Integer> statuses = Fixtures.atOnce(8, () -> admin.post("/api/tickets/" + n + "/time",
                "{\"minutes\":5}").status());
        assertThat(statuses).containsOnly(201);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getInt("timeWorked")).isEqualTo(40);
        assertThat(admin.get("/api/tickets/" + n + "/time").expect(200).array()).hasSize(8);
    }

    @Test
    void timeWorkedIsLoggedWithMessagesOrAloneAddsUpOnTheTicketAndInTheReportAndCarriesOverAMerge() {
        String queue = Fixtures.queue();
        String ann = Fixtures.agent(false);
        String ben = Fixtures.agent(false);
        Api annApi = Api.basic(ann, Fixtures.PASSWORD);
        Api benApi = Api.basic(ben, Fixtures.PASSWORD);
        long n = number(Fixtures.ticket(admin, queue, "Backups, failing nightly"));
        long other = number(Fixtures.ticket(admin, queue, "Backup disk, nearly full"));

        JsonObject replied = annApi.post("/api/tickets/" + n + "/replies", Json.createObjectBuilder()
                .add("body", "Restarted the agent.").add("timeWorked", 45).build()).expect(201).json();
        assertThat(replied.getInt("timeWorked")).isEqualTo(45);
        benApi.post("/api/tickets/" + n + "/comments", "{\"body\":\"vendor case 4711\",\"timeWorked\":20}")
                .expect(201);
        JsonObject logged = benApi.post("/api/tickets/" + n + "/time", Json.createObjectBuilder().add("minutes", 30)
                .add("note", "=cmd|' /C calc'!A0, on the phone").build()).expect(201).json();
        assertThat(logged.getInt("timeWorked")).isEqualTo(95);
        annApi.post("/api/tickets/" + n + "/time", "{\"minutes\":-5,\"note\":\"typo\"}").expect(201);
        annApi.post("/api/tickets/" + other + "/time", "{\"minutes\":15}").expect(201);

        var entries = admin.get("/api/tickets/" + n + "/time").expect(200).array();
        assertThat(entries).extracting(e -> e.asJsonObject().getInt("minutes")).containsExactly(45, 20, 30, -5);
        assertThat(entries.get(0).asJsonObject().getString("agent")).isEqualTo(ann);
        assertThat(entries.get(0).asJsonObject().getJsonNumber("message").longValue()).as("the reply's")
                .isEqualTo(replied.getJsonArray("messages").getJsonObject(1).getJsonNumber("id").longValue());
        assertThat(entries.get(2).asJsonObject().isNull("message")).isTrue();
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array()).last()
                .satisfies(h -> {
                    assertThat(h.asJsonObject().getString("kind")).isEqualTo("time_worked");
                    assertThat(h.asJsonObject().getString("oldValue")).isEqualTo("95");
                    assertThat(h.asJsonObject().getString("newValue")).isEqualTo("90");
                });

        assertThat(annApi.post("/api/tickets/" + n + "/time", "{\"minutes\":-91}").expect(400).json()
                .getString("error")).isEqualTo("time_worked_below_zero");
        assertThat(annApi.post("/api/tickets/" + n + "/time", "{\"minutes\":0}").expect(400).json()
                .getString("error")).isEqualTo("invalid_minutes");
        assertThat(annApi.post("/api/tickets/" + n + "/time", "{\"note\":\"forgot\"}").expect(400).json()
                .getString("error")).isEqualTo("minutes_required");
        annApi.post("/api/tickets/" + n + "/time", "{\"minutes\":\"half an hour\"}").expect(400);
        assertThat(annApi.post("/api/tickets/" + n + "/replies", "{\"body\":\"x\",\"timeWorked\":100000}")
                .expect(400).json().getString("error")).as("nothing of the reply is kept").isEqualTo("invalid_minutes");
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages")).hasSize(3);
        admin.get("/api/tickets/999999999/time").expect(404);

        // three days around today: a run at midnight stays in the period
        java.time.LocalDate now = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String period = "from=" + now.minusDays(1) + "&to=" + now.plusDays(1);
        JsonObject report = admin.get("/api/reports/time?" + period).expect(200).json();
        assertThat(report.getJsonArray("byAgent")).anySatisfy(a -> {
            assertThat(a.asJsonObject().getString("name")).isEqualTo(ann);
            assertThat(a.asJsonObject().getInt("minutes")).isEqualTo(55);
        });
        assertThat(report.getJsonArray("byAgent")).anySatisfy(a -> {
            assertThat(a.asJsonObject().getString("name")).isEqualTo(ben);
            assertThat(a.asJsonObject().getInt("minutes")).isEqualTo(50);
        });
        assertThat(report.getJsonArray("byQueue")).anySatisfy(q -> {
            assertThat(q.asJsonObject().getString("name")).isEqualTo(queue);
            assertThat(q.asJsonObject().getInt("minutes")).isEqualTo(105);
        });
        assertThat(report.getJsonArray("byTicket")).anySatisfy(t -> {
            assertThat(t.asJsonObject().getJsonNumber("number").longValue()).isEqualTo(n);
            assertThat(t.asJsonObject().getInt("minutes")).isEqualTo(90);
        });
        assertThat(report.getJsonNumber("totalMinutes").longValue()).isGreaterThanOrEqualTo(105);
        assertThat(admin.get("/api/reports/time?from=2020-01-01&to=2020-01-31").expect(200).json()
                .getJsonArray("byAgent")).noneSatisfy(a -> assertThat(a.asJsonObject().getString("name")).isEqualTo(ann));
        assertThat(admin.get("/api/reports/time?from=2020-01-02&to=2020-01-01").expect(400).json()
                .getString("error")).isEqualTo("invalid_period");
        assertThat(admin.get("/api/reports/time?from=2020-01-01").expect(400).json().getString("error"))
                .isEqualTo("invalid_period");
        assertThat(admin.get("/api/reports/time?from=2020-13-01&to=2020-01-01").expect(400).json()
                .getString("message")).contains("2026-12-01");
        assertThat(admin.get("/api/reports/time?zone=Mars/Olympus").expect(400).json().getString("error"))
                .isEqualTo("invalid_zone");
        assertThat(admin.get("/api/reports/time?from=2020-01-01&to=+999999999-12-31").expect(400).json()
                .getString("error")).isEqualTo("invalid_period");
        assertThat(annApi.post("/api/tickets/" + n + "/time", "{\"minutes\":-2147483648}").expect(400).json()
                .getString("error")).isEqualTo("invalid_minutes");

        assertThat(annApi.get("/api/reports/time/entries?" + period).expect(200).array()).anySatisfy(e -> {
            JsonObject entry = e.asJsonObject();
            assertThat(entry.getJsonNumber("ticket").longValue()).isEqualTo(n);
            assertThat(entry.getString("subject")).isEqualTo("Backups, failing nightly");
            assertThat(entry.getString("queue")).isEqualTo(queue);
            assertThat(entry.getString("agent")).isEqualTo(ben);
            assertThat(entry.getInt("minutes")).isEqualTo(30);
        });
        Api.Reply csv = annApi.get("/api/reports/time/entries.csv?" + period).expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("time-worked-" + now.minusDays(1));
        assertThat(csv.body()).startsWith("worked_at,ticket,subject,queue,agent,minutes,note\r\n")
                .contains("," + n + ",\"Backups, failing nightly\"," + queue + "," + ben + ",30,\"'=cmd|' /C calc'!A0,"
                        + " on the phone\"\r\n")
                .contains("," + n + ",\"Backups, failing nightly\"," + queue + "," + ann + ",-5,typo\r\n");

        JsonObject merged = admin.post("/api/tickets/" + other + "/merge", "{\"into\":" + n + "}").expect(200).json();
        assertThat(merged.getInt("timeWorked")).as("the merged ticket's time counts where it went").isEqualTo(105);
        assertThat(admin.get("/api/reports/time?" + period).expect(200).json()
                .getJsonArray("byQueue")).anySatisfy(q -> {
                    assertThat(q.asJsonObject().getString("name")).isEqualTo(queue);
                    assertThat(q.asJsonObject().getInt("minutes")).as("nothing counted twice").isEqualTo(105);
                });
        assertThat(admin.get("/api/tickets/" + other + "/time").expect(200).array())
                .as("the merged number answers the ticket it went into, whose entries add up to its total")
                .extracting(e -> e.asJsonObject().getJsonNumber("ticket").longValue() + ":"
                        + e.asJsonObject().getInt("minutes"))
                .containsExactly(n + ":45", n + ":20", n + ":30", n + ":-5", other + ":15");
    }

    @Test
    void aPendingTicketOpensAgainWhenItsReminderComesAndItsOwnerIsTold() {
        String queue = Fixtures.queue();
        String owner = Fixtures.agent(false);
        long n = number(Fixtures.ticket(admin, queue, "Waiting for the vendor's patch"));
        Api agent = Api.basic(owner, Fixtures.PASSWORD);
        agent.post("/api/tickets/" + n + "/owner", "{\"action\":\"take\"}").expect(200);
        agent.post("/api/tickets/" + n + "/status", "{\"status\":\"open\"}").expect(200);
        String soon = java.time.Instant.now().plusSeconds(2).toString();
        JsonObject pending = agent.post("/api/tickets/" + n + "/status", Json.createObjectBuilder()
                .add("status", "pending").add("pendingUntil", soon).add("note", "vendor promised Friday").build())
                .expect(200).json();
        assertThat(pending.getString("status")).isEqualTo("pending");
        assertThat(pending.getString("pendingUntil")).startsWith(soon.substring(0, 19));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> admin.get("/api/tickets/" + n).expect(200).json().getString("status").equals("open"));
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().isNull("pendingUntil")).isTrue();
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array()).last().satisfies(h -> {
            assertThat(h.asJsonObject().getString("newValue")).isEqualTo("open");
            assertThat(h.asJsonObject().getString("note")).contains("pending reminder");
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> notifications(n).stream().anyMatch(m -> m.getJsonArray("to").getString(0)
                        .equals(owner + "@ops.example")));

        assertThat(agent.post("/api/tickets/" + n + "/status", Json.createObjectBuilder().add("status", "resolved")
                .add("pendingUntil", soon).build()).expect(400).json().getString("error"))
                .isEqualTo("pending_until_without_pending");
        assertThat(agent.post("/api/tickets/" + n + "/status", Json.createObjectBuilder().add("status", "pending")
                .add("pendingUntil", "friday").build()).expect(400).json().getString("error"))
                .isEqualTo("invalid_pending_until");
        assertThat(agent.post("/api/tickets/" + n + "/status", Json.createObjectBuilder().add("status", "pending")
                .add("pendingUntil", "2025-12-11T09:00:00Z").build()).expect(400).json().getString("error"))
                .as("a year typed wrong").isEqualTo("pending_until_past");
    }

    @Test
    void whoeverAQueueNamesHearsOfEachNewTicketInItByApiOrMail() {
        String name = Fixtures.unique("q");
        String team = Fixtures.unique("team") + "@lists.example";
        JsonObject queue = admin.post("/api/queues", Json.createObjectBuilder().add("name", name)
                .add("correspondAddress", name + "@support.example")
                .add("notifyOnNew", Json.createArrayBuilder().add(team)).add("autoReply", false).build())
                .expect(201).json();
        assertThat(queue.getJsonArray("notifyOnNew").getString(0)).isEqualTo(team);

        long byApi = number(admin.post("/api/tickets", Json.createObjectBuilder().add("queue", name)
                .add("subject", "NFS mounts hang").add("body", "since 10:00").add("requester", "fay@customer.example")
                .build()).expect(201).json());
        assertThat(notifications(byApi)).singleElement().satisfies(m -> {
            assertThat(m.getJsonArray("to").getString(0)).isEqualTo(team);
            assertThat(m.getString("subject")).contains("#" + byApi).contains("NFS mounts hang");
        });
        long byMail = admin.mail(name, Mails.from("gus@customer.example").to(name + "@support.example")
                .subject("Printer offline").text("again").bytes()).expect(200).json().getJsonNumber("ticket")
                .longValue();
        assertThat(notifications(byMail)).hasSize(1);
        admin.post("/api/tickets/" + byMail + "/replies", "{\"body\":\"on it\"}").expect(201);
        admin.mail(name, Mails.from("gus@customer.example").to(name + "@support.example")
                .subject("Re: [OpsDesk #" + byMail + "] Printer offline").text("still").bytes()).expect(200);
        assertThat(notifications(byMail)).as("new tickets only").hasSize(1);
        String source = Fixtures.unique("mon");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", name).build())
                .expect(201);
        long byAlert = admin.post("/api/alerts?source=" + source, Json.createObjectBuilder()
                .add("host", Fixtures.unique("nfs") + ".example.test").add("service", "mounts").add("state", "CRITICAL")
                .build()).expect(200).json().getJsonArray("alerts").getJsonObject(0).getJsonNumber("ticket")
                .longValue();
        assertThat(notifications(byAlert)).singleElement()
                .satisfies(m -> assertThat(m.getJsonArray("to").getString(0)).isEqualTo(team));

        assertThat(admin.patch("/api/queues/" + name, Json.createObjectBuilder().add("notifyOnNew",
                Json.createArrayBuilder().add(name + "@support.example")).build()).expect(400).json()
                .getString("error")).isEqualTo("own_address");
        admin.patch("/api/queues/" + name, Json.createObjectBuilder().add("notifyOnNew", Json.createArrayBuilder())
                .build()).expect(200);
        long quiet = number(Fixtures.ticket(admin, name, "nobody is told"));
        assertThat(notifications(quiet)).isEmpty();
    }

    @Test
    void aQueuesListHearsOfNoMoreNewTicketsAnHourThanItsLimit() {
        // an alert storm opens a ticket a second; the limit counts the mails to the list's addresses together
        // (OPSDESK_MAIL_QUEUE_NOTIFY_PER_HOUR is 3 in these tests)
        String name = Fixtures.unique("q");
        admin.post("/api/queues", Json.createObjectBuilder().add("name", name)
                .add("notifyOnNew", Json.createArrayBuilder().add(Fixtures.unique("team") + "@lists.example")
                        .add(Fixtures.unique("oncall") + "@lists.example")).build()).expect(201);
        List<Integer> told = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            told.add(notifications(number(Fixtures.ticket(admin, name, "storm " + i))).size());
        }
        assertThat(told).containsExactly(1, 1, 1, 0, 0);
    }

    private List<JsonObject> notifications(long ticket) {
        return admin.get("/api/mail/outbox?ticket=" + ticket).expect(200).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(m -> m.getString("kind").equalsIgnoreCase("notification"))
                .toList();
    }

    /** The mails that told the ticket's watchers of its messages (a kind apart from the owner's notifications). */
    private List<JsonObject> watcherMails(long ticket) {
        return admin.get("/api/mail/outbox?ticket=" + ticket).expect(200).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(m -> m.getString("kind").equals("watcher")).toList();
    }

    private static List<Long> numbers(Api.Reply r) {
        return numbers(r.expect(200).json());
    }

    /** Each link type shows its inverse on the other ticket. */
    @Test
    void everyLinkTypeShowsItsInverseOnTheOtherTicket() {
        String queue = Fixtures.queue();
        Map<String, String> inverse = Map.of("refers-to", "referred-to-by", "parent-of", "child-of", "child-of",
                "parent-of", "duplicate-of", "duplicated-by");
        inverse.forEach((type, back) -> {
            long a = number(Fixtures.ticket(admin, queue, "from " + type));
            long b = number(Fixtures.ticket(admin, queue, "to " + type));
            JsonObject linked = admin.post("/api/tickets/" + a + "/links",
                    "{\"type\":\"" + type + "\",\"target\":" + b + "}").expect(201).json();
            assertThat(links(linked)).containsExactly(type + " #" + b);
            assertThat(links(admin.get("/api/tickets/" + b).expect(200).json())).containsExactly(back + " #" + a);
        });
    }

    /** Copies given at creation are kept; a ticket moves to another queue by PATCH, and the move is in its history. */
    @Test
    void copiesAtCreationAndAMoveToAnotherQueue() {
        String from = Fixtures.queue();
        String to = Fixtures.queue();
        String cc = Fixtures.unique("boss") + "@customer.example";
        JsonObject t = admin.post("/api/tickets", Json.createObjectBuilder().add("queue", from).add("subject", "cc me")
                .add("body", "in copy").add("requester", Fixtures.unique("c") + "@customer.example")
                .add("cc", Json.createArrayBuilder().add(cc).add("  " + cc.toUpperCase() + " ")).build())
                .expect(201).json();
        long n = number(t);
        assertThat(t.getJsonArray("cc").getValuesAs(jakarta.json.JsonString::getString)).containsExactly(cc);

        JsonObject moved = admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("queue", to).build())
                .expect(200).json();
        assertThat(moved.getString("queue")).isEqualTo(to);
        assertThat(numbers(admin.get("/api/tickets?queue=" + to).expect(200).json())).contains(n);
        assertThat(numbers(admin.get("/api/tickets?queue=" + from).expect(200).json())).doesNotContain(n);
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(h -> h.getString("kind").equals("queue")).toList())
                .singleElement().satisfies(h -> {
                    assertThat(h.getString("oldValue")).isEqualTo(from);
                    assertThat(h.getString("newValue")).isEqualTo(to);
                });
        assertThat(admin.patch("/api/tickets/" + n, Json.createObjectBuilder().add("queue", "no-such-queue").build())
                .status()).isBetween(400, 404);
    }

    private static List<Long> numbers(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getJsonNumber("number").longValue())
                .toList();
    }

    private static List<String> links(JsonObject ticket) {
        return ticket.getJsonArray("links").stream().map(JsonValue::asJsonObject)
                .map(l -> l.getString("type") + " #" + l.getJsonNumber("number").longValue()).toList();
    }
}
