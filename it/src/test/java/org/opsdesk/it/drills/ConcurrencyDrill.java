package org.opsdesk.it.drills;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.alerts.AlertsIT;
import org.opsdesk.it.search.SearchIT;
import org.opsdesk.it.support.Deployments;
import org.opsdesk.it.tickets.TicketLifecycleIT;
import org.opsdesk.it.wiki.WikiIT;

/**
 * Drills 4, 5 and 6 of #8, three times each: the same scenarios the integration tests run once (so the drill and
 * the test cannot drift apart), repeated on one deployment so that leftovers of a run meet the next one.
 */
@ExtendWith({ArquillianExtension.class, DrillReport.class})
@RunAsClient
class ConcurrencyDrill {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @RepeatedTest(3)
    @DisplayName("concurrent-alerts")
    void concurrentAlerts() throws Exception {
        long t0 = System.nanoTime();
        new AlertsIT().fiftyIdenticalAlertsAtOnceOpenOneTicketFiftyDistinctOpenFiftyAndTheirRecoveriesLeaveNoneOpen();
        DrillReport.figure("ms", (System.nanoTime() - t0) / 1_000_000);
    }

    @RepeatedTest(3)
    @DisplayName("search-index-loss")
    void searchIndexLoss() throws Exception {
        long t0 = System.nanoTime();
        SearchIT search = new SearchIT();
        search.indexerIsIdle();
        search.aLostIndexDirectoryIsRebuiltFromTheDatabase();
        DrillReport.figure("ms", (System.nanoTime() - t0) / 1_000_000);
    }

    @RepeatedTest(3)
    @DisplayName("concurrent-edits")
    void concurrentEdits() throws Exception {
        long t0 = System.nanoTime();
        new TicketLifecycleIT().staleUpdatesAre409NeverSilentOverwrites();
        new WikiIT().concurrentEditsMergeOrConflictButAreNeverLost();
        DrillReport.figure("ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
