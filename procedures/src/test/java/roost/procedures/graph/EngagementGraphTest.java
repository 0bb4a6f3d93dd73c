package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementGraphTest {
    private static final long H = 3_600_000L;
    private static final long T0 = 1_341_100_800_000L; // 2012-07-01T00:00Z: data time, not the wall clock
    private static final int LIKE = 0;
    private static final int RETWEET = 1;

    private static EngagementGraph graph(Duration window, Duration span, int small) {
        return new EngagementGraph(new EngagementGraph.Settings(window, span, small));
    }

    /**
     * A graph (window 48 h, buckets of 2 h, small segments of 4 edges) whose folds go to {@code
     * folds}, with user 1's likes of tweets 100 to 109 (author 9), one an hour from T0, published:
     * the sealed buckets call for a fold.
     */
    private static EngagementGraph tenHoursPublished(java.util.concurrent.Executor folds) {
        EngagementGraph g =
                new EngagementGraph(new EngagementGraph.Settings(Duration.ofHours(48), Duration.ofHours(2), 4), folds);
        for (int h = 0; h < 10; h++) {
            g.add(1, 100 + h, 9, LIKE, T0 + h * H);
        }
        g.publish();
        return g;
    }

    private static List<String> recent(EngagementSnapshot snapshot, long user, int max) {
        List<String> out = new ArrayList<>();
        snapshot.cursor()
                .recentEngagements(
                        user,
                        max,
                        EngagementTypes.ALL,
                        (tweet, author, type, time) ->
                                out.add(tweet + "/" + author + "/" + type + "@" + (time - T0) / H));
        return out;
    }

    @Test
    void nothingIsVisibleBeforePublish() {
        EngagementGraph g = graph(Duration.ofHours(48), Duration.ofHours(12), 4);
        g.add(1, 100, 9, LIKE, T0);
        assertThat(recent(g.snapshot(), 1, 10)).isEmpty();
        g.publish();
        assertThat(recent(g.snapshot(), 1, 10)).containsExactly("100/9/0@0");
    }

    @Test
    void recentEngagementsComeNewestFirstAcrossSegmentsAndBuckets() {
        EngagementGraph g = graph(Duration.ofHours(48), Duration.ofHours(4), 1);
        // Out of order and over several publications, so the user's edges end up in many segments.
        long[] hours = {5, 1, 9, 3, 7, 2, 8};
        for (long h : hours) {
            g.add(1, 100 + h, 9, h % 2 == 0 ? LIKE : RETWEET, T0 + h * H);
            g.publish();
        }
        assertThat(g.snapshot().segmentCount()).isGreaterThan(1);
        assertThat(recent(g.snapshot(), 1, 4)).containsExactly("109/9/1@9", "108/9/0@8", "107/9/1@7", "105/9/1@5");
    }

    @Test
    void windowIsMeasuredFromTheNewestEngagementToTheMillisecond() {
        EngagementGraph g = graph(Duration.ofHours(10), Duration.ofHours(4), 4);
        g.add(1, 100, 9, LIKE, T0);
        g.add(1, 101, 9, LIKE, T0 + 1);
        g.add(2, 102, 9, LIKE, T0 + 5 * H);
        g.publish();
        assertThat(recent(g.snapshot(), 1, 10)).hasSize(2);
        // Data time moves to T0 + 10h + 1ms: the edge at T0 leaves, the one at T0 + 1 stays.
        g.add(3, 103, 9, LIKE, T0 + 10 * H + 1);
        g.publish();
        assertThat(recent(g.snapshot(), 1, 10)).containsExactly("101/9/0@0");
        assertThat(g.snapshot().cutoff()).isEqualTo(T0 + 1);
        // An edge older than the window is dropped on arrival.
        assertThat(g.add(4, 104, 9, LIKE, T0)).isFalse();
    }

    @Test
    void edgesThatLeaveTheWindowAreDropped() {
        EngagementGraph g = graph(Duration.ofHours(8), Duration.ofHours(2), 4);
        for (int h = 0; h < 30; h++) {
            g.add(h, 1000 + h, 9, LIKE, T0 + h * H);
            g.publish();
        }
        EngagementSnapshot s = g.snapshot();
        // Window 8h over 2h buckets: sealed buckets are folded into the history, and each fold
        // drops what left the window, so at most a bucket's worth of expired edges is still held.
        assertThat(s.edgeCount()).isEqualTo(9); // hours 21 to 29
        assertThat(s.storedEdges()).isBetween(9L, 11L);
        assertThat(s.counters().folds()).isGreaterThan(10);
        assertThat(s.segmentCount()).isLessThanOrEqualTo(3);
        assertThat(recent(s, 5, 10)).isEmpty();
        assertThat(recent(s, 21, 10)).containsExactly("1021/9/0@21");
        assertThat(recent(s, 29, 10)).containsExactly("1029/9/0@29");
    }

    @Test
    void aJumpInDataTimeDropsWholeBucketsAndTheHistory() {
        EngagementGraph g = graph(Duration.ofHours(8), Duration.ofHours(2), 4);
        for (int h = 0; h < 12; h++) {
            g.add(h, 1000 + h, 9, LIKE, T0 + h * H);
        }
        g.publish();
        assertThat(g.snapshot().counters().folds()).isPositive();
        g.add(99, 1099, 9, LIKE, T0 + 100 * H);
        g.publish();
        EngagementSnapshot s = g.snapshot();
        assertThat(s.counters().expiredBuckets()).isPositive();
        assertThat(s.edgeCount()).isEqualTo(1);
        assertThat(s.segmentCount()).isEqualTo(1);
        assertThat(recent(s, 11, 10)).isEmpty();
    }

    @Test
    void consolidatePutsTheWholeWindowInTheHistoryWithUsersInIdOrder() {
        EngagementGraph g = graph(Duration.ofHours(48), Duration.ofHours(4), 4);
        long[] users = {900, 5, 77, 12, 3000, 41};
        for (int i = 0; i < 60; i++) {
            g.add(users[i % users.length], 100 + i, 9, i % 2 == 0 ? LIKE : RETWEET, T0 + i * H / 2);
        }
        g.consolidate();
        EngagementSnapshot s = g.snapshot();
        assertThat(s.segmentCount()).isEqualTo(1);
        assertThat(s.history).isSameAs(s.segments[0]);
        assertThat(s.history.usersById).isTrue();
        for (int r = 1; r < s.history.userCount(); r++) {
            assertThat(s.history.users.id(r)).isGreaterThan(s.history.users.id(r - 1));
        }
        assertThat(recent(s, 5, 3)).containsExactly("155/9/1@27", "149/9/1@24", "143/9/1@21");
        // New edges go to buckets again; the history stays until their bucket is sealed.
        g.add(5, 999, 9, LIKE, T0 + 30 * H);
        g.publish();
        s = g.snapshot();
        assertThat(s.segmentCount()).isEqualTo(2);
        assertThat(recent(s, 5, 2)).containsExactly("999/9/0@30", "155/9/1@27");
    }

    @Test
    void mergesKeepEveryEdgeAndFewSegments() {
        EngagementGraph g = graph(Duration.ofHours(48), Duration.ofHours(48), 8);
        int n = 5000;
        for (int i = 0; i < n; i++) {
            g.add(i % 50, i, 7, LIKE, T0 + i);
            if (i % 3 == 0) {
                g.publish();
            }
        }
        g.publish();
        EngagementSnapshot s = g.snapshot();
        assertThat(s.edgeCount()).isEqualTo(n);
        // Logarithmic method: about log2(n / small) segments, far fewer than publications.
        assertThat(s.segmentCount()).isLessThanOrEqualTo(12);
        EngagementCursor c = s.cursor();
        assertThat(c.loadUser(3)).isEqualTo(100);
        assertThat(c.loadTweet(4321)).isEqualTo(1);
    }

    @Test
    void deletionHidesTheEdgeOnBothSides() {
        EngagementGraph g = graph(Duration.ofHours(48), Duration.ofHours(12), 4);
        g.add(1, 100, 9, LIKE, T0);
        g.add(1, 100, 9, RETWEET, T0 + 1);
        g.add(2, 100, 9, LIKE, T0 + 2);
        g.publish();
        assertThat(g.delete(1, 100, LIKE, T0)).isTrue();
        assertThat(g.delete(1, 100, LIKE, T0)).isFalse();
        g.publish();
        assertThat(recent(g.snapshot(), 1, 10)).containsExactly("100/9/1@0");
        List<Long> engagers = new ArrayList<>();
        g.snapshot().cursor().engagers(100, (user, time) -> engagers.add(user));
        assertThat(engagers).containsExactlyInAnyOrder(1L, 2L);
        assertThat(g.delete(1, 100, RETWEET, Long.MIN_VALUE)).isTrue();
        g.publish();
        engagers.clear();
        g.snapshot().cursor().engagers(100, (user, time) -> engagers.add(user));
        assertThat(engagers).containsExactly(2L);
    }

    @Test
    void manyDeletionsAreDroppedAtTheNextPublication() {
        EngagementGraph g = graph(Duration.ofHours(48), Duration.ofHours(48), 4);
        for (int i = 0; i < 100; i++) {
            g.add(1, 100 + i, 9, LIKE, T0 + i);
        }
        g.add(2, 100, 9, LIKE, T0 + 500);
        g.publish();
        for (int i = 0; i < 90; i++) {
            g.delete(1, 100 + i, LIKE, T0 + i);
        }
        g.publish();
        EngagementCursor c = g.snapshot().cursor();
        // Rewritten: no deleted edge is left to draw.
        assertThat(c.loadUser(1)).isEqualTo(10);
        for (long k = 0; k < 10; k++) {
            assertThat(c.neighbour(k, EngagementTypes.ALL)).isNotEqualTo(EngagementCursor.NONE);
        }
        assertThat(g.snapshot().edgeCount()).isEqualTo(11);
    }

    @Test
    void oldSnapshotsStayValidWhileTheWriterMovesOn() {
        EngagementGraph g = graph(Duration.ofHours(2), Duration.ofHours(1), 2);
        g.add(1, 100, 9, LIKE, T0);
        g.publish();
        EngagementSnapshot old = g.snapshot();
        for (int h = 1; h < 10; h++) {
            g.add(1, 100 + h, 9, LIKE, T0 + h * H);
            g.publish();
        }
        assertThat(recent(old, 1, 10)).containsExactly("100/9/0@0");
        assertThat(recent(g.snapshot(), 1, 10)).containsExactly("109/9/0@9", "108/9/0@8", "107/9/0@7");
    }

    @Test
    void authorsAndContainsAreAnswered() {
        EngagementGraph g = graph(Duration.ofHours(48), Duration.ofHours(12), 4);
        g.add(1, 100, EdgeBuffer.UNKNOWN_AUTHOR, LIKE, T0);
        g.add(2, 100, 42, LIKE, T0 + 5);
        g.publish();
        assertThat(g.snapshot().cursor().authorOf(100)).isEqualTo(42);
        assertThat(g.snapshot().cursor().authorOf(101)).isEqualTo(EdgeBuffer.UNKNOWN_AUTHOR);
        assertThat(g.contains(2, 100, LIKE, T0 + 5)).isTrue();
        assertThat(g.contains(2, 100, LIKE, T0 + 6)).isFalse();
    }

    /**
     * A fold runs beside the writer: until it is put in place, the sealed segments stay published
     * as they are, and a deletion meanwhile shows at once and is replayed on the fold's result.
     */
    @Test
    void aFoldRunsBesideTheWriterAndKeepsDeletionsMadeMeanwhile() {
        List<Runnable> later = new ArrayList<>();
        EngagementGraph g = tenHoursPublished(later::add);
        assertThat(later).hasSize(1);
        EngagementSnapshot during = g.snapshot();
        assertThat(during.history).isNull();
        assertThat(recent(during, 1, 20)).hasSize(10);
        assertThat(g.delete(1, 103, LIKE, T0 + 3 * H)).isTrue();
        assertThat(recent(g.snapshot(), 1, 20)).hasSize(9).doesNotContain("103/9/0@3");
        later.remove(0).run();
        assertThat(g.foldFinished()).isTrue();
        g.publish();
        EngagementSnapshot after = g.snapshot();
        assertThat(after.history).isNotNull();
        assertThat(after.counters().folds()).isEqualTo(1);
        assertThat(recent(after, 1, 20)).hasSize(9).doesNotContain("103/9/0@3");
        assertThat(after.history.deletedCount()).isEqualTo(1);
    }

    /** A folder that turns the work down (shut down) changes nothing; the next publication tries again. */
    @Test
    void aRejectedFoldLeavesTheSealedSegmentsPublished() {
        java.util.concurrent.atomic.AtomicBoolean reject = new java.util.concurrent.atomic.AtomicBoolean(true);
        EngagementGraph g = tenHoursPublished(task -> {
            if (reject.get()) {
                throw new java.util.concurrent.RejectedExecutionException("shut down");
            }
            task.run();
        });
        assertThat(g.snapshot().history).isNull();
        assertThat(recent(g.snapshot(), 1, 20)).hasSize(10);
        reject.set(false);
        g.publish();
        assertThat(g.snapshot().history).isNotNull();
        // The history (hours 0 to 5) and the two buckets not yet sealed (6 to 7, 8 to 9).
        assertThat(g.snapshot().segmentCount()).isEqualTo(3);
        assertThat(recent(g.snapshot(), 1, 20)).hasSize(10);
    }

    /**
     * A late edge (for a bucket already sealed) does not rewrite a large history: it waits in a
     * small sealed segment, later ones join it, and the fold comes when the window has moved a span.
     */
    @Test
    void lateEdgesWaitForTheNextFoldInOneSmallSegment() {
        EngagementGraph g = graph(Duration.ofHours(48), Duration.ofHours(4), 16);
        for (int i = 0; i < 400; i++) {
            g.add(i % 50, 1000 + i, 9, LIKE, T0 + (i % 40) * H);
        }
        g.consolidate();
        assertThat(g.snapshot().counters().folds()).isEqualTo(1);
        int segments = g.snapshot().segmentCount();

        g.add(7, 5000, 9, RETWEET, T0 + 2 * H);
        g.publish();
        g.add(8, 5001, 9, RETWEET, T0 + 3 * H);
        g.publish();
        EngagementSnapshot s = g.snapshot();
        assertThat(s.counters().folds()).isEqualTo(1);
        assertThat(s.segmentCount()).isEqualTo(segments + 1);
        assertThat(recent(s, 7, 20)).contains("5000/9/1@2");
        assertThat(recent(s, 8, 20)).contains("5001/9/1@3");

        // The window moves a span on: the fold takes the late edges in.
        g.add(9, 5002, 9, LIKE, T0 + 44 * H);
        g.publish();
        s = g.snapshot();
        assertThat(s.counters().folds()).isEqualTo(2);
        assertThat(s.history.edgeCount()).isGreaterThanOrEqualTo(402);
        assertThat(recent(s, 7, 20)).contains("5000/9/1@2");
        assertThat(recent(s, 8, 20)).contains("5001/9/1@3");
    }

    /** A failed fold changes nothing, is counted and reported, and the next waits a span of data time. */
    @Test
    void aFailedFoldIsReportedAndNotRetriedAtOnce() {
        java.util.concurrent.atomic.AtomicBoolean fail = new java.util.concurrent.atomic.AtomicBoolean(true);
        EngagementGraph g = tenHoursPublished(task -> {
            // An interrupted fold stops (as when the graph closes): a failure from inside the merge.
            if (fail.get()) {
                Thread.currentThread().interrupt();
            }
            try {
                task.run();
            } finally {
                Thread.interrupted();
            }
        });
        assertThat(g.takeFoldFailure()).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(g.takeFoldFailure()).isNull();
        assertThat(g.snapshot().counters().foldFailures()).isEqualTo(1);
        assertThat(g.snapshot().history).isNull();
        assertThat(recent(g.snapshot(), 1, 20)).hasSize(10);

        fail.set(false);
        g.add(1, 110, 9, LIKE, T0 + 10 * H); // less than a span on: no new try
        g.publish();
        assertThat(g.snapshot().counters().folds()).isZero();
        g.add(1, 111, 9, LIKE, T0 + 12 * H); // a span on
        g.publish();
        assertThat(g.snapshot().counters().folds()).isEqualTo(1);
        assertThat(g.snapshot().counters().foldFailures()).isEqualTo(1);
        assertThat(g.snapshot().history).isNotNull();
        assertThat(recent(g.snapshot(), 1, 20)).hasSize(12);
    }

    /** A fold whose executor shut down before it started is ended, so waiting for it returns. */
    @Test
    void anAbandonedFoldEndsItsWaiters() {
        List<Runnable> never = new ArrayList<>();
        EngagementGraph g = tenHoursPublished(never::add);
        assertThat(never).hasSize(1);
        g.abandonFold();
        g.awaitFold();
        assertThat(g.foldFinished()).isTrue();
        assertThat(recent(g.snapshot(), 1, 20)).hasSize(10);
    }
}
