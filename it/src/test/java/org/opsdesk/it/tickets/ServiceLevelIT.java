package org.opsdesk.it.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opsdesk.it.tickets.TicketLifecycleIT.number;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Service levels over REST: a queue's targets set deadlines on its tickets, the first public reply meets one, and a
 * ticket past one is escalated (listed, in its history, its owner or the queue's list told by mail through GreenMail).
 * The shortest target is a minute, so one test waits a minute (the server checks every second).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceLevelIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api admin = Api.admin();

    private static JsonObject sla(String hours, String priority, Integer response, Integer resolution) {
        return sla(hours, priority, response, resolution, null);
    }

    private static JsonObject sla(String hours, String priority, Integer response, Integer resolution,
            Integer warnPercent) {
        var target = Json.createObjectBuilder();
        if (response != null) {
            target.add("response", response);
        }
        if (resolution != null) {
            target.add("resolution", resolution);
        }
        var sla = Json.createObjectBuilder().add("targets", Json.createObjectBuilder().add(priority, target));
        if (hours != null) {
            sla.add("businessHours", hours);
        }
        if (warnPercent != null) {
            sla.add("warnPercent", warnPercent);
        }
        return Json.createObjectBuilder().add("sla", sla).build();
    }

    private long ticket(String queue, String priority) {
        return number(admin.post("/api/tickets", Json.createObjectBuilder().add("queue", queue).add("subject",
                "Payments API down").add("body", "502 from every node").add("priority", priority)
                .add("requester", Fixtures.unique("cust") + "@customer.example").build()).expect(201).json());
    }

    @Test
    void aQueuesServiceLevelIsSetReadBackAndRefusedWithWhatToFix() {
        String queue = Fixtures.queue();
        JsonObject q = admin.patch("/api/queues/" + queue, sla("mon-fri 09:00-17:00 Europe/Berlin", "high", 60, 480))
                .expect(200).json();
        assertThat(q.getJsonObject("sla").getString("businessHours")).isEqualTo("Mon-Fri 09:00-17:00 Europe/Berlin");
        assertThat(q.getJsonObject("sla").getJsonObject("targets").getJsonObject("high").getInt("response"))
                .isEqualTo(60);
        assertThat(admin.get("/api/queues/" + queue).expect(200).json().getJsonObject("sla").getJsonObject("targets")
                .keySet()).containsExactly("high");
        // a ticket created now is due by the office's clock: a weekday, within the hours or at the next opening
        long n = ticket(queue, "high");
        JsonObject due = admin.get("/api/tickets/" + n).expect(200).json().getJsonObject("sla");
        Instant response = Instant.parse(due.getString("responseDue"));
        assertThat(response).isAfter(Instant.now());
        java.time.ZonedDateTime inBerlin = response.atZone(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(inBerlin.getDayOfWeek().getValue()).isBetween(1, 5);
        assertThat(inBerlin.getHour() * 60 + inBerlin.getMinute()).isBetween(9 * 60, 17 * 60);
        assertThat(due.isNull("firstResponseAt")).isTrue();
        assertThat(due.getBoolean("escalated")).isFalse();

        for (Object[] bad : new Object[][] {{sla("Mon-Fri 9-17 UTC", "high", 60, null), "invalid_business_hours"},
                {sla("Mon-Fri 09:00-17:00 Mars/Olympus", "high", 60, null), "invalid_business_hours"},
                {sla(null, "high", 0, null), "invalid_sla"}, {sla(null, "high", null, 600_000), "invalid_sla"},
                {sla(null, "critical", 10, null), "unknown_priority"}, {sla(null, "high", 60, null, 100),
                        "invalid_sla"}}) {
            JsonObject error = admin.patch("/api/queues/" + queue, (JsonObject) bad[0]).expect(400).json();
            assertThat(error.getString("error")).isEqualTo(bad[1]);
            assertThat(error.getString("message")).isNotBlank();
        }
        assertThat(admin.patch("/api/queues/" + queue, Json.createObjectBuilder().add("sla", Json.createObjectBuilder()
                .add("warnPercent", 80)).build()).expect(400).json().getString("message")).contains("give a target");
        assertThat(admin.get("/api/queues/" + queue).expect(200).json().getJsonObject("sla").getString("businessHours"))
                .as("unchanged by the refusals").isEqualTo("Mon-Fri 09:00-17:00 Europe/Berlin");

        // no targets: the queue's tickets have no deadlines any more
        admin.patch("/api/queues/" + queue, Json.createObjectBuilder().add("sla", Json.createObjectBuilder()).build())
                .expect(200);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().isNull("sla")).isTrue();
    }

    @Test
    void aTicketPastItsFirstResponseIsEscalatedOnceListedAndTold() {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP);
        greenMail.start();
        try {
            escalatedOnceListedAndTold(greenMail);
        } finally {
            greenMail.stop();
        }
    }

    private void escalatedOnceListedAndTold(GreenMail greenMail) {
        String queue = Fixtures.queue();
        // warned at half the minute, escalated at its end
        assertThat(admin.patch("/api/queues/" + queue, sla(null, "urgent", 1, 600, 50)).expect(200).json()
                .getJsonObject("sla").getInt("warnPercent")).isEqualTo(50);
        String owner = Fixtures.agent(false);
        long unowned = ticket(queue, "urgent");
        long owned = ticket(queue, "urgent");
        long answered = ticket(queue, "urgent");
        long normal = ticket(queue, "normal");
        // the team's list, named after the tickets came (it hears of no new ticket, 3 an hour in these tests)
        String team = Fixtures.unique("team") + "@lists.example";
        admin.patch("/api/queues/" + queue, Json.createObjectBuilder().add("notifyOnNew", Json.createArrayBuilder()
                .add(team)).build()).expect(200);
        admin.post("/api/tickets/" + owned + "/owner", "{\"action\":\"assign\",\"agent\":\"" + owner + "\"}")
                .expect(200);
        admin.post("/api/tickets/" + answered + "/replies", "{\"body\":\"We are on it.\"}").expect(201);
        JsonObject sla = admin.get("/api/tickets/" + answered).expect(200).json().getJsonObject("sla");
        assertThat(sla.getString("firstResponseAt")).isNotNull();
        assertThat(admin.get("/api/tickets/" + normal).expect(200).json().isNull("sla")).as("no target").isTrue();
        // by the next deadline: the unanswered ones' first response, the answered one's resolution, then none
        List<JsonObject> bySla = admin.get("/api/tickets?queue=" + queue + "&sort=sla").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonValue::asJsonObject);
        assertThat(bySla.stream().map(i -> i.getJsonNumber("number").longValue()).toList())
                .containsExactly(unowned, owned, answered, normal);
        assertThat(Instant.parse(bySla.get(2).getString("nextDeadline"))).isEqualTo(Instant.parse(sla.getString(
                "resolutionDue")));
        assertThat(bySla.get(3).isNull("nextDeadline")).isTrue();

        // listed as escalated once the minute has passed; recorded and told at the server's next check after it
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> escalations(unowned)
                .size() == 1 && escalations(owned).size() == 1);
        assertThat(escalated(queue)).containsExactlyInAnyOrder(unowned, owned);
        JsonObject t = admin.get("/api/tickets/" + unowned).expect(200).json();
        assertThat(t.getJsonObject("sla").getBoolean("escalated")).isTrue();
        assertThat(admin.get("/api/tickets?queue=" + queue + "&status=active").expect(200).json().getJsonArray("items")
                .stream().map(JsonValue::asJsonObject).filter(i -> i.getBoolean("escalated"))
                .map(i -> i.getJsonNumber("number").longValue()).toList()).containsExactlyInAnyOrder(unowned, owned);
        assertThat(escalations(unowned).get(0).getString("newValue")).isEqualTo("first response");
        assertThat(escalations(answered)).isEmpty();
        // each was warned once before, the answered one never
        assertThat(warnings(unowned)).hasSize(1).allSatisfy(w -> assertThat(w.getString("newValue")).isEqualTo(
                "first response"));
        assertThat(Instant.parse(warnings(owned).get(0).getString("at"))).isBefore(Instant.parse(escalations(owned)
                .get(0).getString("at")));
        assertThat(warnings(answered)).isEmpty();

        // the unowned ticket's notice goes to the queue's list, the owned one's to its owner
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(greenMail, team).size() >= 1
                && notices(greenMail, owner + "@ops.example").size() >= 1);
        assertThat(notices(greenMail, team)).hasSize(1).allSatisfy(b -> assertThat(b).contains("#" + unowned));
        assertThat(notices(greenMail, owner + "@ops.example")).hasSize(1)
                .allSatisfy(b -> assertThat(b).contains("#" + owned));
        assertThat(bodies(greenMail, team, "nears its first response deadline")).hasSize(1)
                .allSatisfy(b -> assertThat(b).contains("#" + unowned));
        assertThat(bodies(greenMail, owner + "@ops.example", "nears its first response deadline")).hasSize(1)
                .allSatisfy(b -> assertThat(b).contains("#" + owned));

        // answered late: no longer escalated, the history keeps it
        admin.post("/api/tickets/" + unowned + "/replies", "{\"body\":\"Sorry for the wait.\"}").expect(201);
        assertThat(escalated(queue)).containsExactly(owned);
        // pending, the clock stands: not escalated while it waits
        admin.post("/api/tickets/" + owned + "/status", "{\"status\":\"open\"}").expect(200);
        assertThat(escalated(queue)).containsExactly(owned);
        admin.post("/api/tickets/" + owned + "/status", "{\"status\":\"pending\"}").expect(200);
        assertThat(escalated(queue)).isEmpty();
    }

    /** The escalation notices {@code recipient} received, their bodies. */
    private static List<String> notices(GreenMail greenMail, String recipient) {
        return bodies(greenMail, recipient, "passed its first response deadline");
    }

    /** The bodies of the mails {@code recipient} received that say {@code what}. */
    private static List<String> bodies(GreenMail greenMail, String recipient, String what) {
        return java.util.Arrays.stream(greenMail.getReceivedMessagesForDomain(recipient)).map(GreenMailUtil::getBody)
                .map(b -> b.replace("=\r\n", "")).filter(b -> b.contains(what)).toList();
    }

    private List<JsonObject> warnings(long ticket) {
        return admin.get("/api/tickets/" + ticket + "/history").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(h -> h.getString("kind").equals("sla_warning")).toList();
    }

    /** The ticket's history entries that record a deadline passed. */
    private List<JsonObject> escalations(long ticket) {
        return admin.get("/api/tickets/" + ticket + "/history").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(h -> h.getString("kind").equals("escalated")).toList();
    }

    private List<Long> escalated(String queue) {
        return admin.get("/api/tickets?queue=" + queue + "&escalated=true").expect(200).json().getJsonArray("items")
                .stream().map(i -> i.asJsonObject().getJsonNumber("number").longValue()).toList();
    }
}
