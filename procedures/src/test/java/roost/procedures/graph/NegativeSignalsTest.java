package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import roost.procedures.graph.NegativeSignals.Kind;

class NegativeSignalsTest {
    @Test
    void changesShowAfterPublishingAndOldSnapshotsStayAsTheyWere() {
        NegativeSignals signals = new NegativeSignals();
        signals.change(1, 9, false, Kind.BLOCKED, 1);
        signals.change(1, 7, false, Kind.MUTED, 1);
        signals.change(1, 500, true, Kind.REPORTED, 1);
        assertThat(signals.snapshot().hiddenAuthors(1)).isEmpty();
        signals.publish();
        NegativeSignals.Snapshot first = signals.snapshot();
        assertThat(first.hiddenAuthors(1)).containsExactly(7, 9);
        assertThat(first.hiddenTweets(1)).containsExactly(500);
        assertThat(first.hiddenAuthors(2)).isEmpty();
        assertThat(first.entries()).isEqualTo(3);

        signals.change(1, 9, false, Kind.BLOCKED, -1);
        signals.publish();
        assertThat(signals.snapshot().hiddenAuthors(1)).containsExactly(7);
        assertThat(first.hiddenAuthors(1)).containsExactly(7, 9);
        assertThat(signals.snapshot().entries()).isEqualTo(2);
    }

    @Test
    void aTargetStaysHiddenWhileAnyRelationshipHidesItAndCountsNeverGoNegative() {
        NegativeSignals signals = new NegativeSignals();
        signals.change(1, 9, false, Kind.BLOCKED, 1); // blocked
        signals.change(1, 9, false, Kind.MUTED, 1); // and muted
        signals.change(1, 9, false, Kind.BLOCKED, -1); // unblocked
        signals.publish();
        assertThat(signals.snapshot().hiddenAuthors(1)).containsExactly(9);
        assertThat(signals.hides(1, 9, false, Kind.MUTED)).isTrue();
        assertThat(signals.hides(1, 9, false, Kind.BLOCKED)).isFalse();

        signals.change(1, 9, false, Kind.MUTED, -1);
        signals.change(1, 9, false, Kind.REPORTED, -1); // a removal never seen as an addition
        signals.change(1, 9, false, Kind.BLOCKED_BY, 1);
        signals.publish();
        assertThat(signals.snapshot().hiddenAuthors(1)).containsExactly(9);
        assertThat(signals.snapshot().entries()).isEqualTo(1);
    }

    @Test
    void manyChangedUsersAreFoldedIntoTheBaseWithoutLosingAny() {
        NegativeSignals signals = new NegativeSignals();
        for (long u = 0; u < 5_000; u++) {
            signals.change(u, u + 1, false, Kind.BLOCKED, 1);
            if (u % 500 == 0) {
                signals.publish();
            }
        }
        signals.publish();
        for (long u = 0; u < 5_000; u += 2) {
            signals.change(u, u + 1, false, Kind.BLOCKED, -1);
            signals.change(u, 42, true, Kind.NOT_INTERESTED, 1);
        }
        signals.publish();
        NegativeSignals.Snapshot s = signals.snapshot();
        for (long u = 0; u < 5_000; u++) {
            if (u % 2 == 0) {
                assertThat(s.hiddenAuthors(u)).isEmpty();
                assertThat(s.hiddenTweets(u)).containsExactly(42);
            } else {
                assertThat(s.hiddenAuthors(u)).containsExactly(u + 1);
                assertThat(s.hiddenTweets(u)).isEmpty();
            }
        }
        assertThat(s.entries()).isEqualTo(5_000);
    }

    @Test
    void eachKindIsCountedApartAlsoAfterTheListsAreFoldedIntoTheBase() {
        NegativeSignals signals = new NegativeSignals();
        // User 1 blocks and mutes 9; enough other users change that the publication folds.
        signals.change(1, 9, false, Kind.BLOCKED, 1);
        signals.change(1, 9, false, Kind.MUTED, 1);
        for (long u = 100; u < 3_000; u++) {
            signals.change(u, 1, false, Kind.MUTED, 1);
        }
        signals.publish();
        assertThat(signals.snapshot().hiddenAuthors(1)).containsExactly(9);

        // Unblocking (read back from the base) leaves the mute.
        signals.change(1, 9, false, Kind.BLOCKED, -1);
        signals.publish();
        assertThat(signals.snapshot().hiddenAuthors(1)).containsExactly(9);
        assertThat(signals.hides(1, 9, false, Kind.MUTED)).isTrue();
        signals.change(1, 9, false, Kind.MUTED, -1);
        signals.publish();
        assertThat(signals.snapshot().hiddenAuthors(1)).isEmpty();
        assertThat(signals.snapshot().entries()).isEqualTo(2_900);
    }
}
