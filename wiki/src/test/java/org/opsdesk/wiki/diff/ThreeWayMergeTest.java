package org.opsdesk.wiki.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {

    private static final String BASE = """
            # Disk full
            ## Meaning
            The disk is full.
            ## Impact
            Writes fail.
            ## Mitigation
            Delete old logs.
            """;

    @Test
    void twoUnrelatedRewritesOfAHugePageAreOneConflictAtOnce() {
        // Myers' algorithm took time in proportion to length times differences: hours, with the page locked
        String base = "a\n".repeat(200_000);
        String mine = "b\n".repeat(200_000);
        String theirs = "c\n".repeat(200_000);

        // a guard against hours (stopped, not waited out), not a speed target: those live in the benchmarks
        MergeResult result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> ThreeWayMerge.merge(base, mine, theirs), "bounded, not hours");

        assertThat(result.clean()).isFalse();
        assertThat(result.conflicts()).hasSize(1);
    }

    @Test
    void editsAtBothEndsOfAHugePageStillMerge() {
        String base = "first\n" + "x\n".repeat(100_000) + "last\n";
        String mine = base.replace("first", "First");
        String theirs = base.replace("last", "Last");

        MergeResult result = ThreeWayMerge.merge(base, mine, theirs);

        assertThat(result.clean()).isTrue();
        assertThat(result.merged()).startsWith("First\n").endsWith("Last\n");
    }

    @Test
    void combinesEditsOfSeparateRegions() {
        String mine = BASE.replace("The disk is full.", "The root disk is full.");
        String theirs = BASE.replace("Delete old logs.", "Delete old logs, then rotate them.");

        MergeResult result = ThreeWayMerge.merge(BASE, mine, theirs);

        assertThat(result.clean()).isTrue();
        assertThat(result.merged()).isEqualTo(BASE.replace("The disk is full.", "The root disk is full.")
                .replace("Delete old logs.", "Delete old logs, then rotate them."));
    }

    @Test
    void reportsEditsOfTheSameLineAsAConflict() {
        String mine = BASE.replace("Writes fail.", "Writes fail and the service stops.");
        String theirs = BASE.replace("Writes fail.", "Nothing can be written.");

        MergeResult result = ThreeWayMerge.merge(BASE, mine, theirs);

        assertThat(result.clean()).isFalse();
        assertThat(result.merged()).isNull();
        assertThat(result.conflicts()).containsExactly(new MergeConflict(5, List.of("Writes fail."),
                List.of("Writes fail and the service stops."), List.of("Nothing can be written.")));
    }

    @Test
    void aConflictComesWithTheMergeMarkedSoThatNeitherSidesOtherChangesAreLost() {
        String mine = BASE.replace("Writes fail.", "Writes fail and the service stops.")
                .replace("The disk is full.", "The root disk is full.");
        String theirs = BASE.replace("Writes fail.", "Nothing can be written.")
                .replace("Delete old logs.", "Delete old logs, then rotate them.");

        MergeResult result = ThreeWayMerge.merge(BASE, mine, theirs);

        assertThat(result.marked()).isEqualTo("""
                # Disk full
                ## Meaning
                The root disk is full.
                ## Impact
                <<<<<<< yours
                Writes fail and the service stops.
                =======
                Nothing can be written.
                >>>>>>> saved meanwhile
                ## Mitigation
                Delete old logs, then rotate them.
                """);
        assertThat(MergeResult.hasMarkers(result.marked())).isTrue();
        assertThat(MergeResult.hasMarkers(BASE + "<<<<<<< yours\n=======\n")).as("not a whole region").isFalse();
        assertThat(ThreeWayMerge.merge(BASE, mine, BASE).marked()).as("clean").isNull();
    }

    @Test
    void takesIdenticalEditsOnce() {
        String both = BASE.replace("Writes fail.", "Writes fail.\nReads slow down.");

        MergeResult result = ThreeWayMerge.merge(BASE, both, both);

        assertThat(result.clean()).isTrue();
        assertThat(result.merged()).isEqualTo(both);
    }

    @Test
    void keepsADeletionOfLinesTheOtherSideLeftAlone() {
        String mine = BASE.replace("## Impact\nWrites fail.\n", "");
        String theirs = BASE.replace("# Disk full", "# Disk full on web01");

        MergeResult result = ThreeWayMerge.merge(BASE, mine, theirs);

        assertThat(result.clean()).isTrue();
        assertThat(result.merged()).isEqualTo("""
                # Disk full on web01
                ## Meaning
                The disk is full.
                ## Mitigation
                Delete old logs.
                """);
    }

    @Test
    void reportsADeletionOfALineTheOtherSideEditedAsAConflict() {
        String mine = BASE.replace("Delete old logs.\n", "");
        String theirs = BASE.replace("Delete old logs.", "Delete old logs first.");

        MergeResult result = ThreeWayMerge.merge(BASE, mine, theirs);

        assertThat(result.conflicts()).containsExactly(new MergeConflict(7, List.of("Delete old logs."),
                List.of(), List.of("Delete old logs first.")));
    }

    @Test
    void reportsDifferentAdditionsAtTheSamePlaceAsAConflict() {
        MergeResult result = ThreeWayMerge.merge(BASE, BASE + "Call the on-call.\n", BASE + "Open a ticket.\n");

        assertThat(result.conflicts()).containsExactly(new MergeConflict(8, List.of(),
                List.of("Call the on-call."), List.of("Open a ticket.")));
    }

    @Test
    void takesTheOnlyEditAndItsLineEnding() {
        String theirs = BASE.strip() + "\nUpdated.";

        MergeResult result = ThreeWayMerge.merge(BASE, BASE, theirs);

        assertThat(result.merged()).isEqualTo(theirs);
    }
}
