package org.opsdesk.it.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Api;
import org.opsdesk.it.support.Corpus;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.support.Fixtures;

/**
 * Every message of {@code ../shared/corpus/mail} (2,353 real mails, 87 of them malformed) through the
 * MTA pipe endpoint: each one must end as a ticket, a threaded reply, a duplicate, ignored, or
 * quarantined with a reason, and none may fail the request. No mail leaves the test server: the queue
 * sends no autoreplies and the server's SMTP is the loopback test port.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailCorpusIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @Test
    void everyCorpusMailEndsSomewhereKnownAndNoneIsLost() throws IOException {
        assumeTrue(Corpus.hasMail(), "../shared/corpus/mail not present: corpus test skipped");
        Api admin = Api.admin();
        String queue = Fixtures.unique("corpus");
        admin.post("/api/queues", Json.createObjectBuilder().add("name", queue).add("autoReply", false).build())
                .expect(201);
        List<Path> mails = Corpus.mails();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        long start = System.nanoTime();
        for (Path p : mails) {
            Api.Reply r = admin.mail(queue, Files.readAllBytes(p));
            assertThat(r.status()).as(p + ": " + r.body()).isEqualTo(200);
            JsonObject o = r.json();
            String d = o.getString("disposition");
            assertThat(d).as(p.toString()).isIn("created", "appended", "duplicate", "ignored", "quarantined");
            if (d.equals("quarantined")) {
                assertThat(o.getString("reason", "")).as(p + " quarantined without a reason").isNotBlank();
                String reason = o.getString("reason");
                reasons.merge(reason.length() > 60 ? reason.substring(0, 60) : reason, 1, Integer::sum);
            }
            if (d.equals("created") || d.equals("appended")) {
                assertThat(o.isNull("ticket")).as(p.toString()).isFalse();
            }
            outcomes.merge(d, 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("corpus: %d mails in %.1f s (%.0f msg/s, 1 stream, H2 or PostgreSQL as configured): %s%n",
                mails.size(), seconds, mails.size() / seconds, outcomes);
        System.out.println("corpus quarantine reasons: " + reasons);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(mails.size());
        assertThat(mails).hasSizeGreaterThanOrEqualTo(2353);
        assertThat(outcomes.getOrDefault("created", 0)).isGreaterThan(1000);
    }
}
