package org.opsdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.opsdesk.domain.DomainException;
import org.opsdesk.domain.party.EmailAddress;
import org.opsdesk.domain.party.Person;
import org.opsdesk.domain.queue.BusinessHours;
import org.opsdesk.domain.queue.Queue;
import org.opsdesk.domain.queue.ServiceLevel;

class TriggerTest {

    private static final Trigger.Channel MAIL = Trigger.Channel.MAIL;

    private static final AtomicLong IDS = new AtomicLong(1);
    private final Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Queue support = withId(new Queue("support", null, null, null, now));
    private final Queue vip = withId(new Queue("vip", null, null, null, now));
    private final Person alice = withId(Person.agent("alice", "Alice", EmailAddress.of("alice@ops.example"), false,
            now));
    private final Person carol = withId(Person.customer(EmailAddress.of("carol@eu.bigcorp.example"), now));
    private final Person dave = withId(Person.customer(EmailAddress.of("dave@smallshop.example"), now));

    private Ticket ticket(Person requester, String subject, String text) {
        Ticket t = set(new Ticket(support, subject, requester, Set.of(), Priority.NORMAL, requester, now), "number",
                IDS.getAndIncrement());
        t.receive(requester, MessageBody.text(text), MessageOrigin.PERSON, now);
        return t;
    }

    private Trigger trigger(String name, Queue ifQueue, String channel, String subject, String body,
            String requester) {
        Trigger t = new Trigger(name, now);
        t.when(ifQueue, channel, subject, body, requester, null, now);
        t.then(vip, Priority.HIGH, alice, List.of("BigCorp"), now);
        return t;
    }

    @Test
    void everyConditionMustHoldAndEachIsOptional() {
        Ticket t = ticket(carol, "Database DOWN in Frankfurt", "Our db01 answers ORA-00942.");
        assertThat(trigger("any", null, null, null, null, null).matches(t, MAIL)).as("no condition: every ticket")
                .isTrue();
        assertThat(trigger("words", support, "mail", "database down", "ora-00942", "@bigcorp.example")
                .matches(t, MAIL)).as("in any case; a subdomain of the domain").isTrue();
        assertThat(trigger("channel", null, "api", null, null, null).matches(t, MAIL)).isFalse();
        assertThat(trigger("queue", vip, null, null, null, null).matches(t, MAIL)).isFalse();
        assertThat(trigger("subject", null, null, "network", null, null).matches(t, MAIL)).isFalse();
        assertThat(trigger("body", null, null, null, "frankfurt", null).matches(t, MAIL))
                .as("the first message's text, not the subject").isFalse();
        assertThat(trigger("other domain", null, null, null, null, "@corp.example").matches(t, MAIL))
                .as("a domain ending alike is not a subdomain").isFalse();
        assertThat(trigger("address", null, null, null, null, "Carol@EU.bigcorp.example").matches(t, MAIL))
                .isTrue();
        assertThat(trigger("address", null, null, null, null, "dave@smallshop.example").matches(t, MAIL))
                .isFalse();
        Trigger off = trigger("off", null, null, null, null, null);
        off.activate(false, now);
        assertThat(off.matches(t, MAIL)).isFalse();
    }

    @Test
    void aTriggerRunsOnTheEventsItNamesItsWordsLookedForInTheReply() {
        Ticket t = ticket(carol, "Printer jams", "The printer jams on page 2.");
        String reply = "Now it is URGENT, the office stopped.";
        Trigger urgent = trigger("urgent", null, "mail", null, "urgent", null);
        assertThat(urgent.events()).as("a new ticket, as every trigger did before").containsExactly(
                Trigger.Event.CREATE);
        assertThat(urgent.matchesReply(t, MAIL, reply)).as("not on replies unless it says so").isFalse();

        urgent.on(Set.of(Trigger.Event.REPLY), now);
        assertThat(urgent.matchesReply(t, MAIL, reply)).isTrue();
        assertThat(urgent.matches(t, MAIL)).as("no longer on create").isFalse();
        assertThat(urgent.matchesReply(t, MAIL, "It works again.")).as("the words of the reply, not of the first message")
                .isFalse();
        assertThat(urgent.matchesReply(t, Trigger.Channel.API, reply)).isFalse();

        urgent.on(Set.of(Trigger.Event.CREATE, Trigger.Event.REPLY), now);
        assertThat(urgent.events()).containsExactly(Trigger.Event.CREATE, Trigger.Event.REPLY);
        assertThat(urgent.matches(ticket(dave, "Urgent", "urgent: disk full"), MAIL)).isTrue();
        urgent.activate(false, now);
        assertThat(urgent.matchesReply(t, MAIL, reply)).isFalse();

        // on a reply it assigns only a ticket nobody owns
        Person bob = withId(Person.agent("bob", "Bob", EmailAddress.of("bob@ops.example"), false, now));
        Ticket owned = ticket(carol, "Printer jams", "jams");
        owned.take(bob, now);
        assertThat(urgent.applyToReply(owned, now)).isFalse();
        assertThat(owned.owner()).isEqualTo(bob);
        assertThat(owned.priority()).as("the rest applies").isEqualTo(Priority.HIGH);
        Ticket unowned = ticket(carol, "Printer jams", "jams");
        assertThat(urgent.applyToReply(unowned, now)).isTrue();
        assertThat(unowned.owner()).isEqualTo(alice);
        // nor a ticket whose owner left (disabled): the reply would reach nobody
        Person gone = withId(Person.agent("gone", "Gone", EmailAddress.of("gone@ops.example"), false, now));
        Ticket orphaned = ticket(carol, "Printer jams", "jams");
        orphaned.take(gone, now);
        gone.disable();
        assertThat(urgent.applyToReply(orphaned, now)).isTrue();
        assertThat(orphaned.owner()).isEqualTo(alice);

        assertThatThrownBy(() -> urgent.on(Set.of(), now)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("invalid_trigger_event"));
        assertThat(Trigger.Event.of(" Reply ")).isEqualTo(Trigger.Event.REPLY);
        assertThatThrownBy(() -> Trigger.Event.of("update")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.getMessage()).contains("'update'"));
    }

    @Test
    void anOrganizationMatchesTicketsOfItsCustomersByTheirDomains() {
        org.opsdesk.domain.party.Organization bigcorp = withId(new org.opsdesk.domain.party.Organization("BigCorp",
                now));
        bigcorp.atDomains(List.of("eu.bigcorp.example"), now);
        Trigger t = new Trigger("BigCorp", now);
        t.when(null, null, null, null, null, bigcorp, now);
        t.then(vip, null, null, List.of(), now);
        assertThat(t.matches(ticket(carol, "Hi", "x"), MAIL)).isTrue();
        assertThat(t.matches(ticket(dave, "Hi", "x"), MAIL)).isFalse();
        Person colleague = withId(Person.agent("erin", "Erin", EmailAddress.of("erin@eu.bigcorp.example"), false,
                now));
        assertThat(t.matches(ticket(colleague, "Hi", "x"), MAIL)).as("agents belong to no organization").isFalse();
        bigcorp.atDomains(List.of("bigcorp.example"), now);
        assertThat(t.matches(ticket(carol, "Hi", "x"), MAIL))
                .as("an organization's domains are exact, as for its membership").isFalse();
    }

    @Test
    void aTriggerChangesTheTicketAsOpsDeskAndNamesItselfInTheHistory() {
        vip.changeServiceLevel(ServiceLevel.parse("high 30/-"), BusinessHours.of("24x7"));
        Ticket t = ticket(dave, "VPN down", "since 9:00");
        Trigger vipTrigger = trigger("VIP customers", null, null, null, null, null);
        assertThat(vipTrigger.applyTo(t, now)).as("the owner changed").isTrue();
        assertThat(t.queue()).isEqualTo(vip);
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.owner()).isEqualTo(alice);
        assertThat(t.tags()).containsExactly("bigcorp");
        assertThat(t.responseDue()).as("the new queue's service level for the new priority")
                .isEqualTo(now.plusSeconds(30 * 60));
        assertThat(t.firstResponseAt()).as("assigned, not answered").isNull();
        List<HistoryEntry> changes = t.history().stream().filter(h -> "trigger VIP customers".equals(h.note()))
                .toList();
        assertThat(changes).extracting(HistoryEntry::kind).containsExactly(HistoryKind.QUEUE, HistoryKind.PRIORITY,
                HistoryKind.OWNER, HistoryKind.TAG_ADDED);
        assertThat(changes).allMatch(h -> HistoryEntry.SYSTEM.equals(h.actor()), "OpsDesk's doing");

        int recorded = t.history().size();
        assertThat(vipTrigger.applyTo(t, now)).as("again: nothing left to change").isFalse();
        assertThat(t.history()).hasSize(recorded);
    }

    @Test
    void anAgentNoLongerActiveIsNotAssigned() {
        Person gone = withId(Person.agent("gone", "Gone", null, false, now));
        Trigger t = new Trigger("to gone", now);
        t.when(null, null, null, null, null, null, now);
        t.then(null, null, gone, List.of("x"), now);
        gone.disable();
        Ticket ticket = ticket(dave, "Hello", "hi");
        assertThat(t.applyTo(ticket, now)).isFalse();
        assertThat(ticket.owner()).isNull();
        assertThat(ticket.tags()).containsExactly("x");
        t.then(null, null, gone, List.of("y"), now);
        assertThat(t.owner()).as("kept when the rest changes: the trigger skips them").isEqualTo(gone);
        Trigger other = new Trigger("to gone anew", now);
        assertThatThrownBy(() -> other.then(null, null, gone, List.of(), now)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("not_an_agent");
    }

    @Test
    void anAlertsTicketATriggerAssignsIsAcknowledgedWhenItsOwnerFirstWorksOnIt() {
        Person nagios = withId(Person.customer(EmailAddress.of("nagios@monitoring.invalid"), now));
        Ticket alert = set(new Ticket(support, "db01 DOWN", nagios, Set.of(), Priority.HIGH, nagios, now), "number",
                IDS.getAndIncrement());
        alert.receive(nagios, MessageBody.text("PING CRITICAL"), MessageOrigin.MONITORING, now);
        Trigger t = new Trigger("on call", now);
        t.when(null, null, null, null, null, null, now);
        t.then(null, null, alice, List.of(), now);
        t.applyTo(alert, now);
        assertThat(alert.owner()).isEqualTo(alice);
        assertThat(alert.firstResponseAt()).as("assigned by a trigger: nobody looked yet").isNull();
        Person bob = withId(Person.agent("bob", "Bob", null, false, now));
        alert.comment(bob, MessageBody.text("seen it"), now.plusSeconds(30));
        assertThat(alert.firstResponseAt()).as("not the owner").isNull();
        alert.comment(alice, MessageBody.text("on it"), now.plusSeconds(60));
        assertThat(alert.firstResponseAt()).isEqualTo(now.plusSeconds(60));

        Ticket other = set(new Ticket(support, "web01 DOWN", nagios, Set.of(), Priority.HIGH, nagios, now), "number",
                IDS.getAndIncrement());
        other.receive(nagios, MessageBody.text("HTTP CRITICAL"), MessageOrigin.MONITORING, now);
        t.applyTo(other, now);
        other.changeStatus(TicketStatus.OPEN, alice, null, now.plusSeconds(90));
        assertThat(other.firstResponseAt()).as("its owner opened it").isEqualTo(now.plusSeconds(90));
    }

    @Test
    void triggersRunInTheOrderOfTheirNamesCharacterByCharacter() {
        Trigger ten = new Trigger("10 y", now);
        Trigger one = new Trigger("1 X", now);
        Trigger two = new Trigger("02", now);
        assertThat(java.util.stream.Stream.of(ten, one, two).sorted(Trigger.ORDER).map(Trigger::name))
                .containsExactly("02", "1 X", "10 y");
    }

    @Test
    void tagsStopAtTheTicketsLimit() {
        Ticket ticket = ticket(dave, "Hello", "hi");
        java.util.List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < Ticket.MAX_TAGS; i++) {
            many.add("t" + (100 + i));
        }
        ticket.retag(many.subList(0, Ticket.MAX_TAGS - 1), alice, now);
        Trigger t = new Trigger("tags", now);
        t.when(null, null, null, null, null, null, now);
        t.then(null, null, null, List.of("a1", "a2"), now);
        t.applyTo(ticket, now);
        assertThat(ticket.tags()).hasSize(Ticket.MAX_TAGS).contains("a1").doesNotContain("a2");
    }

    @Test
    void aTriggerThatChangesNothingOrNamesBadValuesIsRefused() {
        Trigger t = new Trigger("  Route BigCorp ", now);
        assertThat(t.name()).isEqualTo("Route BigCorp");
        assertThat(Trigger.key("ROUTE bigcorp")).isEqualTo(Trigger.key("route BigCorp"));
        assertThat(t.isActive()).isTrue();
        assertThatThrownBy(() -> t.then(null, null, null, List.of(" "), now)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("empty_trigger");
        assertThatThrownBy(() -> t.when(null, "phone", null, null, null, null, now)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_channel");
        assertThatThrownBy(() -> t.when(null, null, "x".repeat(Trigger.MAX_TEXT + 1), null, null, null, now))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_trigger_text");
        assertThatThrownBy(() -> t.when(null, null, null, null, "@not a domain", null, now))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_email");
        assertThatThrownBy(() -> t.then(null, null, null, List.of("not a tag"), now))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_tag");
        assertThatThrownBy(() -> new Trigger(" ", now)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_trigger_name");

        assertThatThrownBy(() -> t.when(null, "x".repeat(5000), null, null, null, null, now))
                .hasMessageEndingWith("…'.").hasMessageContaining("mail, api or monitoring");
        t.when(null, " MAIL ", "  disk\nfull ", null, " @BigCorp.Example ", null, now);
        assertThat(t.ifChannel()).isEqualTo("mail");
        assertThat(t.ifSubject()).as("on one line").isEqualTo("disk full");
        assertThat(t.ifRequester()).isEqualTo("@bigcorp.example");
    }

    private static <T> T withId(T entity) {
        return set(entity, "id", IDS.getAndIncrement());
    }

    private static <T> T set(T entity, String field, Object value) {
        try {
            Field f = entity.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(entity, value);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
