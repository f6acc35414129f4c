package org.opsdesk.it.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;
import org.opsdesk.it.support.Mails;
import org.opsdesk.it.support.StartTlsFront;

/**
 * The mail gateway end to end, with GreenMail as the real SMTP, IMAP and POP3 server on loopback (the
 * test server sends to 127.0.0.1:3025).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailGatewayIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api admin = Api.admin();
    private GreenMail greenMail;

    @BeforeEach
    void startMailServer() {
        greenMail = new GreenMail(ServerSetupTest.ALL); // IMAPS and POP3S with the key of src/test/tls
        greenMail.start();
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    private String queue(boolean autoReply) {
        String name = Fixtures.unique("mq");
        admin.post("/api/queues", Json.createObjectBuilder().add("name", name)
                .add("correspondAddress", name + "@support.example").add("commentAddress", name + "-comment@support.example")
                .add("autoReply", autoReply).build()).expect(201);
        return name;
    }

    @Test
    void pipedMailBecomesATicketOnceAndADuplicateIsAcknowledged() {
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        byte[] raw = Mails.from(customer).to(queue + "@support.example").subject("Printer on fire").text("Help!").bytes();
        JsonObject first = admin.mail(queue, raw).expect(200).json();
        assertThat(first.getString("disposition")).isEqualTo("created");
        long n = first.getJsonNumber("ticket").longValue();
        JsonObject ticket = admin.get("/api/tickets/" + n).expect(200).json();
        assertThat(ticket.getString("subject")).isEqualTo("Printer on fire");
        assertThat(ticket.getString("queue")).isEqualTo(queue);
        assertThat(ticket.getJsonArray("requesters").getString(0)).isEqualTo(customer);
        assertThat(ticket.getJsonArray("messages").getJsonObject(0).getString("text")).contains("Help!");

        JsonObject again = admin.mail(queue, raw).expect(200).json();
        assertThat(again.getString("disposition")).isEqualTo("duplicate");
        assertThat(again.getJsonNumber("ticket").longValue()).isEqualTo(n);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages")).hasSize(1);
    }

    @Test
    void mailFromABlockedSenderIsKeptAndIgnoredUntilTheBlockEnds() {
        String queue = queue(false);
        String spamDomain = Fixtures.unique("spam") + ".example";
        String customer = Fixtures.unique("carol") + "@customer.example";
        JsonObject rule = admin.post("/api/mail/blocked", Json.createObjectBuilder().add("pattern", "@" + spamDomain)
                .add("note", "pharmacy spam").build()).expect(201).json();
        assertThat(rule.getString("pattern")).isEqualTo("@" + spamDomain);
        assertThat(rule.getString("createdBy")).isEqualTo("admin");
        assertThat(admin.post("/api/mail/blocked", Json.createObjectBuilder().add("pattern", spamDomain.toUpperCase())
                .build()).expect(409).json().getString("error")).isEqualTo("already_blocked");
        assertThat(admin.post("/api/mail/blocked", "{\"pattern\":\"not a domain\"}").expect(400).json()
                .getString("error")).isEqualTo("invalid_pattern");
        assertThat(admin.post("/api/mail/blocked", "{}").expect(400).json().getString("error"))
                .isEqualTo("pattern_required");
        Api.basic(Fixtures.agent(false), Fixtures.PASSWORD).post("/api/mail/blocked", "{\"pattern\":\"x.example\"}")
                .expect(403);

        JsonObject spam = admin.mail(queue, Mails.from("bot@mx." + spamDomain).to(queue + "@support.example")
                .subject("Cheap pills").text("buy now").bytes()).expect(200).json();
        assertThat(spam.getString("disposition")).isEqualTo("ignored");
        assertThat(spam.isNull("ticket")).isTrue();
        assertThat(spam.getString("reason")).isEqualTo("sender blocked (@" + spamDomain + ")");
        assertThat(admin.get("/api/mail/ignored").expect(200).json().getJsonArray("items")).anySatisfy(i -> {
            assertThat(i.asJsonObject().getJsonNumber("id").longValue())
                    .isEqualTo(spam.getJsonNumber("inboundId").longValue());
            assertThat(i.asJsonObject().getString("reason")).isEqualTo("sender blocked (@" + spamDomain + ")");
        });

        // a requester blocked: their answer to their own ticket is kept and ignored too, until the block ends
        long n = admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("VPN down")
                .text("since 9").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        long carolRule = admin.post("/api/mail/blocked", Json.createObjectBuilder().add("pattern", customer)
                .add("note", "autoresponder loop").build()).expect(201).json().getJsonNumber("id").longValue();
        assertThat(admin.mail(queue, Mails.from(customer).to(queue + "@support.example")
                .subject("Re: [OpsDesk #" + n + "] VPN down").text("I am out of office").bytes()).expect(200).json()
                .getString("reason")).isEqualTo("sender blocked (" + customer + ")");
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages")).hasSize(1);
        assertThat(admin.get("/api/mail/blocked").expect(200).array()).extracting(b -> b.asJsonObject()
                .getString("pattern")).contains("@" + spamDomain, customer);

        admin.delete("/api/mail/blocked/" + carolRule).expect(204);
        admin.delete("/api/mail/blocked/" + carolRule).expect(404);
        JsonObject answer = admin.mail(queue, Mails.from(customer).to(queue + "@support.example")
                .subject("Re: [OpsDesk #" + n + "] VPN down").text("works again").bytes()).expect(200).json();
        assertThat(answer.getString("disposition")).isEqualTo("appended");
        assertThat(answer.getJsonNumber("ticket").longValue()).isEqualTo(n);
        admin.delete("/api/mail/blocked/" + rule.getJsonNumber("id").longValue()).expect(204);
    }

    @Test
    void aBlockKnowsACronJobByItsReturnPathAndAnIdnDomainInEitherFormAndSparesOurOwnAndAgentsAddresses() {
        String queue = queue(false);
        String host = Fixtures.unique("web") + ".example";
        long hostRule = admin.post("/api/mail/blocked", "{\"pattern\":\"" + host + "\"}").expect(201).json()
                .getJsonNumber("id").longValue();
        String cron = "Return-Path: <root@" + host + ">\r\nFrom: root (Cron Daemon)\r\nTo: " + queue
                + "@support.example\r\nSubject: Cron <root@web1> /usr/local/bin/backup\r\nMessage-ID: <"
                + Fixtures.unique("cron") + "@" + host + ">\r\nDate: Mon, 7 Dec 2026 03:00:01 +0000\r\n\r\n"
                + "rsync: connection unexpectedly closed\r\n";
        JsonObject outcome = admin.mail(queue, cron.getBytes(StandardCharsets.UTF_8)).expect(200).json();
        assertThat(outcome.getString("disposition")).isEqualTo("ignored");
        assertThat(outcome.getString("reason")).isEqualTo("sender blocked (@" + host + ")");
        admin.delete("/api/mail/blocked/" + hostRule).expect(204);

        String shop = Fixtures.unique("bücher") + ".example";
        long idnRule = admin.post("/api/mail/blocked", Json.createObjectBuilder().add("pattern", "@" + shop).build())
                .expect(201).json().getJsonNumber("id").longValue();
        JsonObject wire = admin.mail(queue, Mails.from("news@" + java.net.IDN.toASCII(shop)).to(queue
                + "@support.example").subject("Angebote").text("nur heute").bytes()).expect(200).json();
        assertThat(wire.getString("disposition")).as("the domain as mail carries it").isEqualTo("ignored");
        admin.delete("/api/mail/blocked/" + idnRule).expect(204);

        assertThat(admin.post("/api/mail/blocked", "{\"pattern\":\"" + queue + "@support.example\"}").expect(400)
                .json().getString("error")).isEqualTo("blocks_own_address");
        String agent = Fixtures.agent(false);
        assertThat(admin.post("/api/mail/blocked", "{\"pattern\":\"" + agent + "@ops.example\"}").expect(400)
                .json().getString("error")).isEqualTo("blocks_agent");
    }

    @Test
    void aBlockedSendersMailToAnAlertIntakeOpensNoAlert() {
        java.nio.file.Path formats = formatsOrSkip();
        String queue = queue(false);
        String source = Fixtures.unique("mon");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue).build())
                .expect(201);
        String sender = Fixtures.unique("nagios") + "@monitor.example";
        long rule = admin.post("/api/mail/blocked", "{\"pattern\":\"" + sender + "\"}").expect(201).json()
                .getJsonNumber("id").longValue();
        byte[] raw = new String(monitoringMail(formats,
                "nagios/mail/01-PROBLEM-Service-Alert-localhost-Disk-var-is-CRITICAL.eml", Fixtures.unique("blocked")),
                StandardCharsets.UTF_8).replace("nagios@vm", sender).getBytes(StandardCharsets.UTF_8);
        JsonObject outcome = admin.mailTo("/api/mail/inbound?queue=" + queue + "&alertSource=" + source, raw)
                .expect(200).json();
        assertThat(outcome.getString("disposition")).isEqualTo("ignored");
        assertThat(outcome.getString("reason")).isEqualTo("sender blocked (" + sender + ")");
        assertThat(admin.get("/api/tickets?queue=" + queue).expect(200).json().getInt("total")).isZero();
        admin.delete("/api/mail/blocked/" + rule).expect(204);
    }

    @Test
    void aMailLargerThanTheServersDefaultRequestLimitIsTaken() {
        // Undertow reads at most 10 MB of a request unless told otherwise (OPSDESK_MAX_REQUEST_BYTES)
        String queue = queue(false);
        byte[] file = new byte[11 * 1024 * 1024];
        new java.util.Random(7).nextBytes(file);
        String raw = "From: " + Fixtures.unique("big") + "@customer.example\r\nTo: " + queue + "@support.example\r\n"
                + "Subject: Core dump attached\r\nMessage-ID: <" + Fixtures.unique("big") + "@customer.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nThe dump is attached.\r\n"
                + "--b1\r\nContent-Type: application/octet-stream; name=\"core.bin\"\r\n"
                + "Content-Disposition: attachment; filename=\"core.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(file) + "\r\n--b1--\r\n";
        assertThat(raw.length()).isGreaterThan(14 * 1024 * 1024);

        JsonObject answer = admin.mail(queue, raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).expect(200)
                .json();

        assertThat(answer.getString("disposition")).isEqualTo("created");
        JsonObject message = admin.get("/api/tickets/" + answer.getJsonNumber("ticket")).expect(200).json()
                .getJsonArray("messages").getJsonObject(0);
        assertThat(message.getString("text")).contains("The dump is attached.");
        // over this test server's attachment limit (1 MB): kept in the raw mail, skipped on the ticket with a note
        assertThat(message.getJsonArray("attachments")).isEmpty();
    }

    @Test
    void concurrentDeliveriesOfOneMailMakeOneTicket() throws Exception {
        String queue = queue(false);
        byte[] raw = Mails.from(Fixtures.unique("c") + "@customer.example").to(queue + "@support.example")
                .subject("Twice at once").text("same mail, two paths").bytes();

        List<JsonObject> outcomes = pipedAtOnce(queue, java.util.Collections.nCopies(8, raw));

        List<Long> tickets = outcomes.stream().map(o -> o.getJsonNumber("ticket").longValue()).toList();
        assertThat(tickets).as("every delivery's outcome: %s", outcomes).containsOnly(tickets.get(0));
        assertThat(admin.get("/api/tickets?queue=" + queue).expect(200).json().getInt("total")).isEqualTo(1);
        // stored once: every delivery is answered with the one stored mail (those that waited for the first one's
        // commit with its outcome, later ones as duplicates), and the ticket holds one message
        assertThat(outcomes).extracting(o -> o.getJsonNumber("inboundId").longValue()).containsOnly(
                outcomes.get(0).getJsonNumber("inboundId").longValue());
        assertThat(outcomes).extracting(o -> o.getString("disposition")).isSubsetOf("created", "duplicate");
        assertThat(admin.get("/api/tickets/" + tickets.get(0)).expect(200).json().getJsonArray("messages")).hasSize(1);
    }

    /**
     * An agent downloads the mail a message was read from, byte for byte as it arrived (RT's "show full headers",
     * Zammad's "download original"); a message written in OpsDesk has none, and a message is looked for in its ticket.
     */
    @Test
    void theMailAMessageWasReadFromIsDownloadedAsItArrived() throws Exception {
        String queue = queue(false);
        String customer = Fixtures.unique("c") + "@customer.example";
        Mails.Builder question = Mails.from(customer).to(queue + "@support.example").subject("Backup failed")
                .header("X-Mailer", "Original Test Mailer 1.0")
                .textWithAttachment("The backup job failed.", "backup.log", "text/plain",
                        "ERROR 0x80070005".getBytes(StandardCharsets.US_ASCII));
        byte[] raw = question.bytes();
        long n = admin.mail(queue, raw).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + n + "/replies", "{\"body\":\"Which job?\"}").expect(201);
        byte[] answer = Mails.from(customer).to(queue + "@support.example").subject("Re: Backup failed")
                .header("In-Reply-To", question.messageId()).text("The nightly one.").bytes();
        assertThat(admin.mail(queue, answer).expect(200).json().getString("disposition")).isEqualTo("appended");

        JsonArray messages = admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.stream().map(m -> m.asJsonObject().getBoolean("original")))
                .containsExactly(true, false, true);
        long first = messages.getJsonObject(0).getJsonNumber("id").longValue();
        Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        Api.Reply original = agent.get("/api/tickets/" + n + "/messages/" + first + "/original").expect(200);
        assertThat(original.bytes()).isEqualTo(raw);
        assertThat(original.header("Content-Type")).startsWith("message/rfc822");
        assertThat(original.header("Content-Disposition")).contains("ticket-" + n + "-message-" + first + ".eml");
        assertThat(original.header("X-Content-Type-Options")).isEqualTo("nosniff");
        long third = messages.getJsonObject(2).getJsonNumber("id").longValue();
        assertThat(agent.get("/api/tickets/" + n + "/messages/" + third + "/original").expect(200).bytes())
                .isEqualTo(answer);

        long reply = messages.getJsonObject(1).getJsonNumber("id").longValue();
        JsonObject none = agent.get("/api/tickets/" + n + "/messages/" + reply + "/original").expect(404).json();
        assertThat(none.getString("error")).isEqualTo("no_original");
        assertThat(none.getString("message")).contains("was not read from a mail");
        // another ticket's message is not found under this one, though it came by mail
        long other = admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Other")
                .text("Another thing.").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        long foreign = admin.get("/api/tickets/" + other).expect(200).json().getJsonArray("messages")
                .getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(agent.get("/api/tickets/" + n + "/messages/" + foreign + "/original").expect(404).json()
                .getString("error")).isEqualTo("message_not_found");
        assertThat(agent.get("/api/tickets/" + other + "/messages/" + foreign + "/original").expect(200).bytes())
                .isNotEmpty();
        Api.anonymous().get("/api/tickets/" + n + "/messages/" + first + "/original").expect(401);
    }

    @Test
    void repliesOfOneThreadArrivingAtOnceAllLandOnTheTicket() throws Exception {
        // each append bumps the ticket's version: all but one of the racing transactions fail their version check,
        // and must be processed again rather than quarantined
        String queue = queue(false);
        String customer = Fixtures.unique("c") + "@customer.example";
        Mails.Builder question = Mails.from(customer).to(queue + "@support.example").subject("Disk alarms")
                .text("The disk alarm fires.");
        long n = admin.mail(queue, question.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        List<byte[]> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(Mails.from(customer).to(queue + "@support.example").subject("Re: Disk alarms")
                    .header("In-Reply-To", question.messageId()).text("Update " + i + ": still firing.").bytes());
        }

        for (JsonObject outcome : pipedAtOnce(queue, replies)) {
            assertThat(outcome.getString("disposition")).as(outcome.toString()).isEqualTo("appended");
            assertThat(outcome.getJsonNumber("ticket").longValue()).isEqualTo(n);
        }
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages"))
                .hasSize(1 + replies.size());
    }

    @Test
    void mailsCarryingOneNewAttachmentArrivingAtOnceAllBecomeTickets() throws Exception {
        // the bytes of an attachment are stored once per SHA-256: the racing transactions that store the same new
        // bytes lose over its key, and must be processed again rather than quarantined (a company logo in the
        // signatures of two customers' mails was enough)
        String queue = queue(false);
        for (int round = 0; round < 4; round++) {
            byte[] logo = ("GIF89a " + Fixtures.unique("logo")).getBytes(StandardCharsets.US_ASCII);
            List<byte[]> mails = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                mails.add(Mails.from(Fixtures.unique("c") + "@customer.example").to(queue + "@support.example")
                        .subject("Printer " + round + "." + i)
                        .textWithAttachment("See the logo.", "logo.gif", "image/gif", logo).bytes());
            }
            for (JsonObject outcome : pipedAtOnce(queue, mails)) {
                assertThat(outcome.getString("disposition")).as(outcome.toString()).isEqualTo("created");
                JsonObject ticket = admin.get("/api/tickets/" + outcome.getJsonNumber("ticket").longValue())
                        .expect(200).json();
                assertThat(ticket.getJsonArray("messages").getJsonObject(0).getJsonArray("attachments"))
                        .hasSize(1);
            }
        }
    }

    @Test
    void copiesOfOneMailArrivingAtOnceAreOneCreationAndTheRestDuplicates() throws Exception {
        // the copies that found the mail stored but not yet processed used to answer "created" too, so that a
        // client counting creations counted one ticket several times
        String queue = queue(false);
        for (int round = 0; round < 3; round++) {
            byte[] raw = Mails.from(Fixtures.unique("c") + "@customer.example").to(queue + "@support.example")
                    .subject("copies " + round).text("once").bytes();
            List<JsonObject> outcomes = pipedAtOnce(queue, java.util.Collections.nCopies(8, raw));
            assertThat(outcomes.stream().map(o -> o.getString("disposition"))).as(outcomes.toString())
                    .containsOnly("created", "duplicate").containsOnlyOnce("created");
            assertThat(outcomes.stream().map(o -> o.getJsonNumber("ticket").longValue()).distinct()).hasSize(1);
        }
    }

    @Test
    void copiesOfOneAlertMailArrivingAtOnceAreOneAlertAndTheRestDuplicates() throws Exception {
        // a copy that found the alert recorded by another answered that one's "created", as did a copy whose
        // processing failed while another delivered the mail: one alert, one creation, however many copies
        java.nio.file.Path formats = formatsOrSkip();
        String queue = queue(false);
        String source = Fixtures.unique("mon");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue)
                .add("resolveOnRecovery", true).build()).expect(201);
        for (int round = 0; round < 3; round++) {
            byte[] raw = monitoringMail(formats, "nagios/mail/01-PROBLEM-Service-Alert-localhost-Disk-var-is-CRITICAL.eml",
                    Fixtures.unique("copies"));
            List<JsonObject> outcomes = postedAtOnce("/api/mail/inbound?queue=" + queue + "&alertSource=" + source,
                    java.util.Collections.nCopies(8, raw));
            assertThat(outcomes.stream().map(o -> o.getString("disposition"))).as(outcomes.toString())
                    .containsOnly(round == 0 ? "created" : "appended", "duplicate")
                    .containsOnlyOnce(round == 0 ? "created" : "appended");
            assertThat(outcomes.stream().map(o -> o.getJsonNumber("ticket").longValue()).distinct()).hasSize(1);
        }
    }

    @Test
    void aSenderWritingOnManyStreamsAtOnceGetsNoMoreAutorepliesThanTheHourlyLimit() throws Exception {
        // counting the hour's automatic mail and adding one were two steps: 12 new tickets at once got 8 autoreplies
        String queue = queue(true);
        String sender = Fixtures.unique("flood") + "@customer.example";
        List<byte[]> mails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            mails.add(Mails.from(sender).to(queue + "@support.example").subject("flood " + i).text("again").bytes());
        }
        List<JsonObject> outcomes = pipedAtOnce(queue, mails);
        long autoreplies = outcomes.stream().map(o -> o.getJsonNumber("ticket").longValue()).distinct()
                .mapToLong(n -> outbox(n).stream().filter(o -> o.getString("kind").equals("autoreply")).count()).sum();
        assertThat(outcomes).allMatch(o -> o.getString("disposition").equals("created"));
        assertThat(autoreplies).isEqualTo(5); // OPSDESK_MAIL_AUTO_PER_RECIPIENT
    }

    /** Pipes the mails to the queue all at once, one thread each; answers their outcomes in order. */
    private List<JsonObject> pipedAtOnce(String queue, List<byte[]> mails) throws Exception {
        return postedAtOnce("/api/mail/inbound?queue=" + queue + "&action=correspond", mails);
    }

    /** Posts the mails to the intake {@code path} all at once, one thread each; answers their outcomes in order. */
    private List<JsonObject> postedAtOnce(String path, List<byte[]> mails) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(mails.size());
        try {
            List<Future<JsonObject>> results = new ArrayList<>();
            for (byte[] raw : mails) {
                results.add(pool.submit(() -> admin.mailTo(path, raw).expect(200).json()));
            }
            List<JsonObject> outcomes = new ArrayList<>();
            for (Future<JsonObject> f : results) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** An admin writes the queue's own autoreply text; its placeholders are filled in; a typo in one is refused. */
    @Test
    void aQueuesOwnAutoreplyTextIsSent() throws Exception {
        String queue = queue(true);
        JsonObject shown = admin.get("/api/queues/" + queue).expect(200).json();
        assertThat(shown.getBoolean("autoReplyTemplateDefault")).isTrue();
        assertThat(shown.getString("autoReplyTemplate")).contains("{{ticket.number}}");

        Api.Reply typo = admin.patch("/api/queues/" + queue, Json.createObjectBuilder()
                .add("autoReplyTemplate", "We got it: {{ticket.id}}").build()).expect(400);
        assertThat(typo.json().getString("message")).contains("{{ticket.id}}").contains("{{ticket.number}}");

        admin.patch("/api/queues/" + queue, Json.createObjectBuilder().add("autoReplyTemplate",
                "Dear {{requester.name}},\r\n\r\nwe track \"{{ticket.subject}}\" as {{ticket.tag}} in {{queue.name}}.\r\n")
                .build()).expect(200);
        String customer = Fixtures.unique("cust") + "@customer.example";
        byte[] raw = Mails.from("Alice Doe <" + customer + ">").to(queue + "@support.example")
                .subject("Printer jams").text("Again.").bytes();
        long n = admin.mail(queue, raw).expect(200).json().getJsonNumber("ticket").longValue();

        MimeMessage autoreply = awaitMail(customer, 1).get(0);
        assertThat(GreenMailUtil.getBody(autoreply).replace("\r\n", "\n").strip()).isEqualTo(
                "Dear Alice Doe,\n\nwe track \"Printer jams\" as [OpsDesk #" + n + "] in " + queue + ".");
        assertThat(autoreply.getSubject()).isEqualTo("[OpsDesk #" + n + "] Printer jams");

        admin.patch("/api/queues/" + queue, Json.createObjectBuilder().add("autoReplyTemplate", "").build())
                .expect(200);
        assertThat(admin.get("/api/queues/" + queue).expect(200).json().getBoolean("autoReplyTemplateDefault"))
                .isTrue();
    }

    @Test
    void replyGoesOutThreadedAndTheCustomersAnswerLandsOnTheSameTicket() throws Exception {
        String queue = queue(true);
        String customer = Fixtures.unique("cust") + "@customer.example";
        Mails.Builder question = Mails.from(customer).to(queue + "@support.example").subject("VPN drops every hour")
                .text("Since Monday the VPN drops.");
        long n = admin.mail(queue, question.bytes()).expect(200).json().getJsonNumber("ticket").longValue();

        MimeMessage autoreply = awaitMail(customer, 1).get(0);
        assertThat(autoreply.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(autoreply.getSubject()).contains("[OpsDesk #" + n + "]");
        assertThat(autoreply.getHeader("In-Reply-To")[0]).isEqualTo(question.messageId());

        Mails.Builder note = Mails.from(Fixtures.agent(false) + "@ops.example").to(queue + "-comment@support.example")
                .subject("Re: VPN drops every hour").header("In-Reply-To", question.messageId()).text("known issue");
        admin.mail(queue, "comment", note.bytes()).expect(200);
        admin.post("/api/tickets/" + n + "/replies", "{\"body\":\"Please try the new client.\"}").expect(201);
        MimeMessage reply = awaitMail(customer, 2).get(1);
        assertThat(reply.getSubject()).isEqualTo("[OpsDesk #" + n + "] Re: VPN drops every hour");
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo(question.messageId());
        // the thread as the customer saw it, oldest first; not the internal comment's id
        assertThat(reply.getHeader("References")[0].replaceAll("\\s+", " ")) // folded when long
                .isEqualTo(question.messageId() + " " + autoreply.getHeader("Message-ID")[0]);
        assertThat(reply.getHeader("Message-ID")[0]).startsWith("<opsdesk." + n + ".");
        assertThat(reply.getHeader("X-OpsDesk-Loop")).isNotNull();
        assertThat(reply.getHeader("Auto-Submitted")).isNull();
        assertThat(reply.getReplyTo()[0].toString()).isEqualTo(queue + "@support.example");
        assertThat(GreenMailUtil.getBody(reply)).contains("Please try the new client.");

        byte[] answer = Mails.from(customer).to(queue + "@support.example").subject("Re: " + reply.getSubject())
                .header("In-Reply-To", reply.getHeader("Message-ID")[0])
                .header("References", question.messageId() + " " + reply.getHeader("Message-ID")[0])
                .text("The new client works, thanks.").bytes();
        JsonObject appended = admin.mail(queue, answer).expect(200).json();
        assertThat(appended.getString("disposition")).isEqualTo("appended");
        assertThat(appended.getJsonNumber("ticket").longValue()).isEqualTo(n);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages")).as("with the comment")
                .hasSize(4);
    }

    @Test
    void aCcNoMailCanGoToDoesNotKeepTheReplyFromTheCustomer() {
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        // a local part ending in a dot: some mobile carriers issued such addresses; Jakarta Mail sends to none
        String odd = Fixtures.unique("taro") + ".@docomo.example";
        byte[] question = Mails.from(customer).to(queue + "@support.example").header("Cc", odd)
                .subject("Printer jammed").text("Again.").bytes();
        long n = admin.mail(queue, question).expect(200).json().getJsonNumber("ticket").longValue();
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().toString()).contains(odd);

        admin.post("/api/tickets/" + n + "/replies", "{\"body\":\"Open the side door.\"}").expect(201);

        assertThat(GreenMailUtil.getBody(awaitMail(customer, 1).get(0))).contains("Open the side door.");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outbox(n))
                .filteredOn(o -> o.getString("kind").equals("reply")).singleElement().satisfies(o -> {
                    assertThat(o.getString("state")).isEqualTo("sent");
                    assertThat(o.getString("lastError")).contains("not sent to " + odd);
                }));
    }

    @Test
    void aBounceOfAMailSentBeforeItsTicketWasMergedStillMarksTheRecipient() {
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        long merged = admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Disk A")
                .text("a").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + merged + "/replies", "{\"body\":\"looking\"}").expect(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(merged).stream()
                .anyMatch(o -> o.getString("kind").equals("reply") && o.getString("state").equals("sent")));
        String ours = outbox(merged).get(0).getString("messageId");
        long into = admin.post("/api/tickets", Json.createObjectBuilder().add("queue", queue).add("subject", "Disk")
                .add("body", "b").build()).expect(201).json().getJsonNumber("number").longValue();
        admin.post("/api/tickets/" + merged + "/merge", "{\"into\":" + into + "}").expect(200);

        JsonObject bounce = admin.mail(queue, deliveryReport(queue, customer, ours)).expect(200).json();

        assertThat(bounce.getString("disposition")).isEqualTo("appended");
        assertThat(bounce.getJsonNumber("ticket").longValue()).isEqualTo(into);
        // marked: their next new ticket is not acknowledged (before, the report marked nobody: the mail it returns
        // went out on the merged ticket's number)
        String acknowledging = queue(true);
        long next = admin.mail(acknowledging, Mails.from(customer).to(acknowledging + "@support.example")
                .subject("Still slow").text("x").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        assertThat(outbox(next)).noneMatch(o -> o.getString("kind").equals("autoreply"));
    }

    @Test
    void aReportQuotingAStoredMessageIdInsteadOfOneOfOursMarksNobody() {
        // the customer's own Message-ID is known to anyone who saw the thread: a made-up report quoting it paused
        // their automatic mail for a day
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        Mails.Builder first = Mails.from(customer).to(queue + "@support.example").subject("Disk B").text("b");
        long n = admin.mail(queue, first.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + n + "/replies", "{\"body\":\"looking\"}").expect(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(n).stream()
                .anyMatch(o -> o.getString("kind").equals("reply") && o.getString("state").equals("sent")));
        String stored = first.messageId().replaceAll("^<|>$", "");

        JsonObject forged = admin.mail(queue, deliveryReport(queue, customer, stored)).expect(200).json();

        assertThat(forged.getString("disposition")).as("still filed with the thread it names").isEqualTo("appended");
        assertThat(forged.getJsonNumber("ticket").longValue()).isEqualTo(n);
        String acknowledging = queue(true);
        long next = admin.mail(acknowledging, Mails.from(customer).to(acknowledging + "@support.example")
                .subject("Still slow").text("x").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(next).stream()
                .anyMatch(o -> o.getString("kind").equals("autoreply")));
    }

    @Test
    void aForgedSubjectTagFromAStrangerOpensANewLinkedTicket() {
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        long n = admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Invoice question")
                .text("private details").bytes()).expect(200).json().getJsonNumber("ticket").longValue();

        JsonObject forged = admin.mail(queue, Mails.from(Fixtures.unique("mallory") + "@evil.example")
                .to(queue + "@support.example").subject("Re: [OpsDesk #" + n + "] Invoice question")
                .text("add me please").bytes()).expect(200).json();
        assertThat(forged.getString("disposition")).isEqualTo("created");
        long other = forged.getJsonNumber("ticket").longValue();
        assertThat(other).isNotEqualTo(n);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages")).hasSize(1);
        assertThat(admin.get("/api/tickets/" + other).expect(200).json().getJsonArray("links").getJsonObject(0)
                .getString("type")).isEqualTo("refers-to");

        JsonObject tagged = admin.mail(queue, Mails.from(customer).to(queue + "@support.example")
                .subject("Re: [OpsDesk #" + n + "] Invoice question").text("one more thing").bytes()).expect(200).json();
        assertThat(tagged.getString("disposition")).isEqualTo("appended");
        assertThat(tagged.getJsonNumber("ticket").longValue()).isEqualTo(n);

        // an agent writing from their own address, with the tag, is on the ticket's side too
        String agent = Fixtures.agent(false);
        JsonObject fromAgent = admin.mail(queue, Mails.from(agent + "@ops.example").to(queue + "@support.example")
                .subject("Re: [OpsDesk #" + n + "] Invoice question").text("looking into it").bytes()).expect(200)
                .json();
        assertThat(fromAgent.getString("disposition")).isEqualTo("appended");
        assertThat(fromAgent.getJsonNumber("ticket").longValue()).isEqualTo(n);

        // someone on the ticket's Cc list is on its side as well
        String colleague = Fixtures.unique("colleague") + "@customer.example";
        long withCc = admin.mail(queue, Mails.from(customer).to(queue + "@support.example").header("Cc", colleague)
                .subject("Purchase order").text("see the PO").bytes()).expect(200).json().getJsonNumber("ticket")
                .longValue();
        JsonObject fromCc = admin.mail(queue, Mails.from(colleague).to(queue + "@support.example")
                .subject("Re: [OpsDesk #" + withCc + "] Purchase order").text("adding the PO number").bytes())
                .expect(200).json();
        assertThat(fromCc.getString("disposition")).isEqualTo("appended");
        assertThat(fromCc.getJsonNumber("ticket").longValue()).isEqualTo(withCc);
    }

    @Test
    void anAutoReplyLoopIsCut() {
        String queue = queue(true);
        String robot = Fixtures.unique("robot") + "@customer.example";
        long n = admin.mail(queue, Mails.from(robot).to(queue + "@support.example").subject("Disk alert")
                .text("disk full").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(n).size() == 1);
        String ourId = outbox(n).get(0).getString("messageId");
        for (int i = 0; i < 3; i++) {
            JsonObject r = admin.mail(queue, Mails.from(robot).to(queue + "@support.example")
                    .subject("Out of office: [OpsDesk #" + n + "] Disk alert").header("Auto-Submitted", "auto-replied")
                    .header("In-Reply-To", "<" + ourId + ">").text("I am away").bytes()).expect(200).json();
            assertThat(r.getString("disposition")).isEqualTo("appended");
        }
        assertThat(outbox(n)).hasSize(1);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("status")).isEqualTo("new");

        JsonObject loop = admin.mail(queue, Mails.from(robot).to(queue + "@support.example").subject("looped")
                .header("X-OpsDesk-Loop", "it.example").text("came back").bytes()).expect(200).json();
        assertThat(loop.getString("disposition")).isEqualTo("ignored");
        assertThat(loop.getString("reason")).contains("loop");
    }

    /**
     * A robot's own mail that threads to no ticket (a cloud alarm from a no-reply sender, a cron report) is a ticket
     * of its own, as in RT and Zammad: recorded, never answered; it used to be ignored, seen by nobody. An automatic
     * answer to no ticket of ours is still ignored. Another installation's loop mark is no loop of ours.
     */
    @Test
    void unthreadedAutomaticMailBecomesATicketThatIsNotAnswered() {
        String queue = queue(true);
        JsonObject alarm = admin.mail(queue, Mails.from(Fixtures.unique("no-reply") + "@sns.cloud.example")
                .to(queue + "@support.example").subject("ALARM: \"disk-db01\" in eu-west-1")
                .header("Auto-Submitted", "auto-generated").text("Threshold crossed").bytes()).expect(200).json();
        assertThat(alarm.getString("disposition")).isEqualTo("created");
        assertThat(alarm.getString("reason")).contains("automatic mail");
        long n = alarm.getJsonNumber("ticket").longValue();
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("subject")).contains("disk-db01");
        assertThat(outbox(n)).as("no autoreply to machine mail").isEmpty();

        // an out-of-office answer to something that is no ticket of ours (a list member's, say) makes none
        JsonObject away = admin.mail(queue, Mails.from(Fixtures.unique("member") + "@customer.example")
                .to(queue + "@support.example").subject("Automatic reply: newsletter")
                .header("Auto-Submitted", "auto-replied").text("I am away").bytes()).expect(200).json();
        assertThat(away.getString("disposition")).isEqualTo("ignored");
        assertThat(away.getString("reason")).contains("auto-reply").contains("no known ticket");

        String partner = Fixtures.unique("person") + "@partner.example";
        JsonObject human = admin.mail(queue, Mails.from(partner).to(queue + "@support.example")
                .subject("Question from our desk").header("X-OpsDesk-Loop", "helpdesk.partner.example")
                .text("Could you check?").bytes()).expect(200).json();
        assertThat(human.getString("disposition")).isEqualTo("created");
        long m = human.getJsonNumber("ticket").longValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(m).size() == 1);
    }

    @Test
    void smtpDownLeavesTheReplyQueuedUntilItComesBack() {
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        long n = admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("SMTP drill")
                .text("hello").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        greenMail.stop();
        admin.post("/api/tickets/" + n + "/replies", "{\"body\":\"queued while SMTP is down\"}").expect(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(n).stream()
                .anyMatch(o -> o.getInt("attempts") >= 1 && o.getString("state").equals("queued")));
        assertThat(outbox(n).get(0).getString("lastError")).isNotBlank();

        greenMail = new GreenMail(ServerSetupTest.ALL);
        greenMail.start();
        List<MimeMessage> received = awaitMail(customer, 1);
        assertThat(GreenMailUtil.getBody(received.get(0))).contains("queued while SMTP is down");
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(n).get(0).getString("state").equals("sent"));
        assertThat(greenMail.getReceivedMessagesForDomain(customer)).hasSize(1);
    }

    @Test
    void imapAndPop3MailboxesArePolledAndEmptiedAfterCommit() {
        // plain and TLS (the server checks the certificate and that it names the host it connects to)
        for (String[] box : List.of(new String[] {"IMAP", "PLAIN", "" + ServerSetupTest.IMAP.getPort()},
                new String[] {"POP3", "PLAIN", "" + ServerSetupTest.POP3.getPort()},
                new String[] {"IMAP", "TLS", "" + ServerSetupTest.IMAPS.getPort()},
                new String[] {"POP3", "TLS", "" + ServerSetupTest.POP3S.getPort()})) {
            pollOnce(box[0], box[1], Integer.parseInt(box[2]));
        }
        try (StartTlsFront imap = StartTlsFront.start(StartTlsFront.Protocol.IMAP, ServerSetupTest.IMAP.getPort());
                StartTlsFront pop3 = StartTlsFront.start(StartTlsFront.Protocol.POP3, ServerSetupTest.POP3.getPort())) {
            pollOnce("IMAP", "STARTTLS", imap.port());
            pollOnce("POP3", "STARTTLS", pop3.port());
        }
        Api.basic(Fixtures.agent(false), Fixtures.PASSWORD).get("/api/mail/mailboxes").expect(403);
    }

    private void pollOnce(String protocol, String security, int port) {
        String queue = queue(false);
        String box = Fixtures.unique("box") + "@support.example";
        greenMail.setUser(box, box, "box-password-1");
        String subject = "polled via " + protocol + " " + security + " " + Fixtures.unique("s");
        GreenMailUtil.sendTextEmail(box, Fixtures.unique("c") + "@customer.example", subject, "from a mailbox",
                ServerSetupTest.SMTP);
        String mailbox = mailbox(protocol, security, port, box, queue, 1);
        await(protocol + " " + security + " polled").atMost(Duration.ofSeconds(60)).until(() -> admin.get(
                "/api/tickets?queue=" + queue).expect(200).json().getInt("total") == 1);
        assertThat(admin.get("/api/tickets?queue=" + queue).expect(200).json().getJsonArray("items")
                .getJsonObject(0).getString("subject")).isEqualTo(subject);
        awaitEmptied(box);
        assertThat(admin.get("/api/mail/mailboxes").expect(200).array().stream().map(JsonValue::asJsonObject)
                .noneMatch(m -> m.containsKey("password"))).isTrue();
        admin.delete("/api/mail/mailboxes/" + mailbox).expect(204);
    }

    @Test
    void aBacklogLargerThanOnePollIsTakenInWithoutWaitingOutThePollInterval() throws Exception {
        // 230 messages: a poll takes 200; the rest are polled again at once, not an hour later
        String queue = queue(false);
        String box = Fixtures.unique("backlog") + "@support.example";
        var user = greenMail.setUser(box, box, "box-password-1");
        int backlog = 230;
        String run = Fixtures.unique("b");
        for (int i = 0; i < backlog; i++) {
            MimeMessage m = GreenMailUtil.createTextEmail(box, Fixtures.unique("c") + "@customer.example",
                    "backlog " + run + " #" + i, "message " + i + " of the backlog", ServerSetupTest.SMTP);
            m.setHeader("Message-ID", "<" + run + "." + i + "@customer.example>");
            user.deliver(m);
        }
        String mailbox = mailbox("IMAP", "PLAIN", ServerSetupTest.IMAP.getPort(), box, queue, 3600);

        await("the whole backlog taken in").atMost(Duration.ofSeconds(90)).until(() -> admin.get(
                "/api/tickets?queue=" + queue).expect(200).json().getInt("total") == backlog);
        awaitEmptied(box);
        admin.delete("/api/mail/mailboxes/" + mailbox).expect(204);
    }

    /** Configures a mailbox on GreenMail (password {@code box-password-1}) for a queue; answers its name. */
    @Test
    void aMailboxFolderOtherThanTheInboxIsPolledAndItsMailBecomesComments() throws Exception {
        // an admin's choice of folder and action: only that folder is read, and its mail is an internal comment
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        Mails.Builder q = Mails.from(customer).to(queue + "@support.example").subject("Need a VPN").text("please");
        long n = admin.mail(queue, q.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        String box = Fixtures.unique("notes") + "@support.example";
        var user = greenMail.setUser(box, box, "box-password-1");
        var folder = greenMail.getManagers().getImapHostManager().createMailbox(user, "Comments");
        folder.appendMessage(new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(Mails.from(Fixtures.agent(false) + "@ops.example").to(box).subject("Re: Need a VPN")
                        .header("In-Reply-To", q.messageId()).text("approved, from the folder").bytes())),
                new jakarta.mail.Flags(), new java.util.Date());
        GreenMailUtil.sendTextEmail(box, customer, "left in the inbox", "not for OpsDesk", ServerSetupTest.SMTP);
        String mailbox = Fixtures.unique("mb");
        admin.post("/api/mail/mailboxes", Json.createObjectBuilder().add("name", mailbox).add("protocol", "IMAP")
                .add("host", "127.0.0.1").add("port", ServerSetupTest.IMAP.getPort()).add("security", "PLAIN")
                .add("username", box).add("password", "box-password-1").add("folder", "Comments")
                .add("queue", queue).add("action", "comment").add("pollSeconds", 1).build()).expect(201);

        await("the folder polled").atMost(Duration.ofSeconds(60)).until(() -> admin.get("/api/tickets/" + n)
                .expect(200).json().getJsonArray("messages").size() == 2);
        JsonObject note = admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages").getJsonObject(1);
        assertThat(note.getString("kind")).isEqualTo("comment");
        assertThat(note.getString("text")).contains("approved, from the folder");
        await("the folder emptied").atMost(Duration.ofSeconds(30)).until(() -> folder.getMessageCount() == 0);
        assertThat(greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount())
                .as("the inbox is not the configured folder: untouched").isEqualTo(1);
        assertThat(admin.get("/api/tickets?queue=" + queue).expect(200).json().getInt("total")).isEqualTo(1);
        admin.delete("/api/mail/mailboxes/" + mailbox).expect(204);
    }

    @Test
    void aMailboxMarkedAsAnAlertSourceTurnsMonitoringMailIntoAlerts() throws Exception {
        java.nio.file.Path formats = formatsOrSkip();
        String queue = queue(false);
        String source = Fixtures.unique("mon");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue)
                .add("resolveOnRecovery", true).build()).expect(201);
        String box = Fixtures.unique("nagios") + "@support.example";
        var user = greenMail.setUser(box, box, "box-password-1");
        byte[] raw = monitoringMail(formats, "nagios/mail/01-PROBLEM-Service-Alert-localhost-Disk-var-is-CRITICAL.eml",
                Fixtures.unique("poll"));
        greenMail.getManagers().getImapHostManager().getInbox(user).appendMessage(new MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(raw)),
                new jakarta.mail.Flags(), new java.util.Date());
        String mailbox = Fixtures.unique("mb");
        admin.post("/api/mail/mailboxes", Json.createObjectBuilder().add("name", mailbox).add("protocol", "IMAP")
                .add("host", "127.0.0.1").add("port", ServerSetupTest.IMAP.getPort()).add("security", "PLAIN")
                .add("username", box).add("password", "box-password-1").add("queue", queue)
                .add("alertSource", source).add("pollSeconds", 1).build()).expect(201);

        await("the monitoring mail polled").atMost(Duration.ofSeconds(60)).until(() -> admin.get("/api/tickets?queue="
                + queue).expect(200).json().getInt("total") == 1);
        long n = admin.get("/api/tickets?queue=" + queue).expect(200).json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("number").longValue();
        assertThat(admin.get("/api/tickets/" + n + "/alerts").expect(200).array()).singleElement()
                .satisfies(a -> assertThat(a.asJsonObject().getString("service")).contains("Disk /var"));
        assertThat(outbox(n)).as("no autoreply to the monitoring").isEmpty();
        admin.delete("/api/mail/mailboxes/" + mailbox).expect(204);
    }

    private String mailbox(String protocol, String security, int port, String user, String queue, int pollSeconds) {
        String mailbox = Fixtures.unique("mb");
        admin.post("/api/mail/mailboxes", Json.createObjectBuilder().add("name", mailbox).add("protocol", protocol)
                .add("host", "127.0.0.1").add("port", port).add("security", security).add("username", user)
                .add("password", "box-password-1").add("queue", queue).add("pollSeconds", pollSeconds).build())
                .expect(201);
        return mailbox;
    }

    @Test
    void addressesAndNamesThatCannotBeStoredAreRefusedOrKeptNotFailedInside() {
        // each of these was a 500 from the database: a unique or length constraint met after the checks
        String queue = queue(false);
        JsonObject taken = admin.post("/api/queues", Json.createObjectBuilder().add("name", Fixtures.unique("mq"))
                .add("correspondAddress", queue + "-comment@support.example").build()).expect(409).json();
        assertThat(taken.getString("error")).isEqualTo("address_taken");
        assertThat(taken.getString("message")).contains(queue);
        String other = queue(false);
        admin.patch("/api/queues/" + other, Json.createObjectBuilder()
                .add("correspondAddress", queue + "@support.example").build()).expect(409);
        admin.patch("/api/queues/" + other, Json.createObjectBuilder() // its own address again is no conflict
                .add("correspondAddress", other + "@support.example").build()).expect(200);

        assertThat(admin.post("/api/mail/mailboxes", Json.createObjectBuilder().add("name", Fixtures.unique("mb"))
                .add("protocol", "IMAP").add("host", "127.0.0.1").add("username", "u".repeat(255))
                .add("password", "box-password-1").add("queue", queue).build()).expect(400).json()
                .getString("message")).contains("username").contains("254");

        // a mail for a queue name no queue can have is kept and quarantined, like any unknown queue
        byte[] raw = Mails.from(Fixtures.unique("c") + "@customer.example").to("x@support.example")
                .subject("to a typo").text("hello").bytes();
        JsonObject kept = admin.mail("q".repeat(80), raw).expect(200).json();
        assertThat(kept.getString("disposition")).isEqualTo("quarantined");
    }

    @Test
    void aPolledMessageOverTheRequestLimitStaysOnTheServerAndHoldsUpNothing() throws Exception {
        // the pipe's limit (this test server: 72 MB, arquillian.xml) bounds polled mail too: fetched whole, a larger
        // message could exhaust the heap, and its Error skipped the poll's bookkeeping (claim held, nothing said)
        String queue = queue(false);
        String box = Fixtures.unique("huge") + "@support.example";
        var user = greenMail.setUser(box, box, "box-password-1");
        MimeMessage huge = GreenMailUtil.createTextEmail(box, Fixtures.unique("c") + "@customer.example", "a core dump",
                "x".repeat(73 * 1024 * 1024), ServerSetupTest.SMTP);
        user.deliver(huge);
        String subject = "after the huge one " + Fixtures.unique("s");
        user.deliver(GreenMailUtil.createTextEmail(box, Fixtures.unique("c") + "@customer.example", subject, "small",
                ServerSetupTest.SMTP));
        String mailbox = mailbox("IMAP", "PLAIN", ServerSetupTest.IMAP.getPort(), box, queue, 1);

        await("the small one taken in").atMost(Duration.ofSeconds(60)).until(() -> admin.get(
                "/api/tickets?queue=" + queue).expect(200).json().getInt("total") == 1);
        await("the huge one reported").atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/mail/mailboxes")
                .expect(200).array().stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("name").equals(mailbox))
                .anyMatch(m -> !m.isNull("lastError") && m.getString("lastError").contains("over the limit")));
        assertThat(greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount())
                .as("the huge one left on the server").isEqualTo(1);
        admin.delete("/api/mail/mailboxes/" + mailbox).expect(204);
    }

    @Test
    void aMailboxChangeIsCheckedAndADefaultPortFollowsTheSecurity() {
        String queue = queue(false);
        String mailbox = mailbox("IMAP", "PLAIN", 143, "someone@support.example", queue, 3600);
        JsonObject tls = admin.patch("/api/mail/mailboxes/" + mailbox, Json.createObjectBuilder()
                .add("security", "TLS").build()).expect(200).json();
        assertThat(tls.getInt("port")).as("143 was the default: 993 now").isEqualTo(993);
        admin.patch("/api/mail/mailboxes/" + mailbox, Json.createObjectBuilder().add("port", 1993).build()).expect(200);
        assertThat(admin.patch("/api/mail/mailboxes/" + mailbox, Json.createObjectBuilder().add("protocol", "POP3")
                .build()).expect(200).json().getInt("port")).as("a port of one's own stays").isEqualTo(1993);

        assertThat(admin.patch("/api/mail/mailboxes/" + mailbox, Json.createObjectBuilder()
                .add("host", "imap.example.com:993").build()).expect(400).json().getString("message")).contains("port");
        assertThat(admin.patch("/api/mail/mailboxes/" + mailbox, Json.createObjectBuilder()
                .add("alertSource", "no-such-source-" + Fixtures.unique("a")).build()).expect(400).json()
                .getString("error")).isEqualTo("unknown_alert_source");
        assertThat(admin.patch("/api/mail/mailboxes/" + mailbox, Json.createObjectBuilder()
                .add("name", mailbox + "-renamed").build()).expect(400).json().getString("error"))
                .isEqualTo("rename_unsupported");
        admin.delete("/api/mail/mailboxes/" + mailbox).expect(204);
    }

    /** Waits until the poller has deleted every message of a GreenMail mailbox. */
    private void awaitEmptied(String user) {
        await(user + " emptied").atMost(Duration.ofSeconds(30)).until(() -> greenMail.getManagers()
                .getImapHostManager().getInbox(greenMail.getManagers().getUserManager().getUser(user))
                .getMessageCount() == 0);
    }

    @Test
    void aSecureMailboxThatCannotBeSecuredIsNotReadAndSaysWhy() {
        // TLS against a plain port: the handshake fails; STARTTLS against a server that does not offer it: never
        // silently plain
        try (StartTlsFront plain = StartTlsFront.withoutTls(StartTlsFront.Protocol.IMAP)) {
            notReadAndSaysWhy("TLS", plain.port());
            notReadAndSaysWhy("STARTTLS", plain.port());
        }
    }

    private void notReadAndSaysWhy(String security, int port) {
        String queue = queue(false);
        String mailbox = mailbox("IMAP", security, port, "box@support.example", queue, 1);

        await(security + " failure reported").atMost(Duration.ofSeconds(60)).until(() -> admin.get(
                "/api/mail/mailboxes").expect(200).array().stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("name").equals(mailbox))
                .anyMatch(m -> !m.isNull("lastError") && !m.getString("lastError").isBlank()
                        && (!security.equals("STARTTLS") || m.getString("lastError").contains("STARTTLS"))));
        assertThat(admin.get("/api/tickets?queue=" + queue).expect(200).json().getInt("total")).isZero();
        admin.delete("/api/mail/mailboxes/" + mailbox).expect(204);
    }

    @Test
    void unprocessableMailIsQuarantinedKeptAndReprocessable() {
        String queue = queue(false);
        byte[] noSender = ("Subject: nobody sent this\r\nMessage-ID: <" + Fixtures.unique("q") + "@x.example>\r\n\r\n"
                + "who am I?\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        JsonObject q = admin.mail(queue, noSender).expect(200).json();
        assertThat(q.getString("disposition")).isEqualTo("quarantined");
        assertThat(q.getString("reason")).containsIgnoringCase("sender");
        long id = q.getJsonNumber("inboundId").longValue();

        assertThat(admin.get("/api/mail/quarantine?limit=500").expect(200).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(m -> m.getJsonNumber("id").longValue() == id)
                .map(m -> m.getString("source"))).as("the account that piped it in").containsExactly("pipe:admin");
        assertThat(admin.get("/api/mail/quarantine/" + id + "/raw").expect(200).bytes()).isEqualTo(noSender);
        JsonObject again = admin.post("/api/mail/quarantine/" + id + "/reprocess", "").expect(200).json();
        assertThat(again.getString("disposition")).isEqualTo("quarantined");

        Api.basic(Fixtures.agent(false), Fixtures.PASSWORD).delete("/api/mail/quarantine/" + id).expect(403);
        admin.delete("/api/mail/quarantine/" + id).expect(204);
        admin.post("/api/mail/quarantine/" + id + "/reprocess", "").expect(404);

        admin.mail(queue, new byte[0]).expect(400);
        Api.anonymous().mail(queue, noSender).expect(401);
    }

    @Test
    void aMailWithNulCharactersIsStoredAndBecomesATicket() {
        // PostgreSQL stores no NUL in text: a NUL in the Message-ID failed the storing itself (the pipe answered 500
        // for ever, a polled mailbox stuck on that mail), and one in a name or a file name failed the ticket
        String queue = queue(false);
        String customer = Fixtures.unique("nul") + "@customer.example";
        String raw = "From: \"Ali\0ce\" <" + customer + ">\r\nTo: " + queue + "@support.example\r\n"
                + "Subject: =?utf-8?q?disk=00full?=\r\nMessage-ID: <" + Fixtures.unique("a") + "\0b@customer.example>\r\n"
                + "In-Reply-To: <x\0y@elsewhere.example>\r\nReferences: <x\0y@elsewhere.example> <z@elsewhere.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nthe disk\0 is full\r\n"
                + "--b1\r\nContent-Type: text/plain; name=\"=?utf-8?q?log=00.txt?=\"\r\n"
                + "Content-Disposition: attachment; filename*=utf-8''log%00.txt\r\n\r\nline\r\n--b1--\r\n";
        byte[] bytes = raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        JsonObject first = admin.mail(queue, bytes).expect(200).json();
        assertThat(first.getString("disposition")).as(first.toString()).isEqualTo("created");
        assertThat(admin.mail(queue, bytes).expect(200).json().getString("disposition")).isEqualTo("duplicate");
        JsonObject ticket = admin.get("/api/tickets/" + first.getJsonNumber("ticket").longValue()).expect(200).json();
        assertThat(ticket.getString("subject")).isEqualTo("diskfull");
    }

    @Test
    void thePipeClientDeliversAndAnswersWithSysexits() throws Exception {
        String queue = queue(false);
        String token = admin.post("/api/me/tokens", "{\"name\":\"mailgate\"}").expect(201).json().getString("secret");
        byte[] raw = Mails.from(Fixtures.unique("c") + "@customer.example").to(queue + "@support.example")
                .subject("via the pipe").text("hello").bytes();

        Result ok = mailgate(raw, "--queue", queue, "--url", Api.BASE, "--token", token);
        assertThat(ok.exit).as(ok.err).isZero();
        assertThat(ok.out).contains("\"disposition\":\"created\"");

        assertThat(mailgate(raw, "--queue", queue, "--url", Api.BASE, "--token", "odt_wrong").exit).isEqualTo(77);
        assertThat(mailgate(raw, "--queue", queue, "--url", "http://127.0.0.1:9", "--token", token).exit).isEqualTo(75);
        assertThat(mailgate(raw, "--queue", "no-such-queue-" + Fixtures.unique("x"), "--url", Api.BASE, "--token",
                token).exit).isZero(); // kept and quarantined, so delivered as far as the MTA is concerned
        assertThat(mailgate(raw, "--url", Api.BASE).exit).isEqualTo(64);
        // an option without its value, last or before another option (the first looped for ever before)
        assertThat(mailgate(raw, "--url", Api.BASE, "--token", token, "--queue").exit).isEqualTo(64);
        assertThat(mailgate(raw, "--queue", "--url", Api.BASE, "--token", token).exit).isEqualTo(64);
        assertThat(mailgate(raw, "--queue", queue, "--url", Api.BASE, "--token", token, "--timeout", "soon").exit)
                .isEqualTo(64);
        assertThat(mailgate(raw, "--queue", queue, "--url", "127.0.0.1:8080", "--token", token).exit).isEqualTo(64);
        assertThat(mailgate(new byte[0], "--queue", queue, "--url", Api.BASE, "--token", token).exit).isEqualTo(65);
    }

    @Test
    void theRequestLimitAloneBoundsAMailAndOneOverItIsBouncedByThePipeClient() throws Exception {
        // this test server reads at most 72 MB (arquillian.xml: opsdesk.max.request.bytes); OpsDesk used to refuse
        // anything over 64 MB itself, whatever the setting said
        String queue = queue(false);
        String token = admin.post("/api/me/tokens", "{\"name\":\"mailgate\"}").expect(201).json().getString("secret");
        byte[] under = hugeMail(queue, 49 * 1024 * 1024); // 66 MB once in Base64
        assertThat(under.length).isBetween(64 * 1024 * 1024, 72 * 1024 * 1024);
        JsonObject taken = admin.mail(queue, under).expect(200).json();
        assertThat(taken.getString("disposition")).isEqualTo("created");

        byte[] over = hugeMail(queue, 55 * 1024 * 1024);
        assertThat(over.length).isGreaterThan(72 * 1024 * 1024);
        // announced with its length, the server refuses it before reading (its own 400, without a body): curl asks
        // first (Expect: 100-continue), so the pipe client gets that answer and exits 65, saying why; the MTA bounces
        // the mail to its sender at once, where a 5xx (75) would have it retried for days. (A client that sends the
        // body at once may see the connection closed before the answer instead.)
        Result bounced = mailgate(over, "--queue", queue, "--url", Api.BASE, "--token", token);
        assertThat(bounced.exit).as(bounced.err).isEqualTo(65);
        assertThat(bounced.err).contains("OPSDESK_MAX_REQUEST_BYTES");
        assertThat(admin.get("/api/tickets?queue=" + queue).expect(200).json().getInt("total")).isEqualTo(1);
    }

    /** A mail of one Base64 attachment of {@code size} random bytes. */
    private static byte[] hugeMail(String queue, int size) {
        byte[] file = new byte[size];
        new java.util.Random(size).nextBytes(file);
        return ("From: " + Fixtures.unique("huge") + "@customer.example\r\nTo: " + queue + "@support.example\r\n"
                + "Subject: Heap dump\r\nMessage-ID: <" + Fixtures.unique("huge") + "@customer.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nThe dump is attached.\r\n"
                + "--b1\r\nContent-Type: application/octet-stream; name=\"heap.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(file)
                + "\r\n--b1--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void thePipeClientRetriesOnServerErrorsAndRefusesOnRequestErrors() throws Exception {
        // what the client makes of each kind of answer, from a server on loopback that answers only with that status
        byte[] raw = Mails.from(Fixtures.unique("c") + "@customer.example").to("support@support.example")
                .subject("via the pipe").text("hello").bytes();
        java.util.Map<Integer, Integer> exits = new java.util.LinkedHashMap<>();
        for (int status : new int[] {500, 503, 429, 400, 413, 401, 404, 405, 302, 200}) {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = "{\"error\":\"test\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                exits.put(status, mailgate(raw, "--queue", "support", "--url",
                        "http://127.0.0.1:" + server.getAddress().getPort(), "--token", "odt_any").exit);
            } finally {
                server.stop(0);
            }
        }
        // a 404 of a wrong --url path, a redirect, a 405 or a 200 that is not OpsDesk's answer (no disposition) say
        // nothing about the message: it stays with the MTA (75), where 65 would bounce it and 0 would drop it
        assertThat(exits).containsExactly(java.util.Map.entry(500, 75), java.util.Map.entry(503, 75),
                java.util.Map.entry(429, 75), java.util.Map.entry(400, 65), java.util.Map.entry(413, 65),
                java.util.Map.entry(401, 77), java.util.Map.entry(404, 75), java.util.Map.entry(405, 75),
                java.util.Map.entry(302, 75), java.util.Map.entry(200, 75));
    }

    @Test
    void aReplyToAClosedTicketOpensANewLinkedOneAndAResolvedOneReopens() {
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        Mails.Builder first = Mails.from(customer).to(queue + "@support.example").subject("Backup failed").text("x");
        long closed = admin.mail(queue, first.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + closed + "/status", "{\"status\":\"resolved\"}").expect(200);
        admin.post("/api/tickets/" + closed + "/status", "{\"status\":\"closed\"}").expect(200);
        JsonObject again = admin.mail(queue, Mails.from(customer).to(queue + "@support.example")
                .subject("Re: Backup failed").header("In-Reply-To", first.messageId()).text("it failed again").bytes())
                .expect(200).json();
        assertThat(again.getString("disposition")).isEqualTo("created");
        long fresh = again.getJsonNumber("ticket").longValue();
        assertThat(fresh).isNotEqualTo(closed);
        JsonObject link = admin.get("/api/tickets/" + fresh).expect(200).json().getJsonArray("links").getJsonObject(0);
        assertThat(link.getString("type")).isEqualTo("refers-to");
        assertThat(link.getJsonNumber("number").longValue()).isEqualTo(closed);

        Mails.Builder other = Mails.from(customer).to(queue + "@support.example").subject("Certificate").text("y");
        long resolved = admin.mail(queue, other.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + resolved + "/status", "{\"status\":\"resolved\"}").expect(200);
        JsonObject reply = admin.mail(queue, Mails.from(customer).to(queue + "@support.example")
                .subject("Re: Certificate").header("In-Reply-To", other.messageId()).text("still expired").bytes())
                .expect(200).json();
        assertThat(reply.getString("disposition")).isEqualTo("appended");
        assertThat(admin.get("/api/tickets/" + resolved).expect(200).json().getString("status")).isEqualTo("open");

        // Outlook's X-Auto-Response-Suppress on a customer's reply is a wish about answers, not a robot's mark: the
        // reply reopens as any other (it stayed resolved, unseen); a list member's reply does the same
        admin.post("/api/tickets/" + resolved + "/status", "{\"status\":\"resolved\"}").expect(200);
        JsonObject outlook = admin.mail(queue, Mails.from(customer).to(queue + "@support.example")
                .subject("RE: Certificate").header("In-Reply-To", other.messageId())
                .header("X-Auto-Response-Suppress", "All").text("and now it is expired again").bytes())
                .expect(200).json();
        assertThat(outlook.getString("disposition")).isEqualTo("appended");
        assertThat(admin.get("/api/tickets/" + resolved).expect(200).json().getString("status")).isEqualTo("open");
        admin.post("/api/tickets/" + resolved + "/status", "{\"status\":\"resolved\"}").expect(200);
        admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Re: Certificate")
                .header("In-Reply-To", other.messageId()).header("List-Id", "<ops.lists.customer.example>")
                .text("from the list").bytes()).expect(200);
        assertThat(admin.get("/api/tickets/" + resolved).expect(200).json().getString("status")).isEqualTo("open");
    }

    @Test
    void anAgentAnsweringANotificationByMailReopensNothingAndOpensNoTicket() {
        // an agent who watches a ticket answers its "new reply" mail from the mail program: that is no customer's
        // answer. It reopened the resolved ticket; to a closed one it opened a new ticket in the agent's name (an
        // autoreply to the agent, the queue's list told)
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        String agent = Fixtures.agent(false);
        Mails.Builder first = Mails.from(customer).to(queue + "@support.example").subject("Backup failed").text("x");
        long n = admin.mail(queue, first.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + n + "/status", "{\"status\":\"resolved\"}").expect(200);
        JsonObject nice = admin.mail(queue, Mails.from(agent + "@ops.example").to(queue + "@support.example")
                .subject("Re: Backup failed").header("In-Reply-To", first.messageId()).text("Nice one.\n\n"
                        + "________________________________\nFrom: OpsDesk\nSent: Monday\nSubject: Backup failed\n\n"
                        + "@" + agent + " please check").bytes()).expect(200).json();
        assertThat(nice.getString("disposition")).isEqualTo("appended");
        JsonObject t = admin.get("/api/tickets/" + n).expect(200).json();
        assertThat(t.getString("status")).as("the customer did not answer").isEqualTo("resolved");

        admin.post("/api/tickets/" + n + "/status", "{\"status\":\"closed\"}").expect(200);
        JsonObject late = admin.mail(queue, Mails.from(agent + "@ops.example").to(queue + "@support.example")
                .subject("Re: Backup failed").header("In-Reply-To", first.messageId()).text("For the record: fixed.")
                .bytes()).expect(200).json();
        assertThat(late.getString("disposition")).isEqualTo("appended");
        assertThat(late.getJsonNumber("ticket").longValue()).as("onto the ticket it answers").isEqualTo(n);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("status")).isEqualTo("closed");

        // the customer's own follow-up still opens a new ticket
        assertThat(admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Re: Backup failed")
                .header("In-Reply-To", first.messageId()).text("again").bytes()).expect(200).json()
                .getString("disposition")).isEqualTo("created");
        // and so does an agent's on a ticket of their own (they are its customer)
        Mails.Builder own = Mails.from(agent + "@ops.example").to(queue + "@support.example").subject("My VPN")
                .text("drops");
        long mine = admin.mail(queue, own.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + mine + "/status", "{\"status\":\"resolved\"}").expect(200);
        admin.post("/api/tickets/" + mine + "/status", "{\"status\":\"closed\"}").expect(200);
        assertThat(admin.mail(queue, Mails.from(agent + "@ops.example").to(queue + "@support.example")
                .subject("Re: My VPN").header("In-Reply-To", own.messageId()).text("drops again").bytes())
                .expect(200).json().getString("disposition")).isEqualTo("created");
    }

    @Test
    void aFollowUpOfAClosedTicketByOneOfItsPeopleKeepsItsPeople() {
        // a Cc'd colleague's follow-up made a ticket of the colleague alone: the requester was left out of every reply
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        String colleague = Fixtures.unique("coll") + "@customer.example";
        Mails.Builder first = Mails.from(customer).to(queue + "@support.example").header("Cc", colleague)
                .subject("Backup").text("x");
        long closed = admin.mail(queue, first.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + closed + "/status", "{\"status\":\"resolved\"}").expect(200);
        admin.post("/api/tickets/" + closed + "/status", "{\"status\":\"closed\"}").expect(200);
        String team = Fixtures.unique("team") + "@lists.example";
        admin.patch("/api/queues/" + queue, Json.createObjectBuilder().add("notifyOnNew", Json.createArrayBuilder()
                .add(team)).build()).expect(200);
        long fresh = admin.mail(queue, Mails.from(colleague).to(queue + "@support.example").subject("Re: Backup")
                .header("In-Reply-To", first.messageId()).text("again").bytes()).expect(200).json()
                .getJsonNumber("ticket").longValue();
        assertThat(fresh).isNotEqualTo(closed);
        JsonObject t = admin.get("/api/tickets/" + fresh).expect(200).json();
        assertThat(t.getJsonArray("requesters").toString()).contains(colleague, customer);
        // the queue's list hears of the new ticket with the people it carried over (they were listed before it)
        assertThat(GreenMailUtil.getBody(awaitMail(team, 1).get(0)).replace("=\r\n", "")).contains("Requesters: ")
                .contains(customer);

        // a stranger threading by the stored id of that mail gets a follow-up of their own, without its people
        String stranger = Fixtures.unique("stranger") + "@elsewhere.example";
        long theirs = admin.mail(queue, Mails.from(stranger).to(queue + "@support.example").subject("Re: Backup")
                .header("In-Reply-To", first.messageId()).text("me too").bytes()).expect(200).json()
                .getJsonNumber("ticket").longValue();
        assertThat(admin.get("/api/tickets/" + theirs).expect(200).json().getJsonArray("requesters").toString())
                .contains(stranger).doesNotContain(customer);
    }

    @Test
    void theMailAnsweredDecidesTheThreadNotAnOlderSignedReference() {
        // a reply-all to the customer's follow-up of a closed ticket carried our old (signed) id of the closed ticket
        // in its References: that id won, and each such reply opened yet another ticket
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        Mails.Builder first = Mails.from(customer).to(queue + "@support.example").subject("Backup").text("x");
        long closed = admin.mail(queue, first.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + closed + "/replies", "{\"body\":\"fixed\"}").expect(201);
        String ours = outbox(closed).stream().filter(o -> o.getString("kind").equals("reply")).findFirst()
                .orElseThrow().getString("messageId");
        admin.post("/api/tickets/" + closed + "/status", "{\"status\":\"resolved\"}").expect(200);
        admin.post("/api/tickets/" + closed + "/status", "{\"status\":\"closed\"}").expect(200);
        Mails.Builder followUp = Mails.from(customer).to(queue + "@support.example").subject("Re: Backup")
                .header("In-Reply-To", "<" + ours + ">").text("broken again");
        long fresh = admin.mail(queue, followUp.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        assertThat(fresh).isNotEqualTo(closed);

        JsonObject replyAll = admin.mail(queue, Mails.from(customer).to(queue + "@support.example")
                .subject("Re: Re: Backup").header("In-Reply-To", followUp.messageId())
                .header("References", "<" + ours + "> " + followUp.messageId()).text("me too").bytes())
                .expect(200).json();
        assertThat(replyAll.getString("disposition")).isEqualTo("appended");
        assertThat(replyAll.getJsonNumber("ticket").longValue()).isEqualTo(fresh);
    }

    @Test
    void mailToTheCommentAddressIsAnInternalComment() {
        String queue = queue(false);
        String colleague = Fixtures.agent(false) + "@ops.example";
        String customer = Fixtures.unique("cust") + "@customer.example";
        Mails.Builder q = Mails.from(customer).to(queue + "@support.example").subject("Need access").text("please");
        long n = admin.mail(queue, q.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        JsonObject c = admin.mail(queue, "comment", Mails.from(colleague).to(queue + "-comment@support.example")
                .subject("Re: Need access").header("In-Reply-To", q.messageId()).text("approved by the manager")
                .bytes()).expect(200).json();
        assertThat(c.getString("disposition")).isEqualTo("appended");
        JsonObject last = admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages").getJsonObject(1);
        assertThat(last.getString("kind")).isEqualTo("comment");
        assertThat(last.getString("text")).contains("approved by the manager");

        // a new ticket by the comment address: its copies are the team's, not the ticket's Cc (they would get every
        // public reply)
        JsonObject fresh = admin.mail(queue, "comment", Mails.from(colleague)
                .to(queue + "-comment@support.example").header("Cc", "team-lead@ops.example")
                .subject("Heads-up: maintenance").text("internal").bytes()).expect(200).json();
        assertThat(fresh.getString("disposition")).isEqualTo("created");
        JsonObject ticket = admin.get("/api/tickets/" + fresh.getJsonNumber("ticket").longValue()).expect(200).json();
        assertThat(ticket.getJsonArray("cc")).isEmpty();

        // from a customer (replying to all) or an outsider, the comment address takes correspondence: no note in
        // their name that only agents see
        JsonObject fromCustomer = admin.mail(queue, "comment", Mails.from(customer).to(queue + "-comment@support.example")
                .subject("Re: Need access").header("In-Reply-To", q.messageId()).text("any news?").bytes()).expect(200)
                .json();
        assertThat(fromCustomer.getString("disposition")).isEqualTo("appended");
        JsonObject message = admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages").getJsonObject(2);
        assertThat(message.getString("kind")).isEqualTo("inbound");
        assertThat(message.getString("text")).contains("any news?");
        JsonObject fromOutsider = admin.mail(queue, "comment", Mails.from(Fixtures.unique("x") + "@elsewhere.example")
                .to(queue + "-comment@support.example").subject("Heads-up").text("not from the team").bytes())
                .expect(200).json();
        assertThat(admin.get("/api/tickets/" + fromOutsider.getJsonNumber("ticket").longValue()).expect(200).json()
                .getJsonArray("messages").getJsonObject(0).getString("kind")).isEqualTo("inbound");
    }

    @Test
    void anAgentForwardsAMessageWithItsFilesAndTheVendorsAnswerComesBackToTheTicket() throws Exception {
        String queue = queue(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        String vendor = Fixtures.unique("vendor") + "@storage.example";
        Mails.Builder question = Mails.from(customer).to(queue + "@support.example").subject("Array degraded")
                .textWithAttachment("Disk 3 shows amber.", "smart.txt", "text/plain",
                        "reallocated sectors: 812".getBytes(StandardCharsets.UTF_8));
        String customerMessageId = question.messageId();
        long n = admin.mail(queue, question.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        long message = admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("messages").getJsonObject(0)
                .getJsonNumber("id").longValue();

        JsonObject refused = admin.post("/api/tickets/" + n + "/forward", Json.createObjectBuilder()
                .add("to", Json.createArrayBuilder().add(queue + "@support.example")).build()).expect(400).json();
        assertThat(refused.getString("error")).isEqualTo("own_address");
        admin.post("/api/tickets/" + n + "/forward", "{\"note\":\"no one to send it to\"}").expect(400);
        admin.post("/api/tickets/" + n + "/forward", Json.createObjectBuilder().add("message", 999_999_999L)
                .add("to", Json.createArrayBuilder().add(vendor)).build()).expect(400);

        admin.post("/api/tickets/" + n + "/forward", Json.createObjectBuilder().add("message", message)
                .add("to", Json.createArrayBuilder().add(vendor)).add("note", "Please send a replacement disk.")
                .build()).expect(200);
        MimeMessage fwd = awaitMail(vendor, 1).get(0);
        assertThat(fwd.getSubject()).isEqualTo("[OpsDesk #" + n + "] Fwd: Array degraded");
        assertThat(fwd.getHeader("In-Reply-To")).as("a conversation of its own").isNull();
        assertThat(fwd.getHeader("Auto-Submitted")).isNull();
        String body = GreenMailUtil.getBody(fwd);
        assertThat(body).contains("Please send a replacement disk.", "---------- Forwarded message ----------",
                "From: " + customer, "Disk 3 shows amber.", "smart.txt");
        assertThat(admin.get("/api/tickets/" + n + "/history").expect(200).array().stream()
                .map(JsonValue::asJsonObject).filter(h -> h.getString("kind").equals("forwarded"))
                .map(h -> h.getString("newValue"))).containsExactly(vendor);
        assertThat(outbox(n)).filteredOn(o -> o.getString("kind").equals("forward")).hasSize(1);

        // the vendor answers the forward: by its signed Message-ID, the answer joins the ticket
        JsonObject answer = admin.mail(queue, Mails.from(vendor).to(queue + "@support.example")
                .messageId("<" + Fixtures.unique("answer") + "@mx.storage.example>")
                .subject("Re: " + fwd.getSubject()).header("In-Reply-To", fwd.getHeader("Message-ID")[0])
                .text("A replacement ships today.").bytes()).expect(200).json();
        assertThat(answer.getString("disposition")).isEqualTo("appended");
        assertThat(answer.getJsonNumber("ticket").longValue()).isEqualTo(n);
        assertThat(greenMail.getReceivedMessagesForDomain(customer)).as("the customer got none of it").isEmpty();

        // the customer's thread goes on from the customer's own mail: the vendor's answer (and its mail host) is not
        // what the next reply answers
        admin.post("/api/tickets/" + n + "/replies", "{\"body\":\"A new disk is on its way.\"}").expect(201);
        MimeMessage reply = awaitMail(customer, 1).get(0);
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo(customerMessageId);
        assertThat(reply.getHeader("References")[0]).doesNotContain("storage.example");
    }

    @Test
    void aFollowUpKeepsTheClosedTicketsWatchersAndANoteOpeningATicketMentions() throws Exception {
        // the agents who watched a closed ticket heard nothing of its customer's follow-up, a ticket of its own
        String queue = queue(false);
        String watcher = Fixtures.agent(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        Mails.Builder first = Mails.from(customer).to(queue + "@support.example").subject("Backup").text("x");
        long closed = admin.mail(queue, first.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + closed + "/watchers", "{\"agent\":\"" + watcher + "\"}").expect(200);
        admin.post("/api/tickets/" + closed + "/status", "{\"status\":\"resolved\"}").expect(200);
        admin.post("/api/tickets/" + closed + "/status", "{\"status\":\"closed\"}").expect(200);
        long fresh = admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Re: Backup")
                .header("In-Reply-To", first.messageId()).text("failed again tonight").bytes()).expect(200).json()
                .getJsonNumber("ticket").longValue();
        assertThat(fresh).isNotEqualTo(closed);
        assertThat(admin.get("/api/tickets/" + fresh).expect(200).json().getJsonArray("watchers")
                .getValuesAs(jakarta.json.JsonString::getString)).containsExactly(watcher);
        MimeMessage told = awaitMail(watcher + "@ops.example", 1).get(0);
        assertThat(told.getSubject()).contains("[OpsDesk #" + fresh + "]");
        assertThat((String) told.getContent()).contains("failed again tonight");

        // a stranger threading by the same stored id gets a ticket nobody watches
        long theirs = admin.mail(queue, Mails.from(Fixtures.unique("stranger") + "@elsewhere.example")
                .to(queue + "@support.example").subject("Re: Backup").header("In-Reply-To", first.messageId())
                .text("me too").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        assertThat(admin.get("/api/tickets/" + theirs).expect(200).json().getJsonArray("watchers")).isEmpty();

        // an agent's note to the comment address naming no ticket opens one and mentions as any note does
        String author = Fixtures.agent(false);
        String neteng = Fixtures.agent(false);
        long opened = admin.mail(queue, "comment", Mails.from(author + "@ops.example")
                .to(queue + "-comment@support.example").subject("Core switch firmware")
                .text("@" + neteng + " please plan the upgrade").bytes()).expect(200).json()
                .getJsonNumber("ticket").longValue();
        assertThat(admin.get("/api/tickets/" + opened).expect(200).json().getJsonArray("watchers")
                .getValuesAs(jakarta.json.JsonString::getString)).containsExactly(neteng);
        assertThat((String) awaitMail(neteng + "@ops.example", 1).get(0).getContent())
                .contains("please plan the upgrade");
    }

    @Test
    void watchersGetTheCustomersMailAndAnAgentsMailedCommentTheOwnerOnceAndNobodyTheirOwn() throws Exception {
        String queue = queue(false);
        String owner = Fixtures.agent(false);
        String watcher = Fixtures.agent(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        Mails.Builder q = Mails.from(customer).to(queue + "@support.example").subject("VPN drops").text("again");
        long n = admin.mail(queue, q.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        Api ownerApi = Api.basic(owner, Fixtures.PASSWORD);
        ownerApi.post("/api/tickets/" + n + "/owner", "{\"action\":\"take\"}").expect(200);
        ownerApi.post("/api/tickets/" + n + "/watchers", "").expect(200);
        admin.post("/api/tickets/" + n + "/watchers", "{\"agent\":\"" + watcher + "\"}").expect(200);

        admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Re: VPN drops")
                .header("In-Reply-To", q.messageId()).text("every ten minutes now").bytes()).expect(200);
        MimeMessage told = awaitMail(watcher + "@ops.example", 1).get(0);
        assertThat(told.getSubject()).contains("[OpsDesk #" + n + "]");
        assertThat(told.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat((String) told.getContent()).contains("every ten minutes now").contains("you watch the ticket");
        assertThat(notified(n)).as("the owner who watches is told once, by the owner's notice")
                .containsExactlyInAnyOrder(owner + "@ops.example", watcher + "@ops.example");

        // the owner's note through the comment address: the watcher hears of it, the owner does not
        String neteng = Fixtures.agent(false);
        admin.mail(queue, "comment", Mails.from(owner + "@ops.example").to(queue + "-comment@support.example")
                .subject("[OpsDesk #" + n + "] VPN drops").text("the tunnel's keepalive is off, @" + neteng
                        + " can you check?\n\n> @nobody quoted\n\n________________________________\nFrom: OpsDesk\n"
                        + "Sent: Monday\nSubject: VPN drops\n\n@" + Fixtures.agent(false) + " quoted by Outlook")
                        .bytes())
                .expect(200);
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getJsonArray("watchers")
                .getValuesAs(jakarta.json.JsonString::getString)).as("mentioned in the mailed note")
                .containsExactly(owner, watcher, neteng);
        MimeMessage note = awaitMail(watcher + "@ops.example", 2).get(1);
        assertThat((String) note.getContent()).contains("internal comment").contains("keepalive is off");
        assertThat(note.getHeader("Reply-To")[0]).as("an answer by mail stays internal")
                .isEqualTo(queue + "-comment@support.example");
        assertThat(told.getHeader("Reply-To")[0]).isEqualTo(queue + "@support.example");
        assertThat(notified(n)).as("not the owner, who wrote it").containsExactlyInAnyOrder(owner + "@ops.example",
                watcher + "@ops.example", watcher + "@ops.example", neteng + "@ops.example");

        // a busy hour: the watchers' mails are counted apart, and the owner still hears of the customer's next mail
        // (ten automatic mails an hour about one ticket, OPSDESK_MAIL_AUTO_PER_TICKET, would have silenced it)
        for (int i = 0; i < 12; i++) {
            admin.post("/api/tickets/" + n + "/comments", "{\"body\":\"step " + i + "\"}").expect(201);
        }
        admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Re: VPN drops")
                .header("In-Reply-To", q.messageId()).text("still dropping").bytes()).expect(200);
        assertThat(outbox(n).stream().filter(o -> o.getString("kind").equals("notification")).count())
                .as("the owner's notices").isEqualTo(2);
        assertThat(outbox(n).stream().filter(o -> o.getString("kind").equals("watcher")).count())
                .as("the watchers', within their own limit").isEqualTo(2 + 12 + 1);
    }

    /** The recipients of the ticket's notifications, one entry per mail and recipient. */
    private List<String> notified(long n) {
        return outbox(n).stream().filter(o -> o.getString("kind").equals("notification")
                        || o.getString("kind").equals("watcher"))
                .flatMap(o -> o.getJsonArray("to").getValuesAs(jakarta.json.JsonString::getString).stream()).toList();
    }

    @Test
    void anAssignmentNoticeNamesAnAssignerWithoutDisplayNameByLogin() throws Exception {
        // it read "null assigned you ticket #…"
        String queue = queue(false);
        String owner = Fixtures.agent(false);
        String assigner = Fixtures.unique("nameless");
        admin.post("/api/agents", Json.createObjectBuilder().add("login", assigner).add("email", assigner
                + "@ops.example").add("password", Fixtures.PASSWORD).add("admin", false).build()).expect(201);
        long n = Fixtures.ticket(admin, queue, "Disk full").getJsonNumber("number").longValue();
        Api.basic(assigner, Fixtures.PASSWORD).post("/api/tickets/" + n + "/owner", "{\"action\":\"assign\",\"agent\":\""
                + owner + "\"}").expect(200);
        assertThat(((String) awaitMail(owner + "@ops.example", 1).get(0).getContent()))
                .startsWith(assigner + " assigned you ticket #" + n + " (Disk full)");
    }

    @Test
    void theOwnerIsNotifiedWhenTheCustomerWritesAndBouncesLandOnTheTicket() throws Exception {
        String queue = queue(false);
        String owner = Fixtures.agent(false);
        String customer = Fixtures.unique("cust") + "@customer.example";
        Mails.Builder q = Mails.from(customer).to(queue + "@support.example").subject("Slow disk").text("slow");
        long n = admin.mail(queue, q.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        admin.post("/api/tickets/" + n + "/owner", "{\"action\":\"assign\",\"agent\":\"" + owner + "\"}").expect(200);
        admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Re: Slow disk")
                .header("In-Reply-To", q.messageId()).text("now it is worse").bytes()).expect(200);
        MimeMessage notice = awaitMail(owner + "@ops.example", 1).get(0);
        assertThat(notice.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(notice.getSubject()).contains("[OpsDesk #" + n + "]");

        admin.post("/api/tickets/" + n + "/replies", "{\"body\":\"we are on it\"}").expect(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(n).stream()
                .anyMatch(o -> o.getString("kind").equals("reply") && o.getString("state").equals("sent")));
        String ours = outbox(n).stream().filter(o -> o.getString("kind").equals("reply")).findFirst().orElseThrow()
                .getString("messageId");
        java.util.function.BiFunction<String, String, byte[]> dsn = (recipient, original) -> deliveryReport(queue,
                recipient, original);
        // a made-up report about our mail, naming an address that mail never went to, marks nothing
        String peer = Fixtures.unique("peer") + "@customer.example";
        admin.mail(queue, Mails.from(peer).to(queue + "@support.example").subject("Hello").text("z").bytes())
                .expect(200);
        admin.mail(queue, dsn.apply(peer, ours)).expect(200);
        // a made-up report that names the ticket by its subject tag only (it returns no mail of ours) is kept, not
        // added to the ticket, and marks nobody
        byte[] tagged = new String(dsn.apply(customer, Fixtures.unique("not-ours") + "@elsewhere.example"),
                java.nio.charset.StandardCharsets.US_ASCII).replace("Subject: Undelivered Mail Returned to Sender",
                        "Subject: Undelivered: Re: [OpsDesk #" + n + "] Slow disk")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        JsonObject forged = admin.mail(queue, tagged).expect(200).json();
        assertThat(forged.getString("disposition")).isEqualTo("ignored");
        assertThat(forged.isNull("ticket")).isTrue();
        // nor one that says it comes from the ticket's requester: the tag of a participant threads a person's mail,
        // not a report (anyone can write a From)
        JsonObject fromRequester = admin.mail(queue, new String(dsn.apply(customer, Fixtures.unique("not-ours")
                + "@elsewhere.example"), java.nio.charset.StandardCharsets.US_ASCII).replace("Subject: Undelivered"
                        + " Mail Returned to Sender", "Subject: Undelivered: Re: [OpsDesk #" + n + "] Slow disk")
                .replace("From: MAILER-DAEMON@mx.customer.example", "From: " + customer)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)).expect(200).json();
        assertThat(fromRequester.getString("disposition")).isEqualTo("ignored");
        assertThat(fromRequester.isNull("ticket")).isTrue();
        JsonObject bounce = admin.mail(queue, dsn.apply(customer, ours)).expect(200).json();
        assertThat(bounce.getString("disposition")).isEqualTo("appended");
        assertThat(bounce.getJsonNumber("ticket").longValue()).isEqualTo(n);
        assertThat(bounce.getString("reason")).startsWith("bounce");
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("status")).isEqualTo("open");

        // the address bounced: no automatic mail to it for a while (a forged or send-only sender would bounce every
        // autoreply), while another customer's new ticket is acknowledged as usual (the made-up report named them)
        String acknowledging = queue(true);
        long again = admin.mail(acknowledging, Mails.from(customer).to(acknowledging + "@support.example")
                .subject("Still slow").text("x").bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        long other = admin.mail(acknowledging, Mails.from(peer)
                .to(acknowledging + "@support.example").subject("Also slow").text("y").bytes()).expect(200).json()
                .getJsonNumber("ticket").longValue();
        assertThat(outbox(other)).anyMatch(o -> o.getString("kind").equals("autoreply"));
        assertThat(outbox(again)).noneMatch(o -> o.getString("kind").equals("autoreply"));
    }

    @Test
    void aMailWithoutMessageIdIsStoredOnceByItsBytes() {
        String queue = queue(false);
        String head = "From: " + Fixtures.unique("noid") + "@customer.example\r\nTo: " + queue
                + "@support.example\r\nSubject: No Message-ID\r\n\r\n";
        byte[] raw = (head + "Hello\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        JsonObject first = admin.mail(queue, raw).expect(200).json();
        assertThat(first.getString("disposition")).isEqualTo("created");
        JsonObject again = admin.mail(queue, raw).expect(200).json();
        assertThat(again.getString("disposition")).isEqualTo("duplicate");
        assertThat(again.getJsonNumber("ticket").longValue()).isEqualTo(first.getJsonNumber("ticket").longValue());
        JsonObject changed = admin.mail(queue, (head + "Hello again\r\n").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).expect(200).json();
        assertThat(changed.getString("disposition")).as("other bytes, no Message-ID: another mail").isEqualTo("created");
        JsonObject hourly = admin.mail(queue, ("Received: from cron by mx\r\n" + head + "Hello\r\n").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).expect(200).json();
        assertThat(hourly.getString("disposition")).as("undated: told apart by its bytes").isEqualTo("created");
    }

    @Test
    void aDatedMailWithoutMessageIdIsOneMailHoweverItTravelled() {
        // the MTA's pipe and a polled mailbox both get it, each copy with its own trace headers
        String queue = queue(false);
        String mail = "From: " + Fixtures.unique("noid") + "@customer.example\r\nTo: " + queue
                + "@support.example\r\nDate: Sun, 6 Dec 2026 04:00:00 +0000\r\nSubject: No Message-ID\r\n\r\nHello\r\n";
        JsonObject piped = admin.mail(queue, ("Return-Path: <x@customer.example>\r\nReceived: from mx by desk\r\n"
                + mail).getBytes(java.nio.charset.StandardCharsets.US_ASCII)).expect(200).json();
        assertThat(piped.getString("disposition")).isEqualTo("created");
        JsonObject polled = admin.mail(queue, ("Received: from mx2 by imap\r\nDelivered-To: " + queue
                + "@support.example\r\n" + mail).getBytes(java.nio.charset.StandardCharsets.US_ASCII)).expect(200)
                .json();
        assertThat(polled.getString("disposition")).isEqualTo("duplicate");
        assertThat(polled.getJsonNumber("ticket").longValue()).isEqualTo(piped.getJsonNumber("ticket").longValue());

        // no queue named is the default queue: the pipe without ?queue= and a mailbox of the default queue
        String byDefault = admin.get("/api/queues").expect(200).array().stream().map(JsonValue::asJsonObject)
                .filter(q -> q.getBoolean("isDefault")).findFirst().orElseThrow().getString("name");
        String other = mail.replace("Subject: No Message-ID", "Subject: No Message-ID, no queue");
        JsonObject unnamed = admin.mailTo("/api/mail/inbound", other.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .expect(200).json();
        assertThat(unnamed.getString("disposition")).isEqualTo("created");
        assertThat(admin.mailTo("/api/mail/inbound?queue=" + byDefault.toUpperCase(java.util.Locale.ROOT),
                ("Received: from mx2 by imap\r\n" + other).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .expect(200).json().getString("disposition")).isEqualTo("duplicate");
    }

    @Test
    void anotherMailUnderAMessageIdUsedBeforeIsKeptTheSameMailViaAnotherHopIsNot() {
        // broken clients reuse Message-IDs: the second, different mail was answered "duplicate" and never stored
        String queue = queue(false);
        String id = "<" + Fixtures.unique("reused") + "@pc.customer.example>";
        String head = "From: " + Fixtures.unique("cust") + "@customer.example\r\nTo: " + queue
                + "@support.example\r\nDate: Sun, 6 Dec 2026 04:00:00 +0000\r\nMessage-ID: " + id + "\r\n";
        byte[] first = (head + "Subject: Printer jammed\r\n\r\nIt jams.\r\n").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII);
        byte[] other = (head + "Subject: VPN down\r\n\r\nNo VPN.\r\n").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII);
        JsonObject a = admin.mail(queue, first).expect(200).json();
        assertThat(a.getString("disposition")).isEqualTo("created");
        JsonObject b = admin.mail(queue, other).expect(200).json();
        assertThat(b.getString("disposition")).as("another mail under the same id").isNotEqualTo("duplicate");
        // a reply to that id answers the first mail that came under it: anyone may write any Message-ID, and a later
        // mail under it drew the replies to the first into a ticket of its own
        JsonObject reply = admin.mail(queue, ("From: colleague@customer.example\r\nTo: " + queue
                + "@support.example\r\nSubject: Re: Printer jammed\r\nIn-Reply-To: " + id + "\r\n\r\nSame here.\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)).expect(200).json();
        assertThat(reply.getString("disposition")).isEqualTo("appended");
        assertThat(reply.getJsonNumber("ticket").longValue()).isEqualTo(a.getJsonNumber("ticket").longValue());
        // the same mails again, one more hop on the way (a Received line): copies, stored once
        byte[] hop = "Received: from mx2.customer.example by desk\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (byte[] mail : List.of(first, other)) {
            byte[] again = new byte[hop.length + mail.length];
            System.arraycopy(hop, 0, again, 0, hop.length);
            System.arraycopy(mail, 0, again, hop.length, mail.length);
            assertThat(admin.mail(queue, again).expect(200).json().getString("disposition")).isEqualTo("duplicate");
        }
    }

    @Test
    void automaticMailAboutOneTicketIsLimitedPerHour() {
        // ten an hour about one ticket (OPSDESK_MAIL_AUTO_PER_TICKET), whoever they go to: here a new owner each time,
        // so that the limit per recipient (five) is never reached
        String queue = queue(false);
        String customer = Fixtures.unique("noisy") + "@customer.example";
        Mails.Builder first = Mails.from(customer).to(queue + "@support.example").subject("Noisy").text("0");
        long n = admin.mail(queue, first.bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        for (int i = 1; i <= 12; i++) {
            admin.post("/api/tickets/" + n + "/owner", "{\"action\":\"assign\",\"agent\":\"" + Fixtures.agent(false)
                    + "\"}").expect(200);
            admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Re: Noisy")
                    .header("In-Reply-To", first.messageId()).text("more " + i).bytes()).expect(200);
        }
        assertThat(outbox(n).stream().filter(o -> o.getString("kind").equals("notification")).count()).isEqualTo(10);
    }

    @Test
    void automaticMailToOneAddressIsLimitedPerHour() {
        String queue = queue(true);
        String customer = Fixtures.unique("flood") + "@customer.example";
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tickets.add(admin.mail(queue, Mails.from(customer).to(queue + "@support.example").subject("Flood " + i)
                    .text("x").bytes()).expect(200).json().getJsonNumber("ticket").longValue());
        }
        long autoreplies = tickets.stream().mapToLong(n -> outbox(n).stream()
                .filter(o -> o.getString("kind").equals("autoreply")).count()).sum();
        assertThat(autoreplies).isEqualTo(5);
    }

    @Test
    void thePipeClientsAlertSourceMakesMonitoringMailAnAlert() throws Exception {
        // --alert-source is the MTA's way to an alert intake: without it passed on, such mail would quietly become an
        // ordinary ticket with an autoreply to the monitoring
        java.nio.file.Path formats = formatsOrSkip();
        String queue = queue(false);
        String source = Fixtures.unique("mon");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue)
                .add("resolveOnRecovery", true).build()).expect(201);
        String token = admin.post("/api/me/tokens", "{\"name\":\"mailgate\"}").expect(201).json().getString("secret");
        byte[] raw = monitoringMail(formats, "nagios/mail/01-PROBLEM-Service-Alert-localhost-Disk-var-is-CRITICAL.eml",
                Fixtures.unique("gate"));

        Result r = mailgate(raw, "--queue", queue, "--alert-source", source, "--url", Api.BASE, "--token", token);
        assertThat(r.exit).as(r.err).isZero();
        long n = Long.parseLong(r.out.replaceAll("(?s).*\"ticket\":(\\d+).*", "$1"));
        assertThat(admin.get("/api/tickets/" + n + "/alerts").expect(200).array()).singleElement()
                .satisfies(a -> assertThat(a.asJsonObject().getString("service")).contains("Disk /var"));
        assertThat(outbox(n)).as("no autoreply to the monitoring").isEmpty();
    }

    @Test
    void nagiosAndIcingaMailsOnAnAlertIntakeBecomeAlerts() throws Exception {
        java.nio.file.Path formats = formatsOrSkip();
        String queue = queue(false);
        String source = Fixtures.unique("mon");
        admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source).add("queue", queue)
                .add("resolveOnRecovery", true).build()).expect(201);
        String run = Fixtures.unique("run");
        java.util.function.Function<String, JsonObject> pipe = file -> admin.mailTo("/api/mail/inbound?queue="
                + queue + "&alertSource=" + source, monitoringMail(formats, file, run)).expect(200).json();
        JsonObject problem = pipe.apply("nagios/mail/01-PROBLEM-Service-Alert-localhost-Disk-var-is-CRITICAL.eml");
        assertThat(problem.getString("disposition")).isEqualTo("created");
        long n = problem.getJsonNumber("ticket").longValue();
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("subject")).contains("Disk /var");
        assertThat(pipe.apply("nagios/mail/02-PROBLEM-Service-Alert-localhost-Disk-var-is-CRITICAL.eml")
                .getJsonNumber("ticket").longValue()).isEqualTo(n);
        assertThat(pipe.apply("nagios/mail/03-ACKNOWLEDGEMENT-Service-Alert-localhost-Disk-var-is-CRITICAL.eml")
                .getString("disposition")).isEqualTo("appended");
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("status")).isNotEqualTo("resolved");
        pipe.apply("nagios/mail/04-RECOVERY-Service-Alert-localhost-Disk-var-is-OK.eml");
        assertThat(admin.get("/api/tickets/" + n).expect(200).json().getString("status")).isEqualTo("resolved");

        JsonObject icinga = pipe.apply("icinga2/01-PROBLEM-Disk-var-on-web01-is-CRITICAL.eml");
        long m = icinga.getJsonNumber("ticket").longValue();
        assertThat(m).isNotEqualTo(n);
        pipe.apply("icinga2/03-RECOVERY-Disk-var-on-web01-is-OK.eml");
        assertThat(admin.get("/api/tickets/" + m).expect(200).json().getString("status")).isEqualTo("resolved");

        JsonObject human = admin.mailTo("/api/mail/inbound?queue=" + queue + "&alertSource=" + source,
                Mails.from(Fixtures.unique("c") + "@customer.example").to(queue + "@support.example")
                        .subject("Can you check the monitoring?").text("thanks").bytes()).expect(200).json();
        assertThat(human.getString("disposition")).isEqualTo("created");
        assertThat(admin.get("/api/tickets/" + human.getJsonNumber("ticket").longValue()).expect(200).json()
                .getString("subject")).isEqualTo("Can you check the monitoring?");

        // a source that names its senders takes monitoring mail from them only: anyone who could write to the intake
        // address could resolve an alert with a copy of a recovery mail (webhooks prove themselves with a secret)
        JsonObject named = admin.patch("/api/alerts/sources/" + source, Json.createObjectBuilder()
                .add("mailSenders", Json.createArrayBuilder().add("@Monitoring.example")).build()).expect(200).json();
        assertThat(named.getJsonArray("mailSenders").getString(0)).isEqualTo("@monitoring.example");
        String problemMail = java.nio.file.Files.readString(formats.resolve(
                "icinga2/04-PROBLEM-Host-web01-is-DOWN.eml"), java.nio.charset.StandardCharsets.UTF_8);
        java.util.function.Function<String, byte[]> copy = tag -> problemMail.replaceFirst("(?im)^(Message-ID:\\s*<)",
                "$1" + run + tag + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonObject refused = admin.mailTo("/api/mail/inbound?queue=" + queue + "&alertSource=" + source,
                copy.apply("a")).expect(200).json();
        assertThat(refused.getString("disposition")).isEqualTo("quarantined");
        assertThat(refused.getString("reason")).contains("nagios@vm", "not an alert of source");
        admin.patch("/api/alerts/sources/" + source, Json.createObjectBuilder()
                .add("mailSenders", Json.createArrayBuilder().add("@monitoring.example").add("@vm")).build())
                .expect(200);
        assertThat(admin.mailTo("/api/mail/inbound?queue=" + queue + "&alertSource=" + source, copy.apply("b"))
                .expect(200).json().getString("disposition")).isEqualTo("created");
        admin.patch("/api/alerts/sources/" + source, Json.createObjectBuilder()
                .add("mailSenders", Json.createArrayBuilder().add("not an address")).build()).expect(400);
    }

    /** The shared formats' notifications; the test is skipped, saying why, where a clone has no ../shared. */
    private static java.nio.file.Path formatsOrSkip() {
        java.nio.file.Path formats = java.nio.file.Path.of(System.getProperty("opsdesk.formats.dir",
                "../../shared/formats"));
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(formats),
                "../shared/formats not present: this monitoring mail test is skipped");
        return formats;
    }

    /** A monitoring mail of the shared formats under a Message-ID of its own ({@code tag}), so each run is new. */
    private static byte[] monitoringMail(java.nio.file.Path formats, String file, String tag) {
        try {
            return java.nio.file.Files.readString(formats.resolve(file), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst("(?im)^(Message-ID:\\s*<)", "$1" + tag + ".")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result mailgate(byte[] stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("bash");
        cmd.add(System.getProperty("opsdesk.it.mailgate", "../mail-gateway/bin/opsdesk-mailgate"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        } catch (java.io.IOException e) {
            // the client refused its arguments before reading the message: its exit code says so
        }
        // its answers are short (they fit the pipes' buffers), so it is waited for before they are read
        boolean ended = p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as("the client ended within a minute").isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        return new Result(p.exitValue(), out, err);
    }

    /** A delivery status report to the queue: the mail {@code original} failed for {@code recipient} (5.1.1). */
    private static byte[] deliveryReport(String queue, String recipient, String original) {
        return ("From: "
                + "MAILER-DAEMON@mx.customer.example\r\nTo: " + queue + "@support.example\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <" + Fixtures.unique("dsn")
                + "@mx.customer.example>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
                + "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.customer.example\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
                + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <" + original + ">\r\nSubject: x\r\n\r\n"
                + "--B--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private List<JsonObject> outbox(long ticket) {
        return admin.get("/api/mail/outbox?ticket=" + ticket).expect(200).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    private List<MimeMessage> awaitMail(String recipient, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> greenMail.getReceivedMessagesForDomain(recipient).length >= count);
        return Arrays.asList(greenMail.getReceivedMessagesForDomain(recipient));
    }
}
