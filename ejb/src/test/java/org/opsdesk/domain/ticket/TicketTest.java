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
import org.opsdesk.domain.queue.Queue;

class TicketTest {

    private static final AtomicLong IDS = new AtomicLong(1);
    private final Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
    private final Queue support = new Queue("support", "Support", EmailAddress.of("support@example.com"),
            EmailAddress.of("support-comment@example.com"), t0);
    private final Person alice = withId(Person.agent("alice", "Alice", EmailAddress.of("alice@ops.example"), false, t0));
    private final Person bob = withId(Person.agent("bob", "Bob", null, false, t0));
    private final Person root = withId(Person.agent("root", "Root", null, true, t0));
    private final Person customer = withId(Person.customer(EmailAddress.of("Carol@Customer.Example"), t0));

    private Ticket newTicket() {
        Ticket t = new Ticket(support, "Disk full on db01", customer, Set.of(EmailAddress.of("dave@customer.example")),
                Priority.HIGH, customer, t0);
        return withNumber(t);
    }

    @Test
    void theServiceLevelSetsDeadlinesTheFirstReplyMeetsOneAndTheClockStandsWhilePending() {
        Queue ops = withId(new Queue("ops", null, null, null, t0));
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("urgent 15/240; high 60/480"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        Ticket t = withNumber(new Ticket(ops, "VPN down", customer, Set.of(), Priority.HIGH, customer, t0));
        assertThat(t.responseDue()).isEqualTo(t0.plusSeconds(3600));
        assertThat(t.resolutionDue()).isEqualTo(t0.plusSeconds(8 * 3600));
        assertThat(t.nextDeadline()).as("the first response, until given").isEqualTo(t.responseDue());
        t.changePriority(Priority.URGENT, alice, t0.plusSeconds(60));
        assertThat(t.responseDue()).as("from the creation, by the new priority").isEqualTo(t0.plusSeconds(900));

        Instant late = t0.plusSeconds(1200);
        assertThat(t.isEscalated(late.minusSeconds(301))).isFalse();
        assertThat(t.isEscalated(late)).isTrue();
        assertThat(t.escalateIfDue(late)).containsExactly("first response");
        assertThat(t.escalateIfDue(late.plusSeconds(60))).as("told once").isEmpty();
        HistoryEntry escalated = t.history().get(t.history().size() - 1);
        assertThat(escalated.kind()).isEqualTo(HistoryKind.ESCALATED);
        assertThat(escalated.newValue()).isEqualTo("first response");
        assertThat(escalated.oldValue()).isEqualTo(t0.plusSeconds(900).toString());

        t.reply(alice, MessageBody.text("Looking into it."), late);
        assertThat(t.firstResponseAt()).isEqualTo(late);
        assertThat(t.nextDeadline()).isEqualTo(t.resolutionDue());
        assertThat(t.isEscalated(late)).as("answered, late").isFalse();
        t.reply(alice, MessageBody.text("Still on it."), late.plusSeconds(60));
        assertThat(t.firstResponseAt()).as("the first one").isEqualTo(late);

        // two hours pending: the resolution is due two hours later
        Instant pending = t0.plusSeconds(3600);
        t.pendUntil(pending.plusSeconds(86_400), alice, null, pending);
        assertThat(t.isEscalated(t0.plusSeconds(5 * 3600))).as("the clock stands").isFalse();
        assertThat(t.nextDeadline()).isNull();
        assertThat(t.escalateIfDue(t0.plusSeconds(5 * 3600))).isEmpty();
        t.reopen(alice, null, pending.plusSeconds(7200));
        assertThat(t.resolutionDue()).isEqualTo(t0.plusSeconds(6 * 3600));
        assertThat(t.responseDue()).as("given late: its deadline is the record of that, not moved by the pause")
                .isEqualTo(t0.plusSeconds(900));
        t.changePriority(Priority.HIGH, alice, pending.plusSeconds(7300));
        assertThat(t.responseDue()).as("nor by a later priority").isEqualTo(t0.plusSeconds(900));
        t.changePriority(Priority.URGENT, alice, pending.plusSeconds(7300));
        assertThat(t.escalateIfDue(t0.plusSeconds(6 * 3600))).containsExactly("resolution");

        // resolved, then moved to a queue without a service level: no deadlines, nothing escalated
        t.resolve(alice, null, t0.plusSeconds(7 * 3600));
        assertThat(t.isEscalated(t0.plusSeconds(9 * 3600))).isFalse();
        t.moveTo(support, alice, t0.plusSeconds(7 * 3600));
        assertThat(t.responseDue()).as("the record of the response given").isEqualTo(t0.plusSeconds(900));
        assertThat(t.resolutionDue()).isNull();
        assertThat(t.firstResponseAt()).isEqualTo(late);
    }

    @Test
    void anAgentsMailReopensNoResolvedTicketButEndsAWaitAsAnyonesDoes() {
        Ticket t = newTicket();
        t.receive(customer, MessageBody.text("Disk full"), MessageOrigin.PERSON, t0);
        t.resolve(alice, null, t0.plusSeconds(60));
        t.receive(bob, MessageBody.text("Nice one."), MessageOrigin.PERSON, t0.plusSeconds(120));
        assertThat(t.status()).as("a colleague answering the notification").isEqualTo(TicketStatus.RESOLVED);
        t.receive(customer, MessageBody.text("It is full again."), MessageOrigin.PERSON, t0.plusSeconds(180));
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        t.pendUntil(t0.plusSeconds(86_400), alice, null, t0.plusSeconds(240));
        t.receive(bob, MessageBody.text("The vendor's answer: a new disk tomorrow."), MessageOrigin.PERSON,
                t0.plusSeconds(300));
        assertThat(t.status()).as("the answer it waited for").isEqualTo(TicketStatus.OPEN);

        Ticket own = withNumber(new Ticket(support, "My VPN", bob, Set.of(), Priority.NORMAL, bob, t0));
        own.resolve(alice, null, t0.plusSeconds(60));
        own.receive(bob, MessageBody.text("It drops again."), MessageOrigin.PERSON, t0.plusSeconds(120));
        assertThat(own.status()).as("an agent is the customer of their own ticket").isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void aMessageNamesTheOneStoredMailItWasReadFrom() {
        Ticket t = withNumber(new Ticket(support, "Help", customer, Set.of(), Priority.NORMAL, customer, t0));
        Message m = t.receive(customer, MessageBody.text("please"), MessageOrigin.PERSON, t0);
        assertThat(m.originalMail()).isNull();
        m.readFrom(41);
        m.readFrom(41); // the same delivery, made again
        assertThat(m.originalMail()).isEqualTo(41L);
        assertThatThrownBy(() -> m.readFrom(42)).isInstanceOf(IllegalStateException.class);
        assertThat(t.reply(alice, MessageBody.text("on it"), t0).originalMail()).as("written here").isNull();
    }

    @Test
    void aTicketMonitoringOpenedIsAnsweredByAnAgentTakingIt() {
        Queue ops = withId(new Queue("ops3", null, null, null, t0));
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("urgent 15/240"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        Person nagios = withId(Person.customer(EmailAddress.of("nagios@monitoring.example"), t0));
        Ticket alert = withNumber(new Ticket(ops, "CRITICAL db01", nagios, Set.of(), Priority.URGENT, nagios, t0));
        alert.receive(nagios, MessageBody.text("disk 98%"), MessageOrigin.MONITORING, t0);
        alert.take(alice, t0.plusSeconds(300));
        assertThat(alert.firstResponseAt()).isEqualTo(t0.plusSeconds(300));

        Ticket mail = withNumber(new Ticket(ops, "Help", customer, Set.of(), Priority.URGENT, customer, t0));
        mail.receive(customer, MessageBody.text("please"), MessageOrigin.PERSON, t0);
        mail.receive(nagios, MessageBody.text("disk 98%"), MessageOrigin.MONITORING, t0);
        mail.take(alice, t0.plusSeconds(300));
        assertThat(mail.firstResponseAt()).as("a customer awaits a reply").isNull();
    }

    @Test
    void aDeadlineMovedLaterMayBeBreachedAndToldAgain() {
        Queue ops = withId(new Queue("ops2", null, null, null, t0));
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("urgent -/60; normal -/600"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        Ticket t = withNumber(new Ticket(ops, "Disk", customer, Set.of(), Priority.URGENT, customer, t0));
        assertThat(t.escalateIfDue(t0.plusSeconds(3600))).containsExactly("resolution");
        t.changePriority(Priority.NORMAL, alice, t0.plusSeconds(3700));
        assertThat(t.isEscalated(t0.plusSeconds(3700))).isFalse();
        assertThat(t.escalateIfDue(t0.plusSeconds(36_000))).as("the new deadline's breach").containsExactly("resolution");
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.NONE, org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        t.serviceLevelChanged(t0.plusSeconds(36_100));
        assertThat(t.resolutionDue()).isNull();
        assertThat(t.isEscalated(t0.plusSeconds(36_100))).isFalse();

        // a service level set on a queue of old tickets: past deadlines are escalated, but not told one by one
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("normal 30/600"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        int before = t.history().size();
        t.serviceLevelChanged(t0.plusSeconds(40_000));
        assertThat(t.isEscalated(t0.plusSeconds(40_000))).isTrue();
        assertThat(t.escalateIfDue(t0.plusSeconds(40_000))).isEmpty();
        assertThat(t.history().subList(before, t.history().size())).as("in the history all the same")
                .extracting(HistoryEntry::kind, HistoryEntry::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HistoryKind.ESCALATED, "first response"),
                        org.assertj.core.groups.Tuple.tuple(HistoryKind.ESCALATED, "resolution"));
    }

    @Test
    void aBreachToldIsNotToldAgainWhenPriorityAndQueueChangeAtOnceToTheSameDeadline() {
        Queue first = withId(new Queue("first", null, null, null, t0));
        first.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("normal 1/-; urgent 600/-"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        Queue second = withId(new Queue("second", null, null, null, t0));
        second.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("urgent 1/-"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        Ticket t = withNumber(new Ticket(first, "Disk", customer, Set.of(), Priority.NORMAL, customer, t0));
        assertThat(t.escalateIfDue(t0.plusSeconds(120))).containsExactly("first response");
        // urgent in the first queue would be due in ten hours; in the second it is due when it was
        t.reclassify(Priority.URGENT, second, alice, t0.plusSeconds(180));
        assertThat(t.responseDue()).isEqualTo(t0.plusSeconds(60));
        assertThat(t.escalateIfDue(t0.plusSeconds(240))).as("told once").isEmpty();
        assertThat(t.history()).extracting(HistoryEntry::kind).containsSubsequence(HistoryKind.PRIORITY,
                HistoryKind.QUEUE);
    }

    @Test
    void aServiceLevelChangeLeavesADeadlineItDidNotMoveToTheRegularCheck() {
        Queue ops = withId(new Queue("ops6", null, null, null, t0));
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("normal 30/600"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        Ticket t = withNumber(new Ticket(ops, "Disk", customer, Set.of(), Priority.NORMAL, customer, t0));
        // breached a moment ago, not checked yet, as the admin changes another priority's targets
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("normal 30/600; urgent 5/60"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        t.serviceLevelChanged(t0.plusSeconds(31 * 60));
        assertThat(t.escalateIfDue(t0.plusSeconds(31 * 60))).as("told as any breach is")
                .containsExactly("first response");
        // nor one it moved from one past time to another: that breach too is told as usual
        Ticket other = withNumber(new Ticket(ops, "Disk", customer, Set.of(), Priority.NORMAL, customer, t0));
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("normal 25/600; urgent 5/60"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        other.serviceLevelChanged(t0.plusSeconds(31 * 60));
        assertThat(other.responseDue()).isEqualTo(t0.plusSeconds(25 * 60));
        assertThat(other.escalateIfDue(t0.plusSeconds(31 * 60))).containsExactly("first response");
    }

    @Test
    void aServiceLevelWarnsOnceAheadOfEachDeadlineNotAfterItsBreach() {
        Queue ops = withId(new Queue("ops5", null, null, null, t0));
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("high 60/600; warn 75%"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        Ticket t = withNumber(new Ticket(ops, "VPN down", customer, Set.of(), Priority.HIGH, customer, t0));
        assertThat(t.warnIfDue(t0.plusSeconds(44 * 60 + 59))).isEmpty();
        assertThat(t.isNearingDeadline(t0.plusSeconds(45 * 60))).isTrue();
        assertThat(t.warnIfDue(t0.plusSeconds(45 * 60))).as("three quarters of the hour").containsExactly(
                "first response");
        assertThat(t.warnIfDue(t0.plusSeconds(50 * 60))).as("told once").isEmpty();
        HistoryEntry warning = t.history().get(t.history().size() - 1);
        assertThat(warning.kind()).isEqualTo(HistoryKind.SLA_WARNING);
        assertThat(warning.oldValue()).isEqualTo(t0.plusSeconds(3600).toString());
        assertThat(warning.newValue()).isEqualTo("first response");
        assertThat(t.isNearingDeadline(t0.plusSeconds(3600))).as("past it: escalated, no longer nearing").isFalse();

        t.reply(alice, MessageBody.text("On it."), t0.plusSeconds(50 * 60));
        assertThat(t.isNearingDeadline(t0.plusSeconds(50 * 60))).as("answered").isFalse();
        // the resolution's warning at 450 minutes, checked only after its breach: the breach alone is told
        assertThat(t.escalateIfDue(t0.plusSeconds(601 * 60))).containsExactly("resolution");
        assertThat(t.warnIfDue(t0.plusSeconds(601 * 60))).isEmpty();
        assertThat(t.history()).filteredOn(h -> h.kind() == HistoryKind.SLA_WARNING).hasSize(1);

        // a priority that moves the deadline later warns again
        Ticket u = withNumber(new Ticket(ops, "Disk", customer, Set.of(), Priority.HIGH, customer, t0));
        assertThat(u.warnIfDue(t0.plusSeconds(46 * 60))).containsExactly("first response");
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("high 120/600; warn 75%"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        u.serviceLevelChanged(t0.plusSeconds(47 * 60));
        assertThat(u.warnIfDue(t0.plusSeconds(90 * 60))).containsExactly("first response");
        // a warning already due when a service level is set is given silently
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("high 100/600; warn 50%"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        u.serviceLevelChanged(t0.plusSeconds(91 * 60));
        assertThat(u.warnIfDue(t0.plusSeconds(92 * 60))).isEmpty();
        assertThat(u.isNearingDeadline(t0.plusSeconds(92 * 60))).isTrue();
    }

    @Test
    void aMergeKeepsTheEarlierFirstResponse() {
        Queue ops = withId(new Queue("ops4", null, null, null, t0));
        ops.changeServiceLevel(org.opsdesk.domain.queue.ServiceLevel.parse("normal 30/600"),
                org.opsdesk.domain.queue.BusinessHours.ALWAYS);
        Ticket answered = withNumber(new Ticket(ops, "Mail down", customer, Set.of(), Priority.NORMAL, customer, t0));
        answered.reply(alice, MessageBody.text("On it."), t0.plusSeconds(600));
        Ticket duplicate = withNumber(new Ticket(ops, "Mail down again", customer, Set.of(), Priority.NORMAL, customer,
                t0.plusSeconds(60)));
        answered.mergeInto(duplicate, List.of(), alice, t0.plusSeconds(900));
        assertThat(duplicate.firstResponseAt()).isEqualTo(t0.plusSeconds(600));
    }

    @Test
    void aPendingReminderOpensTheTicketAgainWhenItsTimeComesAndAnyStatusChangeEndsIt() {
        Ticket t = newTicket();
        t.reopen(alice, null, t0);
        Instant friday = t0.plusSeconds(3 * 86_400);
        t.pendUntil(friday, alice, "waiting for the vendor", t0);
        assertThat(t.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(t.pendingUntil()).isEqualTo(friday);
        t.pendUntil(friday.plusSeconds(3600), alice, null, t0);
        assertThat(t.history()).extracting(HistoryEntry::kind).containsExactly(HistoryKind.CREATED,
                HistoryKind.STATUS, HistoryKind.STATUS, HistoryKind.PENDING_UNTIL, HistoryKind.PENDING_UNTIL);

        assertThat(t.remindIfDue(friday)).as("an hour early").isFalse();
        assertThat(t.remindIfDue(friday.plusSeconds(3600))).isTrue();
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.pendingUntil()).isNull();
        HistoryEntry reopened = t.history().get(t.history().size() - 1);
        assertThat(reopened.actor()).as("OpsDesk's doing").isEqualTo("system");
        assertThat(reopened.note()).contains("pending reminder");
        assertThat(t.remindIfDue(friday.plusSeconds(7200))).as("once").isFalse();

        t.pendUntil(friday, alice, null, t0);
        t.changeStatus(TicketStatus.OPEN, alice, "the vendor answered", t0);
        assertThat(t.pendingUntil()).as("the wait is over").isNull();
        assertThatThrownBy(() -> t.pendUntil(Instant.parse("+10000-01-01T00:00:00Z"), alice, null, t0))
                .isInstanceOf(DomainException.class).hasMessageContaining("pending reminder");
        assertThatThrownBy(() -> t.pendUntil(friday, customer, null, t0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> t.pendUntil(t0.minusSeconds(3600), alice, null, t0)).hasMessageContaining("has passed");
        t.pendUntil(t0.minusSeconds(60), alice, null, t0); // the minute just typed: within the grace
        t.pendUntil(t0.minusSeconds(60), alice, null, t0.plusSeconds(3600)); // sent again unchanged, overdue: no change
    }

    @Test
    void timeWorkedAddsUpCorrectionsNeverTakeTheTotalBelowZeroAndAMergeCarriesIt() {
        Ticket t = newTicket();
        Message reply = t.reply(alice, MessageBody.text("Cleaned /var/log."), t0);
        TimeEntry first = t.logTime(alice, 45, null, reply, t0);
        t.logTime(bob, 30, "  called the\nvendor ", null, t0.plusSeconds(60));
        assertThat(first.message()).isSameAs(reply);
        assertThat(t.timeWorked()).isEqualTo(75);
        assertThat(t.timeEntries()).extracting(TimeEntry::minutes).containsExactly(45, 30);
        assertThat(t.timeEntries().get(1).note()).as("one line, trimmed").isEqualTo("called the vendor");
        HistoryEntry logged = t.history().get(t.history().size() - 1);
        assertThat(logged.kind()).isEqualTo(HistoryKind.TIME_WORKED);
        assertThat(logged.oldValue()).isEqualTo("45");
        assertThat(logged.newValue()).isEqualTo("75");
        assertThat(logged.actor()).isEqualTo("bob");
        assertThat(t.updatedAt()).isEqualTo(t0.plusSeconds(60));

        t.logTime(alice, -15, "typo", null, t0);
        assertThat(t.timeWorked()).isEqualTo(60);
        assertThatThrownBy(() -> t.logTime(alice, -61, null, null, t0)).isInstanceOf(DomainException.class)
                .hasMessageContaining("60 minutes worked in all");
        assertThatThrownBy(() -> t.logTime(alice, 0, null, null, t0)).isInstanceOf(DomainException.class)
                .hasMessageContaining("not 0");
        assertThatThrownBy(() -> t.logTime(alice, Ticket.MAX_MINUTES + 1, null, null, t0))
                .isInstanceOf(DomainException.class).hasMessageContaining("a week");
        assertThatThrownBy(() -> t.logTime(customer, 5, null, null, t0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> t.logTime(alice, 5, "x".repeat(TimeEntry.MAX_NOTE + 1), null, t0))
                .isInstanceOf(DomainException.class).hasMessageContaining("at most 500");
        Ticket other = newTicket();
        assertThatThrownBy(() -> other.logTime(alice, 5, null, reply, t0))
                .as("a message of another ticket").isInstanceOf(IllegalArgumentException.class);
        assertThat(t.timeEntries()).hasSize(3);

        other.logTime(bob, 10, null, null, t0);
        t.mergeInto(other, List.of(), alice, t0.plusSeconds(120));
        assertThat(other.timeWorked()).as("the merged ticket's time counts where it went").isEqualTo(70);
        assertThat(other.timeEntries()).as("entries stay where they were logged").hasSize(1);
        assertThatThrownBy(() -> t.logTime(alice, 5, null, null, t0)).hasMessageContaining("merged into");
    }

    @Test
    void agentsWatchATicketOnceEachChangeRecordedWithoutTouchingItsUpdateTimeAndAMergeCarriesThem() {
        Ticket t = newTicket();
        assertThat(t.watch(alice, alice, t0)).isTrue();
        assertThat(t.watch(bob, alice, t0.plusSeconds(5))).as("a colleague added").isTrue();
        assertThat(t.watch(alice, bob, t0.plusSeconds(9))).as("watching already: no change").isFalse();
        assertThat(t.watchers()).containsExactly(alice, bob);
        assertThat(t.isWatchedBy(bob)).isTrue();
        assertThat(t.updatedAt()).as("watching changes nothing about the ticket itself").isEqualTo(t0);
        assertThat(t.history()).filteredOn(h -> h.kind() == HistoryKind.WATCHER_ADDED)
                .extracting(HistoryEntry::actor, HistoryEntry::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "alice"),
                        org.assertj.core.groups.Tuple.tuple("alice", "bob"));

        assertThatThrownBy(() -> t.watch(customer, alice, t0)).isInstanceOf(DomainException.class)
                .hasMessageContaining("Only an active agent can watch");
        assertThatThrownBy(() -> t.watch(alice, customer, t0)).as("a customer changes no watchers")
                .isInstanceOf(DomainException.class);
        Person gone = withId(Person.agent("gone", "Gone", EmailAddress.of("gone@ops.example"), false, t0));
        gone.disable();
        assertThatThrownBy(() -> t.watch(gone, alice, t0)).hasMessageContaining("gone is not one");

        assertThat(t.unwatch(bob, bob, t0.plusSeconds(20))).isTrue();
        assertThat(t.unwatch(bob, bob, t0.plusSeconds(21))).isFalse();
        assertThat(t.watchers()).containsExactly(alice);
        HistoryEntry last = t.history().get(t.history().size() - 1);
        assertThat(last.kind()).isEqualTo(HistoryKind.WATCHER_REMOVED);
        assertThat(last.oldValue()).isEqualTo("bob");

        Ticket full = newTicket();
        for (int i = 0; i < Ticket.MAX_WATCHERS; i++) {
            full.watch(withId(Person.agent("a" + i, "A" + i, null, false, t0)), alice, t0);
        }
        assertThatThrownBy(() -> full.watch(bob, alice, t0)).hasMessageContaining("at most 50 watchers");
        assertThat(full.mention(bob, alice, t0)).as("a mention past the limit is a word").isFalse();
        Ticket mentioned = newTicket();
        assertThat(mentioned.mention(bob, alice, t0)).isTrue();
        assertThat(mentioned.mention(bob, alice, t0)).as("once").isFalse();
        assertThat(mentioned.mention(alice, alice, t0)).as("not oneself").isFalse();
        assertThat(mentioned.mention(customer, alice, t0)).as("not a customer").isFalse();
        assertThat(mentioned.watchers()).containsExactly(bob);
        assertThat(mentioned.history().get(mentioned.history().size() - 1).note()).isEqualTo("mentioned");
        Ticket target = newTicket();
        target.watch(bob, bob, t0);
        t.mergeInto(target, List.of(), alice, t0.plusSeconds(30));
        assertThat(target.watchers()).as("the merged ticket's watchers watch where it went").containsExactly(bob,
                alice);
        assertThatThrownBy(() -> t.watch(bob, bob, t0)).hasMessageContaining("merged into");
    }

    @Test
    void tagsAreWordsKeptOneWayEachChangeRecordedAndAMergeCarriesThem() {
        Ticket t = newTicket();
        t.retag(List.of("VPN", "#billing", " p1-review ", "vpn"), alice, t0);
        assertThat(t.tags()).containsExactly("billing", "p1-review", "vpn");
        t.retag(List.of("vpn", "customer:acme"), bob, t0.plusSeconds(5));
        assertThat(t.tags()).containsExactly("customer:acme", "vpn");
        assertThat(t.history()).filteredOn(h -> h.kind() == HistoryKind.TAG_REMOVED).extracting(HistoryEntry::oldValue)
                .containsExactly("billing", "p1-review");
        assertThat(t.history()).filteredOn(h -> h.kind() == HistoryKind.TAG_ADDED).extracting(HistoryEntry::newValue)
                .containsExactly("billing", "p1-review", "vpn", "customer:acme");
        int entries = t.history().size();
        t.retag(List.of("VPN", "customer:acme"), alice, t0.plusSeconds(9));
        assertThat(t.history()).as("no change, nothing recorded").hasSize(entries);
        assertThat(t.updatedAt()).isEqualTo(t0.plusSeconds(5));

        for (String wrong : new String[] {"", "two words", "-lead", "x".repeat(65), "a,b", "<b>"}) {
            assertThatThrownBy(() -> t.retag(List.of(wrong), alice, t0)).as(wrong).isInstanceOf(DomainException.class)
                    .hasMessageContaining("A tag is a word");
        }
        List<String> many = java.util.stream.IntStream.range(0, Ticket.MAX_TAGS + 1).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> t.retag(many, alice, t0)).hasMessageContaining("at most 20 tags");
        assertThatThrownBy(() -> t.retag(List.of("x"), customer, t0)).isInstanceOf(DomainException.class);

        Ticket target = newTicket();
        target.retag(many.subList(0, Ticket.MAX_TAGS), alice, t0);
        t.mergeInto(target, List.of(), alice, t0.plusSeconds(20));
        assertThat(target.tags()).as("a merge keeps every tag").hasSize(Ticket.MAX_TAGS + 2).contains("vpn",
                "customer:acme");
        target.retag(target.tags().subList(1, target.tags().size()), alice, t0);
        assertThat(target.tags()).as("one taken off, still over the limit").hasSize(Ticket.MAX_TAGS + 1);
        List<String> others = java.util.stream.IntStream.range(0, Ticket.MAX_TAGS + 1).mapToObj(i -> "o" + i).toList();
        assertThatThrownBy(() -> target.retag(others, alice, t0)).as("not another set over the limit")
                .hasMessageContaining("at most 20 tags");
        target.retag(List.of("\u0939\u093f\u0902\u0926\u0940", "cafe\u0301", "\u0130stanbul"), alice, t0);
        assertThat(target.tags()).as("combining marks kept, one form").containsExactly("caf\u00e9", "i\u0307stanbul", "\u0939\u093f\u0902\u0926\u0940");
    }

    @Test
    void aTicketIsOverdueOnlyPastItsDueDateWhileItIsStillWorkedOn() {
        Ticket t = newTicket();
        assertThat(t.isOverdue(t0.plusSeconds(86_400))).as("no due date").isFalse();
        t.dueBy(t0.plusSeconds(3600), alice, t0);
        assertThat(t.isOverdue(t0.plusSeconds(3600))).as("at the due time itself").isFalse();
        assertThat(t.isOverdue(t0.plusSeconds(3601))).isTrue();
        t.changeStatus(TicketStatus.RESOLVED, alice, null, t0);
        assertThat(t.isOverdue(t0.plusSeconds(7200))).as("resolved: late no more").isFalse();
    }

    @Test
    void aNewTicketIsNewAndRecordsItsCreation() {
        Ticket t = newTicket();
        assertThat(t.status()).isEqualTo(TicketStatus.NEW);
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.requesters()).containsExactly(customer);
        assertThat(t.cc()).containsExactly("dave@customer.example");
        assertThat(t.history()).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(HistoryKind.CREATED);
            assertThat(h.actor()).isEqualTo("carol@customer.example");
        });
    }

    @Test
    void requestersAndCcAreTakenOffWithHistoryButTheLastRequesterStays() {
        Ticket t = newTicket();
        Person erin = withId(Person.customer(EmailAddress.of("erin@customer.example"), t0));
        t.addRequester(erin, alice, t0.plusSeconds(1));
        t.removeRequester(customer, alice, t0.plusSeconds(2));
        t.removeCc(EmailAddress.of("Dave@Customer.Example"), alice, t0.plusSeconds(3));
        t.removeCc(EmailAddress.of("nobody@customer.example"), alice, t0.plusSeconds(4)); // not on it: no entry

        assertThat(t.requesters()).containsExactly(erin);
        assertThat(t.cc()).isEmpty();
        assertThat(t.involves(EmailAddress.of("carol@customer.example"))).isFalse();
        assertThat(t.updatedAt()).isEqualTo(t0.plusSeconds(3));
        assertThat(t.history()).extracting(h -> h.kind() + " " + h.oldValue() + " " + h.newValue()).containsExactly(
                "CREATED null Disk full on db01", "REQUESTER_ADDED null erin@customer.example",
                "REQUESTER_REMOVED carol@customer.example null", "CC_REMOVED dave@customer.example null");
        assertThatThrownBy(() -> t.removeRequester(erin, alice, t0.plusSeconds(5)))
                .isInstanceOf(DomainException.class).hasMessageContaining("at least one requester");
        assertThat(t.requesters()).containsExactly(erin);
    }

    @Test
    void aForwardedMessageIsInTheHistoryWithItsRecipientsAndOnlyAnAgentForwardsOnlyItsOwnMessages() {
        Ticket t = newTicket();
        Message m = t.receive(customer, MessageBody.text("the disk is full"), MessageOrigin.PERSON, t0.plusSeconds(1));
        withId(m);
        t.forwarded(alice, m, List.of("vendor@storage.example", "lead@ops.example"), t0.plusSeconds(2));
        assertThat(t.updatedAt()).isEqualTo(t0.plusSeconds(2));
        assertThat(t.history()).last().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(HistoryKind.FORWARDED);
            assertThat(h.actor()).isEqualTo("alice");
            assertThat(h.newValue()).isEqualTo("vendor@storage.example, lead@ops.example");
            assertThat(h.note()).isEqualTo("message " + m.id());
        });

        Ticket other = newTicket();
        assertThatThrownBy(() -> other.forwarded(alice, m, List.of("vendor@storage.example"), t0))
                .isInstanceOf(DomainException.class).hasMessageContaining("a message of this ticket");
        assertThatThrownBy(() -> t.forwarded(customer, m, List.of("vendor@storage.example"), t0))
                .isInstanceOf(DomainException.class).hasMessageContaining("agent");
    }

    @Test
    void aForwardNamingNoMessageTakesTheRequestersLatestElseTheLatestThatIsNoCommentElseTheFirst() {
        Ticket t = newTicket();
        assertThat(t.messageToForward()).isNull();
        Message first = t.comment(alice, MessageBody.text("typed in by an agent"), t0.plusSeconds(1));
        t.comment(alice, MessageBody.text("Forwarded message #1 to a@vendor.example"), t0.plusSeconds(2));
        assertThat(t.messageToForward()).as("never the record of a forward").isSameAs(first);
        Message reply = t.reply(alice, MessageBody.text("we are on it"), t0.plusSeconds(3));
        assertThat(t.messageToForward()).isSameAs(reply);
        Person vendor = withId(Person.customer(EmailAddress.of("a@vendor.example"), t0));
        t.receive(vendor, MessageBody.text("a new disk ships"), MessageOrigin.PERSON, t0.plusSeconds(4));
        Message asked = t.receive(customer, MessageBody.text("any news?"), MessageOrigin.PERSON, t0.plusSeconds(5));
        t.receive(vendor, MessageBody.text("shipped"), MessageOrigin.PERSON, t0.plusSeconds(6));
        assertThat(t.messageToForward()).as("the requester's, not the vendor's").isSameAs(asked);
    }

    @Test
    void subjectIsRequiredAndSingleLine() {
        assertThatThrownBy(() -> new Ticket(support, "  ", customer, null, null, customer, t0))
                .isInstanceOf(DomainException.class).hasMessageContaining("subject");
        Ticket t = new Ticket(support, "a\r\nBcc: evil@x", customer, null, null, customer, t0);
        assertThat(t.subject()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void lifeCycleWritesHistoryForEveryMove() {
        Ticket t = newTicket();
        t.take(alice, t0.plusSeconds(1));
        t.reply(alice, MessageBody.text("Looking into it"), t0.plusSeconds(2));
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        t.resolve(alice, "cleaned /var", t0.plusSeconds(3));
        assertThat(t.resolvedAt()).isEqualTo(t0.plusSeconds(3));
        t.reopen(alice, null, t0.plusSeconds(4));
        assertThat(t.resolvedAt()).isNull();
        t.resolve(alice, null, t0.plusSeconds(5));
        t.close(alice, null, t0.plusSeconds(6));
        assertThat(t.history()).extracting(HistoryEntry::kind).containsExactly(HistoryKind.CREATED,
                HistoryKind.OWNER, HistoryKind.REPLY_ADDED, HistoryKind.STATUS, HistoryKind.STATUS,
                HistoryKind.STATUS, HistoryKind.STATUS, HistoryKind.STATUS);
        assertThat(t.history()).filteredOn(h -> h.kind() == HistoryKind.STATUS)
                .extracting(h -> h.oldValue() + ">" + h.newValue())
                .containsExactly("new>open", "open>resolved", "resolved>open", "open>resolved", "resolved>closed");
    }

    @Test
    void onlyAnAdminReopensAClosedTicket() {
        Ticket t = newTicket();
        t.resolve(alice, null, t0);
        t.close(alice, null, t0);
        assertThatThrownBy(() -> t.reopen(alice, null, t0)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        t.reopen(root, "customer came back", t0);
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void illegalMoveIsAConflictAndChangesNothing() {
        Ticket t = newTicket();
        int before = t.history().size();
        assertThatThrownBy(() -> t.changeStatus(TicketStatus.PENDING, alice, null, t0))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThat(t.status()).isEqualTo(TicketStatus.NEW);
        assertThat(t.history()).hasSize(before);
    }

    @Test
    void customersCannotWorkTickets() {
        Ticket t = newTicket();
        assertThatThrownBy(() -> t.resolve(customer, null, t0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> t.take(customer, t0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> t.comment(customer, MessageBody.text("x"), t0)).isInstanceOf(DomainException.class);
    }

    @Test
    void takeOnlyUnownedStealOnlyOwnedByAnother() {
        Ticket t = newTicket();
        assertThatThrownBy(() -> t.steal(alice, t0)).hasMessageContaining("take it instead");
        t.take(alice, t0);
        assertThat(t.owner()).isEqualTo(alice);
        assertThatThrownBy(() -> t.take(bob, t0)).hasMessageContaining("steal");
        assertThatThrownBy(() -> t.steal(alice, t0)).hasMessageContaining("already");
        t.steal(bob, t0);
        assertThat(t.owner()).isEqualTo(bob);
        HistoryEntry last = t.history().get(t.history().size() - 1);
        assertThat(last.kind()).isEqualTo(HistoryKind.OWNER);
        assertThat(last.oldValue()).isEqualTo("alice");
        assertThat(last.newValue()).isEqualTo("bob");
        assertThat(last.note()).isEqualTo("steal from alice");
    }

    @Test
    void assignAndRelease() {
        Ticket t = newTicket();
        t.assign(bob, alice, t0);
        assertThat(t.owner()).isEqualTo(bob);
        assertThatThrownBy(() -> t.assign(bob, alice, t0)).hasMessageContaining("already");
        assertThatThrownBy(() -> t.assign(customer, alice, t0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> t.release(alice, t0)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        t.release(root, t0);
        assertThat(t.owner()).isNull();
        assertThatThrownBy(() -> t.release(bob, t0)).hasMessageContaining("unowned");
    }

    @Test
    void disabledAgentsCannotBeAssigned() {
        Ticket t = newTicket();
        bob.disable();
        assertThatThrownBy(() -> t.assign(bob, alice, t0)).isInstanceOf(DomainException.class);
    }

    @Test
    void customerReplyReopensAResolvedTicketButAutoRepliesDoNot() {
        Ticket t = newTicket();
        t.resolve(alice, null, t0);
        t.receive(customer, new MessageBody("out of office", null, List.of(), "carol@customer.example", null, null),
                MessageOrigin.MACHINE_MAIL, t0);
        assertThat(t.status()).isEqualTo(TicketStatus.RESOLVED);
        t.receive(customer, new MessageBody("still broken", null, List.of(), "carol@customer.example", null, null),
                MessageOrigin.PERSON, t0);
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        // the history says which was a machine's
        assertThat(t.history()).filteredOn(h -> h.kind() == HistoryKind.INBOUND_ADDED).extracting(HistoryEntry::note)
                .containsExactly("machine mail", null);
    }

    @Test
    void aCustomerAnswerOpensAPendingTicketAgainButAnAutoReplyDoesNot() {
        // pending waits on the customer: their answer puts it back in the agents' work, as RT does with stalled
        Ticket t = newTicket();
        t.changeStatus(TicketStatus.OPEN, alice, null, t0);
        t.changeStatus(TicketStatus.PENDING, alice, null, t0);
        t.receive(customer, new MessageBody("out of office", null, List.of(), "carol@customer.example", null, null),
                MessageOrigin.MACHINE_MAIL, t0);
        assertThat(t.status()).isEqualTo(TicketStatus.PENDING);
        t.receive(customer, new MessageBody("here are the logs", null, List.of(), "carol@customer.example", null,
                null), MessageOrigin.PERSON, t0);
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void attributeChangesAreRecordedOnlyWhenSomethingChanges() {
        Ticket t = newTicket();
        Queue ops = new Queue("ops", null, null, null, t0);
        t.changePriority(Priority.HIGH, alice, t0);
        t.changePriority(Priority.URGENT, alice, t0);
        t.moveTo(ops, alice, t0);
        t.retitle("Disk full on db01.prod", alice, t0);
        t.dueBy(t0.plusSeconds(3600), alice, t0);
        t.dueBy(null, alice, t0);
        assertThat(t.history()).extracting(HistoryEntry::kind).containsExactly(HistoryKind.CREATED,
                HistoryKind.PRIORITY, HistoryKind.QUEUE, HistoryKind.SUBJECT, HistoryKind.DUE, HistoryKind.DUE);
        assertThat(t.queue()).isEqualTo(ops);
        assertThat(t.due()).isNull();
    }

    @Test
    void aDueDateIsInTheYears1970To9999() {
        Ticket t = newTicket();
        for (String outside : List.of("1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z")) {
            assertThatThrownBy(() -> t.dueBy(Instant.parse(outside), alice, t0)).as(outside)
                    .isInstanceOf(DomainException.class).hasMessageContaining("between 1970 and 9999");
        }
        t.dueBy(Instant.parse("9999-12-31T23:59:59Z"), alice, t0);
        assertThat(t.due()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void linksAreRecordedOnBothTicketsAndNeverDuplicated() {
        Ticket a = newTicket();
        Ticket b = newTicket();
        a.link(LinkType.DEPENDS_ON, b, alice, t0);
        assertThat(a.links()).singleElement().satisfies(l -> assertThat(l.target()).isSameAs(b));
        assertThat(b.history().get(b.history().size() - 1).newValue()).isEqualTo("depended-on-by #" + a.number());
        assertThatThrownBy(() -> a.link(LinkType.DEPENDS_ON, b, alice, t0)).hasMessageContaining("exists");
        assertThatThrownBy(() -> a.link(LinkType.REFERS_TO, a, alice, t0)).hasMessageContaining("itself");
        a.unlink(LinkType.DEPENDS_ON, b, alice, t0);
        assertThat(a.links()).isEmpty();
        assertThatThrownBy(() -> a.unlink(LinkType.DEPENDS_ON, b, alice, t0)).isInstanceOf(DomainException.class);
    }

    @Test
    void mergeMovesMessagesRequestersAndCcAndFreezesTheSource() {
        Ticket source = newTicket();
        Person other = withId(Person.customer(EmailAddress.of("erin@customer.example"), t0));
        Ticket target = withNumber(new Ticket(support, "Same problem", other, null, null, other, t0));
        source.receive(customer, new MessageBody("first", null, List.of(), null, null, null), MessageOrigin.PERSON,
                t0.plusSeconds(1));
        target.receive(other, new MessageBody("second", null, List.of(), null, null, null), MessageOrigin.PERSON,
                t0.plusSeconds(2));
        source.mergeInto(target, List.of(), alice, t0.plusSeconds(3));
        assertThat(source.mergedInto()).isSameAs(target);
        assertThat(source.messages()).isEmpty();
        assertThat(target.messages()).extracting(Message::text).containsExactly("first", "second");
        assertThat(target.requesters()).containsExactlyInAnyOrder(customer, other);
        assertThat(target.cc()).contains("dave@customer.example");
        assertThat(target.history()).extracting(HistoryEntry::kind).contains(HistoryKind.MERGED_FROM);
        assertThatThrownBy(() -> source.take(alice, t0)).hasMessageContaining("merged into #" + target.number());
        assertThatThrownBy(() -> target.mergeInto(source, List.of(), alice, t0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> target.mergeInto(target, List.of(), alice, t0)).hasMessageContaining("itself");
    }

    @Test
    void mergeMovesLinksBothWaysAndRecordsEachOnEveryTicketItConcerns() {
        Ticket a = newTicket();
        Ticket b = newTicket();
        Ticket c = newTicket();
        Ticket x = newTicket();
        a.link(LinkType.REFERS_TO, c, alice, t0);
        x.link(LinkType.DEPENDS_ON, a, alice, t0);
        b.link(LinkType.DEPENDS_ON, a, alice, t0);
        List<Link> incoming = List.of(x.links().get(0), b.links().get(0));

        a.mergeInto(b, incoming, alice, t0.plusSeconds(1));

        assertThat(b.links()).extracting(l -> l.type().code() + " #" + l.target().number())
                .containsExactly("refers-to #" + c.number());
        assertThat(x.links()).extracting(l -> l.type().code() + " #" + l.target().number())
                .containsExactly("depends-on #" + b.number());
        assertThat(newValues(b)).contains("refers-to #" + c.number(), "depended-on-by #" + x.number());
        assertThat(b.history()).anyMatch(h -> h.kind() == HistoryKind.LINK_REMOVED
                && ("depends-on #" + a.number()).equals(h.oldValue()));
        assertThat(newValues(c)).contains("referred-to-by #" + b.number());
        assertThat(newValues(x)).contains("depends-on #" + b.number());
        // the service resolves a merged number to where it went: the link exists, and is removable
        assertThatThrownBy(() -> x.link(LinkType.DEPENDS_ON, a.current(), alice, t0)).hasMessageContaining("exists");
        x.unlink(LinkType.DEPENDS_ON, a.current(), alice, t0);
        assertThat(x.links()).isEmpty();
    }

    @Test
    void aLinkThatTheOtherEndSaysAlreadyOrThatContradictsItIsRefused() {
        Ticket a = newTicket();
        Ticket b = newTicket();
        a.link(LinkType.PARENT_OF, b, alice, t0);
        // stored twice, shown twice on both tickets before
        assertThatThrownBy(() -> b.link(LinkType.CHILD_OF, a, alice, t0)).hasMessageContaining("exists");
        assertThatThrownBy(() -> b.link(LinkType.PARENT_OF, a, alice, t0)).hasMessageContaining("contradiction");
        a.link(LinkType.DEPENDS_ON, b, alice, t0);
        assertThatThrownBy(() -> b.link(LinkType.DEPENDS_ON, a, alice, t0)).hasMessageContaining("contradiction");
        a.link(LinkType.REFERS_TO, b, alice, t0);
        b.link(LinkType.REFERS_TO, a, alice, t0); // each may refer to the other
        assertThat(b.links()).hasSize(1);
    }

    @Test
    void aSplitStartsANewTicketWithACopyOfTheMessageWithoutItsMessageIdAndBothHistoriesSaySo() {
        Ticket old = newTicket();
        AttachmentContent log = new AttachmentContent("kernel: eth0 link down".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Message original = withId(old.receive(customer, new MessageBody("Also: the printer is broken.",
                "<p>Also: the printer is broken.</p>", List.of(new Attachment("dmesg.txt", "text/plain", log)),
                "carol@customer.example", "abc@customer.example", null), MessageOrigin.PERSON, t0));
        Instant later = t0.plusSeconds(3600);
        Ticket split = withNumber(new Ticket(support, "Printer broken", customer, Set.of(), Priority.NORMAL, alice,
                later));
        Message copy = split.splitFrom(old, original, alice, later);
        old.splitOff(split, original, alice, later);

        assertThat(copy).isNotSameAs(original);
        assertThat(copy.kind()).isEqualTo(MessageKind.INBOUND);
        assertThat(copy.author()).isEqualTo(customer);
        assertThat(copy.text()).isEqualTo("Also: the printer is broken.");
        assertThat(copy.html()).isEqualTo("<p>Also: the printer is broken.</p>");
        assertThat(copy.createdAt()).as("when the customer wrote it").isEqualTo(t0);
        assertThat(copy.rfcMessageId()).as("mail threads on to the old ticket alone").isNull();
        assertThat(copy.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("dmesg.txt");
            assertThat(a.content()).as("the stored file shared").isSameAs(log);
        });
        assertThat(old.messages()).as("the old ticket keeps it").contains(original);
        assertThat(split.updatedAt()).isEqualTo(later);
        assertThat(split.history()).extracting(HistoryEntry::kind).containsExactly(HistoryKind.CREATED,
                HistoryKind.SPLIT_FROM);
        assertThat(split.history().get(1).newValue()).isEqualTo("#" + old.number());
        assertThat(old.splitOffTo(original)).isEqualTo("#" + split.number());
        Message other = withId(old.reply(alice, MessageBody.text("Looking into the VPN."), later));
        assertThat(old.splitOffTo(other)).isNull();
        assertThatThrownBy(() -> split.splitFrom(old, original, customer, later)).isInstanceOf(DomainException.class);
    }

    @Test
    void aLinkLeftPointingAtAMergedTicketIsTheLinkToWhereItWent() {
        // merges before links moved with them left such links: they could be neither removed nor refused twice
        Ticket a = newTicket();
        Ticket b = newTicket();
        Ticket x = newTicket();
        x.link(LinkType.REFERS_TO, a, alice, t0);
        a.mergeInto(b, List.of(), alice, t0);
        assertThatThrownBy(() -> x.link(LinkType.REFERS_TO, b, alice, t0)).hasMessageContaining("exists");
        x.unlink(LinkType.REFERS_TO, b, alice, t0);
        assertThat(x.links()).isEmpty();
    }

    private static List<String> newValues(Ticket t) {
        return t.history().stream().map(HistoryEntry::newValue).filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void followUpsLandOnlyWhileTheTicketIsOpenOrRecentlyResolved() {
        java.time.Duration window = java.time.Duration.ofDays(7);
        Ticket t = newTicket();
        assertThat(t.acceptsFollowUp(t0, window)).isTrue();
        t.resolve(alice, null, t0);
        assertThat(t.acceptsFollowUp(t0.plus(java.time.Duration.ofDays(6)), window)).isTrue();
        assertThat(t.acceptsFollowUp(t0.plus(java.time.Duration.ofDays(8)), window)).isFalse();
        t.close(alice, null, t0);
        assertThat(t.acceptsFollowUp(t0, window)).isFalse();
        Ticket r = newTicket();
        r.changeStatus(TicketStatus.REJECTED, alice, "spam", t0);
        assertThat(r.acceptsFollowUp(t0, window)).isFalse();
    }

    @Test
    void involvesRequestersAndCcOnly() {
        Ticket t = newTicket();
        assertThat(t.involves(EmailAddress.of("carol@customer.example"))).isTrue();
        assertThat(t.involves(EmailAddress.of("DAVE@customer.example"))).isTrue();
        assertThat(t.involves(EmailAddress.of("mallory@evil.example"))).isFalse();
    }

    private static <T> T withId(T entity) {
        return set(entity, "id", IDS.getAndIncrement());
    }

    private static Ticket withNumber(Ticket t) {
        return set(t, "number", IDS.getAndIncrement());
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
