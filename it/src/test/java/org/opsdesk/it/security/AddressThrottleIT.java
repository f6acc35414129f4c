package org.opsdesk.it.security;

import static org.assertj.core.api.Assertions.assertThat;

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
 * One client guessing passwords across many accounts is refused after 30 failures in 10 minutes. This locks out
 * the test client itself, so it is the only test of its class: the counters live as long as the deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AddressThrottleIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @Test
    void thirtyFailuresFromOneAddressLockItOut() {
        String login = Fixtures.agent(false);
        for (int i = 0; i < 40; i++) {
            Api.token("odt_revoked-or-mistyped-" + i).get("/api/me").expect(401); // a wrong token does not count
        }
        for (int i = 0; i < 30; i++) {
            Api.basic("nobody-" + i, "wrong-password").get("/api/me").expect(401);
        }
        Api.Reply locked = Api.basic(login, Fixtures.PASSWORD).get("/api/me").expect(429);
        assertThat(locked.json().getString("message")).contains("from this address");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(60L, 600L);
        Api.token("odt_another-guess").get("/api/me").expect(429);
        Api.anonymous().get("/health").expect(200);
    }
}
