package roost.procedures.network;

import static org.assertj.core.api.Assertions.assertThat;
import static roost.procedures.graph.TestGraph.LIKED;
import static roost.procedures.graph.TestGraph.REPLIED;
import static roost.procedures.graph.TestGraph.RETWEETED;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.TestGraph;
import roost.procedures.viewer.Viewer;
import roost.procedures.walk.Guard;

class EngagedByFollowingsTest {
    private static final long VIEWER = 1;
    private static final EngagedByFollowings.Params DEFAULTS =
            new EngagedByFollowings.Params(500, EngagementTypes.ALL, 1, 10, 200, true);

    /** Followees 2, 3, 4 (weights 1, 0.5, 2); 5 is not followed. Authors are 7, 8, 9. */
    private static TestGraph graph() {
        return new TestGraph()
                .follow(VIEWER, 2, 3, 4)
                .engage(2, 10, 7, LIKED)
                .engage(3, 10, 7, RETWEETED)
                .engage(4, 11, 8, LIKED)
                .engage(5, 10, 7, LIKED)
                .engage(5, 12, 9, LIKED)
                .publish();
    }

    private static final long[] FOLLOWEES = {4, 2, 3};
    private static final double[] WEIGHTS = {2.0, 1.0, 0.5};

    private static String show(EngagedByFollowings.Result r) {
        return r.items().stream()
                .map(i -> i.tweetId() + ":" + i.score() + ":" + java.util.Arrays.toString(i.socialProof()) + ":"
                        + EngagementTypes.names(i.typeMask()))
                .toList()
                .toString();
    }

    @Test
    void socialProofListsExactlyTheFolloweesWhoEngaged() {
        TestGraph g = graph();
        var r = new EngagedByFollowings()
                .run(g.e().cursor(), FOLLOWEES, WEIGHTS, Viewer.of(VIEWER), DEFAULTS, Guard.NONE);
        assertThat(show(r)).isEqualTo("[11:2.0:[4]:[LIKED], 10:1.5:[2, 3]:[LIKED, RETWEETED]]");
        assertThat(r.items().get(1).socialProofCount()).isEqualTo(2);
        assertThat(r.items().get(0).authorId()).isEqualTo(8);
        assertThat(r.stats().candidates()).isEqualTo(2);
    }

    @Test
    void aFolloweeCountsOncePerTweetHoweverManyWaysTheyEngaged() {
        TestGraph g =
                graph().engage(4, 11, 8, RETWEETED).engage(4, 11, 8, REPLIED).publish();
        var r = new EngagedByFollowings()
                .run(g.e().cursor(), FOLLOWEES, WEIGHTS, Viewer.of(VIEWER), DEFAULTS, Guard.NONE);
        assertThat(show(r)).startsWith("[11:2.0:[4]:[LIKED, RETWEETED, REPLIED]");
    }

    @Test
    void minimumSocialProofLimitAndTypesApply() {
        TestGraph g = graph();
        var min2 = new EngagedByFollowings.Params(500, EngagementTypes.ALL, 2, 10, 200, true);
        assertThat(show(new EngagedByFollowings()
                        .run(g.e().cursor(), FOLLOWEES, WEIGHTS, Viewer.of(VIEWER), min2, Guard.NONE)))
                .isEqualTo("[10:1.5:[2, 3]:[LIKED, RETWEETED]]");
        var retweetsOnly = new EngagedByFollowings.Params(500, 1 << RETWEETED, 1, 10, 200, true);
        assertThat(show(new EngagedByFollowings()
                        .run(g.e().cursor(), FOLLOWEES, WEIGHTS, Viewer.of(VIEWER), retweetsOnly, Guard.NONE)))
                .isEqualTo("[10:0.5:[3]:[RETWEETED]]");
        var one = new EngagedByFollowings.Params(500, EngagementTypes.ALL, 1, 1, 1, true);
        var r = new EngagedByFollowings().run(g.e().cursor(), FOLLOWEES, WEIGHTS, Viewer.of(VIEWER), one, Guard.NONE);
        assertThat(show(r)).isEqualTo("[11:2.0:[4]:[LIKED]]");
    }

    @Test
    void onlyTheMostRecentEngagementsOfEachFolloweeCount() {
        TestGraph g = new TestGraph().follow(VIEWER, 2);
        for (long t = 100; t < 110; t++) {
            g.engage(2, t, 7, LIKED);
        }
        g.publish();
        var three = new EngagedByFollowings.Params(3, EngagementTypes.ALL, 1, 10, 200, true);
        var r = new EngagedByFollowings()
                .run(g.e().cursor(), new long[] {2}, new double[] {1}, Viewer.of(VIEWER), three, Guard.NONE);
        assertThat(r.items()).extracting(EngagedByFollowings.Item::tweetId).containsExactly(109L, 108L, 107L);
    }

    @Test
    void ownHiddenAndEngagedTweetsAreNeverReturned() {
        TestGraph g = graph().engage(2, 20, VIEWER, LIKED) // the viewer's own tweet
                .engage(2, 21, 66, LIKED) // a blocked author
                .engage(2, 22, 7, LIKED) // marked not interested
                .engage(2, 23, 7, LIKED) // the viewer engaged already
                .publish();
        Viewer viewer = new Viewer(
                VIEWER,
                new LongOpenHashSet(new long[] {66}),
                new LongOpenHashSet(new long[] {22}),
                new LongOpenHashSet(new long[] {23}));
        var r = new EngagedByFollowings().run(g.e().cursor(), FOLLOWEES, WEIGHTS, viewer, DEFAULTS, Guard.NONE);
        assertThat(r.items()).extracting(EngagedByFollowings.Item::tweetId).containsExactly(11L, 10L);
        var keepEngaged = new EngagedByFollowings.Params(500, EngagementTypes.ALL, 1, 10, 200, false);
        r = new EngagedByFollowings().run(g.e().cursor(), FOLLOWEES, WEIGHTS, viewer, keepEngaged, Guard.NONE);
        assertThat(r.items()).extracting(EngagedByFollowings.Item::tweetId).containsExactly(11L, 10L, 23L);
    }

    @Test
    void rerunsOnOneInstanceStartFromCleanState() {
        TestGraph g = graph();
        EngagedByFollowings algorithm = new EngagedByFollowings();
        String first = show(algorithm.run(g.e().cursor(), FOLLOWEES, WEIGHTS, Viewer.of(VIEWER), DEFAULTS, Guard.NONE));
        String other = show(algorithm.run(
                g.e().cursor(), new long[] {5}, new double[] {3}, Viewer.of(VIEWER), DEFAULTS, Guard.NONE));
        String again = show(algorithm.run(g.e().cursor(), FOLLOWEES, WEIGHTS, Viewer.of(VIEWER), DEFAULTS, Guard.NONE));
        assertThat(other).isEqualTo("[12:3.0:[5]:[LIKED], 10:3.0:[5]:[LIKED]]");
        assertThat(again).isEqualTo(first);
    }

    /**
     * One instance and one cursor (reset to each request's snapshot) serve requests of every size
     * one after the other, as new ones would: a large request (more candidates than the instance
     * keeps tables for, more edges than the cursor keeps scratch for), a small one on another
     * graph, the large one again.
     */
    @Test
    void oneInstanceAndCursorServeLargeAndSmallRequestsAsNewOnesDo() {
        TestGraph large = new TestGraph();
        int followees = 40;
        long[] ids = new long[followees];
        double[] weights = new double[followees];
        for (int f = 0; f < followees; f++) {
            ids[f] = 100 + f;
            weights[f] = followees - f;
            for (int k = 0; k < 500; k++) {
                // Followees 2k and 2k+1 share 500 tweets: 10,000 candidates, scores by pair.
                large.engage(ids[f], 10_000 + (f / 2) * 500 + k, 7, LIKED);
            }
        }
        large.publish();
        TestGraph small = graph();
        var all = new EngagedByFollowings.Params(500, EngagementTypes.ALL, 1, 3, 12_000, true);
        var top = new EngagedByFollowings.Params(500, EngagementTypes.ALL, 1, 3, 50, true);

        EngagedByFollowings algorithm = new EngagedByFollowings();
        var cursor = small.e().cursor();
        String largeAll =
                show(algorithm.run(cursor.reset(large.e()), ids, weights, Viewer.of(VIEWER), all, Guard.NONE));
        cursor.release();
        String smallAgain = show(
                algorithm.run(cursor.reset(small.e()), FOLLOWEES, WEIGHTS, Viewer.of(VIEWER), DEFAULTS, Guard.NONE));
        cursor.release();
        String largeTop =
                show(algorithm.run(cursor.reset(large.e()), ids, weights, Viewer.of(VIEWER), top, Guard.NONE));

        var fresh = new EngagedByFollowings().run(large.e().cursor(), ids, weights, Viewer.of(VIEWER), all, Guard.NONE);
        assertThat(fresh.items()).hasSize(10_000);
        assertThat(fresh.stats().candidates()).isGreaterThan(EngagedByFollowings.KEEP);
        assertThat(largeAll).isEqualTo(show(fresh));
        assertThat(smallAgain)
                .isEqualTo(show(new EngagedByFollowings()
                        .run(small.e().cursor(), FOLLOWEES, WEIGHTS, Viewer.of(VIEWER), DEFAULTS, Guard.NONE)));
        assertThat(largeTop)
                .isEqualTo(show(new EngagedByFollowings()
                        .run(large.e().cursor(), ids, weights, Viewer.of(VIEWER), top, Guard.NONE)));
        assertThat(largeTop).startsWith("[10499:79.0:[100, 101]:[LIKED], 10498:79.0:[100, 101]");
    }

    /**
     * A request whose candidates outgrow the tables (grown and rehashed, but under what an instance
     * keeps), then one that shares some of its tweets, then the first again: each as a new
     * instance answers. A key left in the table from the run before would answer the second.
     */
    @Test
    void runsAfterTheTablesGrewStartFromCleanState() {
        TestGraph g = new TestGraph().follow(VIEWER, 2, 3, 4, 5);
        for (long f = 2; f <= 4; f++) {
            for (long t = 0; t < 300; t++) {
                g.engage(f, 1_000 + (f - 2) * 300 + t, 7, LIKED);
            }
        }
        g.engage(5, 1_000, 7, RETWEETED).engage(5, 1_001, 7, RETWEETED).engage(5, 99, 8, LIKED);
        g.publish();
        long[] many = {2, 3, 4};
        double[] manyWeights = {3, 2, 1};
        long[] few = {5};
        double[] fewWeights = {1};
        var all = new EngagedByFollowings.Params(500, EngagementTypes.ALL, 1, 10, 1_000, true);

        EngagedByFollowings algorithm = new EngagedByFollowings();
        var first = algorithm.run(g.e().cursor(), many, manyWeights, Viewer.of(VIEWER), all, Guard.NONE);
        String second = show(algorithm.run(g.e().cursor(), few, fewWeights, Viewer.of(VIEWER), all, Guard.NONE));
        String third = show(algorithm.run(g.e().cursor(), many, manyWeights, Viewer.of(VIEWER), all, Guard.NONE));

        assertThat(first.stats().candidates()).isEqualTo(900);
        assertThat(second).isEqualTo("[1001:1.0:[5]:[RETWEETED], 1000:1.0:[5]:[RETWEETED], 99:1.0:[5]:[LIKED]]");
        assertThat(third)
                .isEqualTo(show(first))
                .isEqualTo(show(new EngagedByFollowings()
                        .run(g.e().cursor(), many, manyWeights, Viewer.of(VIEWER), all, Guard.NONE)));
    }

    /** A run the guard stops (between two batches of followees) leaves the next run a clean start. */
    @Test
    void aRunAfterOneTheGuardStoppedStartsFromCleanState() {
        TestGraph g = new TestGraph();
        int followees = 150;
        long[] ids = new long[followees];
        double[] weights = new double[followees];
        for (int f = 0; f < followees; f++) {
            ids[f] = 100 + f;
            weights[f] = 1;
            g.follow(VIEWER, ids[f]).engage(ids[f], 5_000 + f % 40, 7, LIKED);
        }
        g.publish();
        int[] checks = {0};
        Guard stopsAtTheSecondBatch = () -> {
            if (++checks[0] == 2) {
                throw new IllegalStateException("stopped");
            }
        };
        EngagedByFollowings algorithm = new EngagedByFollowings();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        algorithm.run(g.e().cursor(), ids, weights, Viewer.of(VIEWER), DEFAULTS, stopsAtTheSecondBatch))
                .hasMessage("stopped");
        String after = show(algorithm.run(g.e().cursor(), ids, weights, Viewer.of(VIEWER), DEFAULTS, Guard.NONE));
        assertThat(after)
                .isEqualTo(show(new EngagedByFollowings()
                        .run(g.e().cursor(), ids, weights, Viewer.of(VIEWER), DEFAULTS, Guard.NONE)))
                .startsWith("[5029:4.0:[129, 169, 209, 249]:[LIKED]");
    }

    @Test
    void aReleasedCursorReadsNothing() {
        var cursor = graph().e().cursor();
        cursor.release();
        var r = new EngagedByFollowings().run(cursor, FOLLOWEES, WEIGHTS, Viewer.of(VIEWER), DEFAULTS, Guard.NONE);
        assertThat(r.items()).isEqualTo(List.of());
    }

    @Test
    void noFolloweesNoTweets() {
        var r = new EngagedByFollowings()
                .run(graph().e().cursor(), new long[0], new double[0], Viewer.of(VIEWER), DEFAULTS, Guard.NONE);
        assertThat(r.items()).isEqualTo(List.of());
    }
}
