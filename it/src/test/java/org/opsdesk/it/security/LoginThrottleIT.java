package org.opsdesk.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
 * Password guessing is slowed per account: after 5 failures in a row the account refuses password logins (even
 * the right one) for a while, over the API (429 with Retry-After) and on the login form, while its API tokens
 * and other accounts go on working. The per-address limit has its own class: it locks out this whole client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginThrottleIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhile() {
        String login = Fixtures.agent(false);
        String token = Api.basic(login, Fixtures.PASSWORD).post("/api/me/tokens", "{\"name\":\"ci\"}").expect(201)
                .json().getString("secret");
        for (int i = 0; i < 5; i++) {
            Api.basic(login, "wrong-password-" + i).get("/api/me").expect(401);
        }
        Api.Reply locked = Api.basic(login, Fixtures.PASSWORD).get("/api/me").expect(429);
        assertThat(locked.json().getString("error")).isEqualTo("too_many_failed_logins");
        assertThat(locked.json().getString("message")).contains("try again in 1 minute");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);

        Api.Reply form = Api.anonymous().send("POST", "/login", "username=" + login + "&password="
                + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(303);
        assertThat(form.header("Location")).contains("/login?locked");
        assertThat(Api.anonymous().get("/login?locked").expect(200).body()).contains("Too many failed logins");

        Api.token(token).get("/api/me").expect(200);
        Api.basic(Fixtures.agent(false), Fixtures.PASSWORD).get("/api/me").expect(200);
    }

    @Test
    void aRightPasswordBeforeTheLimitStartsTheCountAgain() {
        String login = Fixtures.agent(false);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                Api.basic(login, "wrong-password-" + i).get("/api/me").expect(401);
            }
            Api.basic(login, Fixtures.PASSWORD).get("/api/me").expect(200);
        }
    }
}
