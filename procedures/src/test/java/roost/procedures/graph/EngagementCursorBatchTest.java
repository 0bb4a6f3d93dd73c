package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cursor's batched paths answer exactly what its one-node-at-a-time paths answer. */
class EngagementCursorBatchTest {
    private static EngagementSnapshot graph() {
        EngagementGraph g =
                new EngagementGraph(new EngagementGraph.Settings(Duration.ofHours(10), Duration.ofHours(2), 64));
        SplittableRandom rnd = new SplittableRandom(3);
        long t0 = 1_341_360_000_000L;
        for (int i = 0; i < 20_000; i++) {
            long tweet = 5_000 + rnd.nextInt(2_000);
            g.add(rnd.nextInt(400), tweet, tweet % 97, rnd.nextInt(EngagementTypes.count()), t0 + i * 2_000L);
            if (i % 1_000 == 0) {
                g.publish();
            }
            if (i % 50 == 0) {
                g.delete(
                        rnd.nextInt(400),
                        5_000 + rnd.nextInt(2_000),
                        rnd.nextInt(EngagementTypes.count()),
                        Long.MIN_VALUE);
            }
        }
        g.publish();
        return g.snapshot();
    }

    /**
     * Users have about 50 edges here: with max 7 the batch merges newest first and the order must
     * match too; with max 1,000 it visits all of them slice by slice, so only the sets must match;
     * with max 45 some users take one way and some the other, within one batch. In every case the
     * users come in their order, each user's engagements together.
     */
    @ParameterizedTest
    @ValueSource(ints = {7, 45, 1_000})
    void batchedRecentEngagementsEqualOneUserAtATime(int max) {
        EngagementSnapshot s = graph();
        assertThat(s.segmentCount()).isGreaterThan(2);
        long[] users = new long[450];
        for (int i = 0; i < users.length; i++) {
            users[i] = i;
        }
        List<String> one = new ArrayList<>();
        EngagementCursor single = s.cursor();
        for (int i = 0; i < users.length; i++) {
            int index = i;
            single.recentEngagements(
                    users[i],
                    max,
                    EngagementTypes.ALL & ~1,
                    (t, a, type, time) -> one.add(index + ":" + t + ":" + a + ":" + type + ":" + time));
        }
        List<String> batched = new ArrayList<>();
        EngagementCursor cursor = s.cursor();
        for (int from = 0; from < users.length; from += 64) {
            cursor.recentEngagements(
                    users,
                    from,
                    Math.min(users.length, from + 64),
                    max,
                    EngagementTypes.ALL & ~1,
                    (i, t, a, type, time) -> batched.add(i + ":" + t + ":" + a + ":" + type + ":" + time));
        }
        assertThat(one).isNotEmpty();
        if (max == 45) {
            EngagementCursor c = s.cursor();
            long over = Arrays.stream(users).filter(u -> c.loadUser(u) > max).count();
            assertThat(over).as("users over the cap").isBetween(20L, users.length - 20L);
        }
        assertThat(batched.stream().map(r -> Integer.parseInt(r.substring(0, r.indexOf(':')))))
                .as("users in order, each one's engagements together")
                .isSorted();
        if (max == 7) {
            assertThat(batched).isEqualTo(one);
        } else {
            // Each row carries its user's index, so this compares every user's engagements.
            assertThat(batched).containsExactlyInAnyOrderElementsOf(one);
        }
    }

    @Test
    void preparedLoadsEqualPlainLoads() {
        EngagementSnapshot s = graph();
        long[] users = new long[450];
        long[] tweets = new long[2_100];
        for (int i = 0; i < users.length; i++) {
            users[i] = i;
        }
        for (int i = 0; i < tweets.length; i++) {
            tweets[i] = 4_950 + i;
        }
        EngagementCursor plain = s.cursor();
        EngagementCursor prepared = s.cursor();
        prepared.prepareUsers(users, users.length);
        prepared.prepareTweets(tweets, tweets.length);
        assertSameLoads(users, plain, prepared, EngagementCursor::loadUser);
        assertSameLoads(tweets, plain, prepared, EngagementCursor::loadTweet);
    }

    /**
     * An edge located and read later, after every other node was loaded, is the edge that
     * {@link EngagementCursor#neighbour} reads at once, deleted and filtered ones included, on
     * both sides; the type mask keeps one type in three.
     */
    @Test
    void locatedEdgesReadLaterAreTheNeighbours() {
        EngagementSnapshot s = graph();
        EngagementCursor c = s.cursor();
        int mask = 0b1001001 & EngagementTypes.ALL;
        List<Long> handles = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            long first = side == 0 ? 0 : 4_950;
            long last = side == 0 ? 450 : 7_050;
            for (long id = first; id < last; id++) {
                long degree = side == 0 ? c.loadUser(id) : c.loadTweet(id);
                for (long k = 0; k < degree; k++) {
                    handles.add(c.locate(k));
                    expected.add(c.neighbour(k, mask));
                }
            }
        }
        assertThat(expected).contains(EngagementCursor.NONE).hasSizeGreaterThan(20_000);
        List<Long> read = new ArrayList<>();
        for (long h : handles) {
            read.add(c.neighbourAt(h, mask));
        }
        assertThat(read).isEqualTo(expected);
    }

    /** Each node loads with the same degree and the same neighbours through both cursors. */
    private static void assertSameLoads(
            long[] ids,
            EngagementCursor plain,
            EngagementCursor prepared,
            java.util.function.ToLongBiFunction<EngagementCursor, Long> load) {
        for (long id : ids) {
            long degree = load.applyAsLong(plain, id);
            assertThat(load.applyAsLong(prepared, id)).isEqualTo(degree);
            for (long k = 0; k < degree; k++) {
                assertThat(prepared.neighbour(k, EngagementTypes.ALL))
                        .isEqualTo(plain.neighbour(k, EngagementTypes.ALL));
            }
        }
    }

    /**
     * A follow set from the follow base reads the followees' edges in the history through the
     * base's rows; the answer is what looking each followee up gives, in the same order. Viewer 7
     * changed their follows after the base was built (no base rows: every segment is looked up).
     */
    @ParameterizedTest
    @ValueSource(ints = {7, 45, 1_000})
    void followSetsReadTheHistoryThroughTheFollowBase(int max) {
        EngagementSnapshot s = graph();
        assertThat(s.history).isNotNull();
        FollowGraph follows = new FollowGraph();
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 3_000;
        long[] a = new long[n];
        long[] b = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(20);
            b[i] = rnd.nextInt(500); // users 400..499 have no engagement
        }
        follows.load(a, b, n);
        follows.add(7, 3);
        follows.publish();
        FollowSnapshot f = follows.snapshot();
        assertThat(s.history.slicesKeptFor(f.base())).isFalse();
        for (long viewer = 0; viewer < 20; viewer++) {
            FollowSet set = FollowSet.of(viewer, f, FollowSet.Weigher.UNIFORM, 1000);
            assertThat(set.baseRows() == null).isEqualTo(viewer == 7);
            List<String> byLookup = new ArrayList<>();
            List<String> byRows = new ArrayList<>();
            EngagementCursor lookup = s.cursor();
            EngagementCursor rows = s.cursor();
            for (int from = 0; from < set.size(); from += 64) {
                int to = Math.min(set.size(), from + 64);
                lookup.recentEngagements(
                        set.ids(),
                        from,
                        to,
                        max,
                        EngagementTypes.ALL,
                        (i, t, au, type, time) -> byLookup.add(i + ":" + t + ":" + au + ":" + type + ":" + time));
                rows.recentEngagements(
                        set,
                        from,
                        to,
                        max,
                        EngagementTypes.ALL,
                        (i, t, au, type, time) -> byRows.add(i + ":" + t + ":" + au + ":" + type + ":" + time));
            }
            assertThat(byRows).as("viewer %d", viewer).isNotEmpty().isEqualTo(byLookup);
        }
        assertThat(s.history.slicesKeptFor(f.base()))
                .as("the rows were read through the base")
                .isTrue();
    }
}
