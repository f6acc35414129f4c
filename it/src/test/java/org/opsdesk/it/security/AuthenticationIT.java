package org.opsdesk.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;

/** Who gets in: Basic, API tokens, roles; and what is public (health, OpenAPI). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthenticationIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @Test
    void everyApiPathNeedsCredentials() {
        for (String path : new String[] {"/api/tickets", "/api/queues", "/api/agents", "/api/me", "/api/tickets/1",
                "/api/nothing"}) {
            Api.Reply r = Api.anonymous().get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.json().getString("error")).isEqualTo("unauthorized");
            assertThat(r.header("WWW-Authenticate")).contains("Basic");
        }
        Api.anonymous().post("/api/tickets", "{\"subject\":\"x\"}").expect(401);
        assertThat(Api.basic("admin", "wrong-password").get("/api/tickets").expect(401).json().getString("message"))
                .contains("Wrong login or password");
        Api.basic("nobody", "whatever-password").get("/api/tickets").expect(401);
        Api.withHeader("Digest username=admin").get("/api/tickets").expect(401);
        Api.withHeader("Basic !!!notbase64").get("/api/tickets").expect(401);

        // an encoded dot segment: the login check reads it normalised (an alert intake, which a secret opens), the
        // router as sent (a wiki page): refused before either
        Api.Reply dotted = Api.anonymous().get("/api/wiki/pages/foo/%2e%2e/%2e%2e/%2e%2e/alerts?secret=x");
        assertThat(dotted.status()).isEqualTo(400);
        assertThat(dotted.json().getString("error")).isEqualTo("invalid_path");
    }

    @Test
    void adminCredentialsFromTheEnvironmentWork() {
        assertThat(Api.admin().get("/api/me").expect(200).json().getBoolean("admin")).isTrue();
        Api.admin().get("/api/tickets").expect(200);
    }

    @Test
    void adminOnlyOperationsAre403ForAgents() {
        Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        assertThat(agent.post("/api/queues", "{\"name\":\"" + Fixtures.unique("q") + "\"}").expect(403).json()
                .getString("error")).isEqualTo("admin_required");
        agent.post("/api/agents", Json.createObjectBuilder().add("login", Fixtures.unique("x"))
                .add("password", "long-enough-password").build()).expect(403);
        agent.get("/api/queues").expect(200);
        agent.get("/api/agents").expect(200);
        String second = Fixtures.agent(true);
        Api admin2 = Api.basic(second, Fixtures.PASSWORD);
        admin2.post("/api/queues", "{\"name\":\"" + Fixtures.unique("q") + "\"}").expect(201);
        assertThat(admin2.post("/api/agents/" + second + "/admin", "{\"admin\":false}").expect(409).json()
                .getString("error")).isEqualTo("self_demote");
        Api.admin().post("/api/agents/" + second + "/admin", "{\"admin\":false}").expect(200);
        admin2.post("/api/queues", "{\"name\":\"" + Fixtures.unique("q") + "\"}").expect(403);
        agent.post("/api/agents/" + second + "/admin", "{\"admin\":true}").expect(403);
    }

    @Test
    void tokensWorkUntilRevokedAndAreStoredHashed() {
        String login = Fixtures.agent(false);
        Api agent = Api.basic(login, Fixtures.PASSWORD);
        JsonObject created = agent.post("/api/me/tokens", "{\"name\":\"alertmanager\"}").expect(201).json();
        String secret = created.getString("secret");
        assertThat(secret).startsWith("odt_").hasSizeGreaterThan(40);
        long id = created.getJsonObject("token").getJsonNumber("id").longValue();

        Api token = Api.token(secret);
        assertThat(token.get("/api/me").expect(200).json().getString("login")).isEqualTo(login);
        assertThat(agent.get("/api/me/tokens").expect(200).array().getJsonObject(0).containsKey("secret")).isFalse();
        // a token alone makes no other: a leaked one would outlive its revocation
        assertThat(token.post("/api/me/tokens", "{\"name\":\"another\"}").expect(403).json().getString("error"))
                .isEqualTo("password_required");
        assertThat(agent.get("/api/me/tokens").expect(200).array()).hasSize(1);

        Api.basic(Fixtures.agent(false), Fixtures.PASSWORD).delete("/api/me/tokens/" + id).expect(404);
        agent.delete("/api/me/tokens/" + id).expect(204);
        assertThat(token.get("/api/me").expect(401).json().getString("message")).contains("revoked");
        Api.token("odt_made-up-token").get("/api/me").expect(401);
    }

    @Test
    void aTokenFollowsItsOwnersRoleAndStateFromTheNextRequestOn() {
        // the callers a token stands for are remembered between requests: every change must still count at once
        String login = Fixtures.agent(true);
        Api basic = Api.basic(login, Fixtures.PASSWORD);
        Api token = Api.token(basic.post("/api/me/tokens", "{\"name\":\"script\"}").expect(201).json()
                .getString("secret"));
        token.post("/api/queues", "{\"name\":\"" + Fixtures.unique("q") + "\"}").expect(201);
        token.get("/api/search?q=anything").expect(200);
        assertThat(basic.get("/api/me/tokens").expect(200).array().getJsonObject(0).isNull("lastUsedAt"))
                .as("a token's last use is written").isFalse();

        Api.admin().post("/api/agents/" + login + "/admin", "{\"admin\":false}").expect(200);
        token.post("/api/queues", "{\"name\":\"" + Fixtures.unique("q") + "\"}").expect(403);
        assertThat(token.get("/api/me").expect(200).json().getBoolean("admin")).isFalse();
        token.get("/api/search?q=anything").expect(200);

        Api.admin().post("/api/agents/" + login + "/active", "{\"active\":false}").expect(200);
        token.get("/api/me").expect(401);
        token.get("/api/search?q=anything").expect(401);
        Api.admin().post("/api/agents/" + login + "/active", "{\"active\":true}").expect(200);
        token.get("/api/search?q=anything").expect(200);

        // a misspelt or missing field used to enable the account an admin meant to disable
        Api.admin().post("/api/agents/" + login + "/active", "{\"active\":false}").expect(200);
        assertThat(Api.admin().post("/api/agents/" + login + "/active", "{\"enabled\":true}").expect(400).json()
                .getString("error")).isEqualTo("active_required");
        token.get("/api/me").expect(401);
    }

    @Test
    void aDisabledAccountStaysDisabledWhateverChangesAtTheSameMoment() throws Exception {
        // a password change that read the account before an admin disabled it wrote it back enabled (the whole row,
        // without a version check): the disabled agent could log in again
        Api admin = Api.admin();
        for (int round = 0; round < 3; round++) {
            String login = Fixtures.agent(false);
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<Integer> statuses = Fixtures.atOnce(6, () -> {
                int i = next.getAndIncrement();
                return i % 2 == 0
                        ? admin.post("/api/agents/" + login + "/active", "{\"active\":false}").status()
                        : admin.post("/api/agents/" + login + "/password",
                                "{\"password\":\"a-new-password-" + i + "\"}").status();
            });
            assertThat(statuses).as("round " + round).containsAnyOf(200).allMatch(s -> s == 200 || s == 204 || s == 409);
            assertThat(admin.get("/api/agents/" + login).expect(200).json().getBoolean("active")).as("round " + round)
                    .isFalse();
        }
    }

    @Test
    void aChangeSentFromAnotherSitesPageIsRefusedEvenWithCredentials() {
        // a browser that once asked for the API's Basic login adds it to a form another site posts to the desk
        Api admin = Api.admin();
        String queue = "{\"name\":\"" + Fixtures.unique("q") + "\"}";
        JsonObject refused = admin.send("POST", "/api/queues", queue, "application/json", "Origin",
                "https://evil.example").expect(403).json();
        assertThat(refused.getString("error")).isEqualTo("cross_site_request");
        admin.send("POST", "/api/queues", queue, "application/json", "Sec-Fetch-Site", "cross-site").expect(403);
        admin.send("POST", "/api/queues", queue, "application/json", "Origin", "null").expect(403);
        // reading stays open; the desk's own pages and scripts without a browser go on as before
        admin.send("GET", "/api/queues", null, null, "Origin", "https://evil.example").expect(200);
        admin.send("POST", "/api/queues", queue, "application/json", "Sec-Fetch-Site", "same-origin").expect(201);
        admin.post("/api/queues", "{\"name\":\"" + Fixtures.unique("q") + "\"}").expect(201);
    }

    @Test
    void anOverLongDisplayNameIsRefusedNamingTheLimit() {
        // was a 500 when the insert hit the column's 200 characters
        JsonObject refused = Api.admin().post("/api/agents", Json.createObjectBuilder()
                .add("login", Fixtures.unique("long")).add("displayName", "x".repeat(201))
                .add("password", "a-long-password-1").build()).expect(400).json();
        assertThat(refused.getString("error")).isEqualTo("display_name_too_long");
        assertThat(refused.getString("message")).contains("200");
    }

    @Test
    void disabledAgentsAndChangedPasswordsLockOut() {
        String login = Fixtures.agent(false);
        Api agent = Api.basic(login, Fixtures.PASSWORD);
        agent.get("/api/me").expect(200);
        // one's own password is changed knowing the current one: a leaked API token alone must not take the account
        assertThat(agent.post("/api/agents/" + login + "/password", "{\"password\":\"a-new-password-2\"}").expect(400)
                .json().getString("error")).isEqualTo("current_password_required");
        assertThat(agent.post("/api/agents/" + login + "/password", "{\"password\":\"a-new-password-2\","
                + "\"currentPassword\":\"a-wrong-guess-1\"}").expect(403).json().getString("error"))
                .isEqualTo("current_password_wrong");
        agent.post("/api/agents/" + login + "/password", "{\"password\":\"short\",\"currentPassword\":\""
                + Fixtures.PASSWORD + "\"}").expect(400);
        agent.post("/api/agents/" + login + "/password", "{\"password\":\"a-new-password-2\",\"currentPassword\":\""
                + Fixtures.PASSWORD + "\"}").expect(204);
        agent.get("/api/me").expect(401);
        Api renewed = Api.basic(login, "a-new-password-2");
        renewed.get("/api/me").expect(200);
        Api.admin().post("/api/agents/" + login + "/active", "{\"active\":false}").expect(200);
        renewed.get("/api/me").expect(401);
    }

    @Test
    void aPasswordChangedOrResetEndsTheAgentsUiSessions() {
        // a leaked password reset by an admin: the session opened with it went on for as long as it was used
        String login = Fixtures.agent(false);
        org.opsdesk.it.support.UiClient browser = org.opsdesk.it.support.UiClient.loggedIn(login, Fixtures.PASSWORD);
        assertThat(browser.get("/queue.xhtml").statusCode()).isEqualTo(200);

        Api.admin().post("/api/agents/" + login + "/password", "{\"password\":\"a-new-password-3\"}").expect(204);

        var after = browser.get("/queue.xhtml");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
        org.opsdesk.it.support.UiClient again = org.opsdesk.it.support.UiClient.loggedIn(login, "a-new-password-3");
        assertThat(again.get("/queue.xhtml").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherSitesPageNeitherEndsASessionNorOpensOne() {
        String login = Fixtures.agent(false);
        org.opsdesk.it.support.UiClient browser = org.opsdesk.it.support.UiClient.loggedIn(login, Fixtures.PASSWORD);
        // a link (GET) or a form posted from another site's page: the session cookie goes along with both
        browser.get("/logout");
        browser.post("/logout", "", "Origin", "https://elsewhere.example");
        browser.post("/logout", "", "Sec-Fetch-Site", "cross-site");
        assertThat(browser.get("/queue.xhtml").statusCode()).as("still logged in").isEqualTo(200);
        browser.post("/logout", "");
        assertThat(browser.get("/queue.xhtml").statusCode()).as("the layout's own button").isEqualTo(303);

        // logging the browser into an account of the other site's choosing
        org.opsdesk.it.support.UiClient visitor = org.opsdesk.it.support.UiClient.anonymous();
        var refused = visitor.post("/login", "username=" + login + "&password=" + Fixtures.PASSWORD,
                "Sec-Fetch-Site", "cross-site");
        assertThat(refused.headers().firstValue("Location").orElse("")).contains("/login?error");
        assertThat(visitor.get("/queue.xhtml").statusCode()).isEqualTo(303);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndNewAtLogin() {
        String login = Fixtures.agent(false);
        Api.Reply r = Api.anonymous().send("POST", "/login", "username=" + login + "&password=" + Fixtures.PASSWORD,
                "application/x-www-form-urlencoded");
        assertThat(r.status()).isEqualTo(303);
        java.util.List<String> cookies = r.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
        // plain HTTP here: Secure is added only when the request came over TLS (undertow-handlers.conf)
        assertThat(cookies).noneMatch(c -> c.matches("(?i).*;\\s*Secure\\s*(;.*)?"));
    }

    @Test
    void healthAndOpenApiArePublic() {
        Api.Reply health = Api.anonymous().get("/health").expect(200);
        assertThat(health.json().getString("status")).isEqualTo("UP");
        assertThat(health.json().getJsonArray("checks").getJsonObject(0).getString("name")).isEqualTo("database");
        Api.Reply openapi = Api.anonymous().send("GET", "/openapi", null, null, "Accept", "application/json")
                .expect(200);
        assertThat(openapi.body()).contains("/api/tickets/{number}/merge", "/api/queues");
    }
}
