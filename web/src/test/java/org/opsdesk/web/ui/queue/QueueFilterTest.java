package org.opsdesk.web.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsdesk.application.TicketCommands.TicketQuery;

class QueueFilterTest {

    private static QueueFilter parse(Map<String, String> params) {
        return QueueFilter.from(params::get);
    }

    @Test
    void defaultsToActiveTicketsOfEveryQueueNewestChangeFirst() {
        QueueFilter f = parse(Map.of());
        assertThat(f.title()).isEqualTo("All tickets");
        TicketQuery q = f.pageQuery();
        assertThat(q.statuses()).containsExactly("active");
        assertThat(q.sort()).isEqualTo("-updated");
        assertThat(q.offset()).isZero();
        assertThat(q.limit()).isEqualTo(50);
        assertThat(f.queryString()).isEmpty();
    }

    @Test
    void myTicketsAndUnownedIgnoreTheOwnerFilter() {
        TicketQuery mine = parse(Map.of("view", "mine", "owner", "bob")).pageQuery();
        assertThat(mine.owner()).isEqualTo("me");
        TicketQuery unowned = parse(Map.of("view", "unowned", "owner", "bob")).pageQuery();
        assertThat(unowned.unowned()).isTrue();
        assertThat(unowned.owner()).isNull();
    }

    @Test
    void unknownValuesFallBackToDefaults() {
        QueueFilter f = parse(Map.of("view", "everything", "status", "bogus", "sort", "-password", "page", "x"));
        assertThat(f.view()).isNull();
        assertThat(f.status()).isEqualTo("active");
        assertThat(f.sort()).isEqualTo("-updated");
        assertThat(f.page()).isEqualTo(1);
    }

    @Test
    void pagesAndSortsTravelInTheQueryStringEncoded() {
        QueueFilter f = parse(Map.of("name", "ops & dev", "q", "disk full", "sort", "-priority", "page", "3",
                "status", "all"));
        assertThat(f.pageQuery().offset()).isEqualTo(100);
        assertThat(f.pageQuery().statuses()).isEmpty();
        assertThat(f.queryString()).isEqualTo("name=ops+%26+dev&status=all&q=disk+full&sort=-priority&page=3");
        assertThat(f.withSort("subject").queryString()).doesNotContain("page=").contains("sort=subject");
    }

    @Test
    void priorityFiltersOneLevelAndIgnoresUnknownOnes() {
        QueueFilter f = parse(Map.of("priority", "urgent"));
        assertThat(f.pageQuery().priorities()).containsExactly("urgent");
        assertThat(f.queryString()).isEqualTo("priority=urgent");
        assertThat(f.withPage(2).priority()).isEqualTo("urgent");
        assertThat(parse(Map.of("priority", "asap")).pageQuery().priorities()).isEmpty();
    }

    @Test
    void watchingListsTheCallersWatchedTicketsAndATagTravelsWithEveryPageAndSort() {
        QueueFilter f = parse(Map.of("view", "watching", "tag", " VPN ", "sort", "-priority"));
        assertThat(f.title()).isEqualTo("Tickets I watch");
        assertThat(f.pageQuery().watcher()).isEqualTo("me");
        assertThat(f.pageQuery().tag()).as("the service checks the word").isEqualTo("VPN");
        assertThat(f.queryString()).isEqualTo("view=watching&tag=VPN&sort=-priority");
        assertThat(f.withPage(2).withSort("number").tag()).isEqualTo("VPN");
        assertThat(parse(Map.of()).pageQuery().watcher()).isNull();
        assertThat(parse(Map.of("tag", "  ")).pageQuery().tag()).isNull();
    }

    @Test
    void escalatedAndAnOrganizationsTicketsTravelWithEveryPageAndSort() {
        QueueFilter f = parse(Map.of("organization", "Acme Corp", "status", "all", "sort", "sla"));
        assertThat(f.title()).isEqualTo("Tickets of Acme Corp");
        assertThat(f.pageQuery().organization()).isEqualTo("Acme Corp");
        assertThat(f.pageQuery().sort()).as("the next deadline of the service level").isEqualTo("sla");
        assertThat(f.queryString()).isEqualTo("status=all&organization=Acme+Corp&sort=sla");
        assertThat(QueueFilter.parse(f.queryString())).isEqualTo(f);
        assertThat(f.withPage(2).withSort("number").organization()).isEqualTo("Acme Corp");
        QueueFilter escalated = parse(Map.of("view", "escalated"));
        assertThat(escalated.title()).isEqualTo("Escalated tickets");
        assertThat(escalated.pageQuery().escalated()).isTrue();
        assertThat(parse(Map.of()).pageQuery().escalated()).isFalse();
    }

    @Test
    void aQueryStringIsReadBackAsTheViewItWrites() {
        QueueFilter f = QueueFilter.parse("/queue.xhtml?name=ops+%26+dev&tag=vpn&page=3&nonsense=1&q=%zz&sort=-number");
        assertThat(f.queue()).isEqualTo("ops & dev");
        assertThat(f.page()).as("a saved view starts at its first page").isEqualTo(1);
        assertThat(f.text()).as("a broken escape is left out").isNull();
        assertThat(f.queryString()).isEqualTo("name=ops+%26+dev&tag=vpn&sort=-number");
        assertThat(QueueFilter.parse(f.queryString())).isEqualTo(f);
        assertThat(QueueFilter.parse(null).queryString()).isEmpty();
        assertThat(QueueFilter.parse("?view=mine&view=overdue").view()).as("the first of a repeated one")
                .isEqualTo("mine");
        assertThat(QueueFilter.parse("q=why?&view=mine").text()).isEqualTo("why?");
    }
}
