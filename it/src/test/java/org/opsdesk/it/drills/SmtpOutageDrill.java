package org.opsdesk.it.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.support.Mails;

/**
 * Drill 3 of #8: with the SMTP server down, 20 customers write in (20 autoreplies) and an agent answers each
 * ticket (20 replies). All 40 wait in the outbox; when the SMTP server returns, each customer receives exactly
 * their two mails, once, and the outbox says sent.
 */
@ExtendWith({ArquillianExtension.class, DrillReport.class})
@RunAsClient
class SmtpOutageDrill {

    static final int CUSTOMERS = 20;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api admin = Api.admin();

    @RepeatedTest(3)
    @DisplayName("smtp-outage")
    void smtpOutage() {
        String queue = Fixtures.unique("smtp");
        admin.post("/api/queues", Json.createObjectBuilder().add("name", queue)
                .add("correspondAddress", queue + "@support.example").add("autoReply", true).build()).expect(201);
        List<String> customers = new ArrayList<>();
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = Fixtures.unique("c" + i) + "@customer.example";
            customers.add(customer);
            long n = admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Outage " + i)
                    .text("Is it down?").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
            tickets.add(n);
            admin.post("/api/tickets/" + n + "/replies", "{\"body\":\"We are on it (" + i + ").\"}").expect(201);
        }
        await("every mail tried and queued").atMost(Duration.ofSeconds(60)).until(() -> tickets.stream()
                .allMatch(n -> outbox(n).size() == 2 && outbox(n).stream().allMatch(o -> o.getInt("attempts") >= 1
                        && o.getString("state").equals("queued"))));
        DrillReport.figure("queued", tickets.stream().mapToInt(n -> outbox(n).size()).sum());

        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP);
        long t0 = System.nanoTime();
        greenMail.start();
        try {
            await("every mail sent").atMost(Duration.ofMinutes(2)).until(() -> tickets.stream()
                    .allMatch(n -> outbox(n).stream().allMatch(o -> o.getString("state").equals("sent"))));
            DrillReport.figure("seconds_to_deliver", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
            await("nothing sent twice").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> greenMail.getReceivedMessages().length == 2 * CUSTOMERS);
            for (String customer : customers) {
                assertThat(greenMail.getReceivedMessagesForDomain(customer)).as(customer).hasSize(2);
            }
            DrillReport.figure("delivered", greenMail.getReceivedMessages().length);
        } finally {
            greenMail.stop();
        }
    }

    private List<JsonObject> outbox(long ticket) {
        return admin.get("/api/mail/outbox?ticket=" + ticket).expect(200).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
    }
}
