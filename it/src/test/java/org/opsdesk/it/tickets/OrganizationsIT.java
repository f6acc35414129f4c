package org.opsdesk.it.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsdesk.it.tickets.TicketLifecycleIT.number;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

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

/** Organizations over REST: customers are theirs by domain, from their first mail or when a domain is added. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrganizationsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    private final Api admin = Api.admin();

    private long ticketFrom(String queue, String requester) {
        return number(admin.post("/api/tickets", Json.createObjectBuilder().add("queue", queue).add("subject",
                "VPN drops").add("body", "again").add("requester", requester).build()).expect(201).json());
    }

    private List<String> organizations(long ticket) {
        return admin.get("/api/tickets/" + ticket).expect(200).json().getJsonArray("organizations")
                .getValuesAs(JsonString::getString);
    }

    private List<Long> ticketsOf(String organization) {
        return admin.get("/api/tickets?organization=" + organization.replace(" ", "%20")).expect(200)
                .json().getJsonArray("items").stream().map(i -> i.asJsonObject().getJsonNumber("number")
                        .longValue()).toList();
    }

    @Test
    void customersAtItsDomainsAreItsAndItsTicketsAreListed() {
        String queue = Fixtures.queue();
        String domain = Fixtures.unique("acme") + ".example";
        String other = Fixtures.unique("globex") + ".example";
        // a customer known before the organization: theirs once it is created
        long before = ticketFrom(queue, "ops@" + domain);
        String name = Fixtures.unique("Acme Corp");
        JsonObject created = admin.post("/api/organizations", Json.createObjectBuilder().add("name", name)
                .add("domains", Json.createArrayBuilder().add(domain.toUpperCase())).add("note", "key account")
                .build()).expect(201).json();
        assertThat(created.getJsonArray("domains").getValuesAs(JsonString::getString)).containsExactly(domain);
        assertThat(created.getInt("customers")).isEqualTo(1);
        assertThat(organizations(before)).containsExactly(name);

        // a new customer's first mail: theirs from the start
        String mailer = "noc@" + domain;
        long mailed = admin.mail(queue, Mails.from(mailer).to(queue + "@support.example").subject("Disk").text("full")
                .bytes()).expect(200).json().getJsonNumber("ticket").longValue();
        assertThat(organizations(mailed)).containsExactly(name);
        long elsewhere = ticketFrom(queue, "ops@" + other);
        assertThat(organizations(elsewhere)).isEmpty();
        assertThat(ticketsOf(name)).containsExactlyInAnyOrder(before, mailed);
        assertThat(ticketsOf(name.toUpperCase())).as("by name in any case").hasSize(2);

        // a domain added and one taken away: the customers follow
        admin.patch("/api/organizations/" + name.replace(" ", "%20"), Json.createObjectBuilder()
                .add("domains", Json.createArrayBuilder().add(other)).build()).expect(200);
        assertThat(organizations(elsewhere)).containsExactly(name);
        assertThat(organizations(before)).isEmpty();
        assertThat(ticketsOf(name)).containsExactly(elsewhere);

        admin.delete("/api/organizations/" + name.replace(" ", "%20")).expect(204);
        assertThat(organizations(elsewhere)).isEmpty();
        admin.get("/api/organizations/" + name.replace(" ", "%20")).expect(404);
    }

    @Test
    void aSavedViewOfAnOrganizationFollowsItsRename() {
        String name = Fixtures.unique("Globex");
        admin.post("/api/organizations", Json.createObjectBuilder().add("name", name).add("domains",
                Json.createArrayBuilder().add(Fixtures.unique("globex") + ".example")).build()).expect(201);
        String agent = Fixtures.agent(false);
        Api as = Api.basic(agent, Fixtures.PASSWORD);
        as.post("/api/me/views", Json.createObjectBuilder().add("name", "Globex escalated").add("query",
                "view=escalated&organization=" + name.toUpperCase(java.util.Locale.ROOT)).add("shared", false)
                .build()).expect(201);
        String renamed = name + "-corp";
        admin.patch("/api/organizations/" + name, Json.createObjectBuilder().add("name", renamed).build())
                .expect(200);
        assertThat(as.get("/api/me/views").expect(200).array().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("name").equals("Globex escalated")).map(v -> v.getString("query")))
                .containsExactly("view=escalated&organization=" + renamed);
    }

    @Test
    void organizationsAreKeptByAdminsWithClearRefusals() {
        String domain = Fixtures.unique("initech") + ".example";
        String name = Fixtures.unique("Initech");
        admin.post("/api/organizations", Json.createObjectBuilder().add("name", name).add("domains",
                Json.createArrayBuilder().add(domain)).build()).expect(201);
        JsonObject taken = admin.post("/api/organizations", Json.createObjectBuilder().add("name",
                Fixtures.unique("Other")).add("domains", Json.createArrayBuilder().add(domain)).build()).expect(409)
                .json();
        assertThat(taken.getString("error")).isEqualTo("domain_taken");
        assertThat(taken.getString("message")).contains(name);
        assertThat(admin.post("/api/organizations", Json.createObjectBuilder().add("name", name.toLowerCase())
                .build()).expect(409).json().getString("error")).isEqualTo("organization_exists");
        assertThat(admin.post("/api/organizations", Json.createObjectBuilder().add("name", Fixtures.unique("x"))
                .add("domains", Json.createArrayBuilder().add("not a domain")).build()).expect(400).json()
                .getString("error")).isEqualTo("invalid_domain");
        assertThat(admin.post("/api/organizations", Json.createObjectBuilder().add("name", " ").build()).expect(400)
                .json().getString("error")).isEqualTo("invalid_organization_name");

        Api agent = Api.basic(Fixtures.agent(false), Fixtures.PASSWORD);
        assertThat(agent.get("/api/organizations").expect(200).array().stream()
                .map(o -> o.asJsonObject().getString("name")).toList()).contains(name);
        agent.post("/api/organizations", Json.createObjectBuilder().add("name", Fixtures.unique("y")).build())
                .expect(403);
        agent.delete("/api/organizations/" + name).expect(403);
    }
}
