package org.opsdesk.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;

/**
 * No secret reaches the server log: passwords (right and wrong), API tokens, a mailbox password that fails to log
 * in, an alert source's secret (right and wrong) are used, then the log is searched for each of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecretsNotLoggedIT {

    static final Path SERVER_LOG = Path.of("target/wildfly-base/log/server.log");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @Test
    void passwordsTokensAndWebhookSecretsNeverReachTheServerLog() throws IOException {
        Api admin = Api.admin();
        String login = Fixtures.agent(false);
        String wrongPassword = "Wrong-Password-" + Fixtures.unique("x");
        Api.basic(login, wrongPassword).get("/api/me").expect(401);
        Api agent = Api.basic(login, Fixtures.PASSWORD);
        String token = agent.post("/api/me/tokens", "{\"name\":\"log-check\"}").expect(201).json().getString("secret");
        Api.token(token).get("/api/me").expect(200);
        Api.token(token + "tampered").get("/api/me").expect(401);

        String queue = Fixtures.queue();
        String source = Fixtures.unique("src");
        String sourceSecret = admin.post("/api/alerts/sources", Json.createObjectBuilder().add("name", source)
                .add("queue", queue).add("generateSecret", true).build()).expect(201).json().getString("secret");
        String wrongSecret = "wrong-webhook-secret-" + Fixtures.unique("s");
        Api.anonymous().post("/api/alerts?source=" + source + "&secret=" + wrongSecret, Json.createObjectBuilder()
                .add("host", "h1.example").add("service", "x").add("state", "CRITICAL").build()).expect(401);
        Api.anonymous().post("/api/alerts?source=" + source + "&secret=" + sourceSecret, Json.createObjectBuilder()
                .add("host", "h1.example").add("service", "x").add("state", "CRITICAL").build()).expect(200);

        String mailbox = Fixtures.unique("mb");
        String mailboxPassword = "Mailbox-Password-" + Fixtures.unique("p");
        admin.post("/api/mail/mailboxes", Json.createObjectBuilder().add("name", mailbox).add("protocol", "IMAP")
                .add("host", "127.0.0.1").add("port", 1).add("security", "PLAIN").add("username", "nobody")
                .add("password", mailboxPassword).add("queue", queue).add("pollSeconds", 1).build()).expect(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> log().contains(mailbox));
        admin.delete("/api/mail/mailboxes/" + mailbox).expect(204);

        String log = log();
        assertThat(log).doesNotContain(Fixtures.PASSWORD, wrongPassword, Api.ADMIN_PASSWORD, token,
                token.substring(4), sourceSecret, wrongSecret, mailboxPassword);
    }

    static String log() throws IOException {
        return new String(Files.readAllBytes(SERVER_LOG), StandardCharsets.UTF_8);
    }
}
