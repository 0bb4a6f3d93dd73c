package roost.procedures.salsa;

import static org.assertj.core.api.Assertions.assertThat;
import static roost.procedures.graph.TestGraph.LIKED;
import static roost.procedures.graph.TestGraph.RETWEETED;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.FollowSet;
import roost.procedures.graph.TestGraph;
import roost.procedures.viewer.Viewer;
import roost.procedures.walk.Guard;
import roost.procedures.walk.Salsa;
import roost.procedures.walk.WalkStats;

class TweetSalsaTest {
    private static final long VIEWER = 1;

    private static TweetSalsa.Params params(int limit, int minProof) {
        return new TweetSalsa.Params(
                new Salsa.Params(3000, 5, 0.3, 11), 0.2, EngagementTypes.ALL, limit, minProof, 10, 1000, true);
    }

    /** Viewer 1 follows 2 and 3; 2 and 3 like tweet 10 (author 7); 4 (not followed) also likes 10 and 11. */
    private static TestGraph graph() {
        return new TestGraph()
                .follow(VIEWER, 2, 3)
                .engage(VIEWER, 9, 7, LIKED)
                .engage(2, 9, 7, RETWEETED)
                .engage(2, 10, 7, LIKED)
                .engage(3, 10, 7, LIKED)
                .engage(4, 10, 7, LIKED)
                .engage(4, 11, 8, LIKED)
                .engage(3, 12, VIEWER, LIKED)
                .engage(2, 13, 66, LIKED)
                .publish();
    }

    private static TweetSalsa.Result run(TestGraph g, Viewer viewer, TweetSalsa.Params p) {
        FollowSet follows = FollowSet.of(VIEWER, g.f(), FollowSet.Weigher.UNIFORM, 1000);
        return new TweetSalsa(g.e().cursor(), p.typeMask()).run(viewer, follows, p, Guard.NONE);
    }

    @Test
    void socialProofListsExactlyTheFolloweesWhoEngaged() {
        TestGraph g = graph();
        Viewer viewer = new Viewer(
                VIEWER, new LongOpenHashSet(new long[] {66}), new LongOpenHashSet(), new LongOpenHashSet(new long[] {9
                }));
        var r = run(g, viewer, params(10, 0));
        // 9: engaged already; 12: the viewer's own; 13: blocked author.
        assertThat(r.items()).extracting(TweetSalsa.Item::tweetId).containsExactlyInAnyOrder(10L, 11L);
        TweetSalsa.Item ten =
                r.items().stream().filter(i -> i.tweetId() == 10).findFirst().orElseThrow();
        assertThat(ten.socialProof()).containsExactly(3, 2);
        assertThat(ten.socialProofCount()).isEqualTo(2);
        assertThat(ten.authorId()).isEqualTo(7);
        TweetSalsa.Item eleven =
                r.items().stream().filter(i -> i.tweetId() == 11).findFirst().orElseThrow();
        assertThat(eleven.socialProof()).isEmpty();
        assertThat(r.items().get(0).tweetId()).isEqualTo(10);
        assertThat(r.items().get(0).score()).isGreaterThan(r.items().get(1).score());
        assertThat(r.seeds()).isEqualTo(3);
    }

    @Test
    void minimumSocialProofAndLimitApply() {
        TestGraph g = graph();
        var r = run(g, Viewer.of(VIEWER), params(10, 1));
        assertThat(r.items()).extracting(TweetSalsa.Item::tweetId).doesNotContain(11L, 12L);
        assertThat(run(g, Viewer.of(VIEWER), params(1, 0)).items()).hasSize(1);
    }

    @Test
    void scoresAreSharesOfTweetVisits() {
        var r = run(
                graph(),
                Viewer.of(VIEWER),
                new TweetSalsa.Params(
                        new Salsa.Params(3000, 5, 0.3, 11), 0.2, EngagementTypes.ALL, 100, 0, 10, 1000, false));
        double sum = r.items().stream().mapToDouble(TweetSalsa.Item::score).sum();
        // Everything but the viewer's own tweet 12 is returned.
        double own = 1 - sum;
        assertThat(own).isBetween(0.0, 0.2);
        assertThat(r.stats().steps()).isEqualTo(3000L * 5);
        List<Long> visits = r.items().stream().map(TweetSalsa.Item::visits).toList();
        assertThat(visits).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void seedsGiveTheViewerItsShare() {
        FollowSet follows = new FollowSet(new long[] {2, 3}, new double[] {3, 1});
        var seeds = TweetSalsa.seeds(VIEWER, follows, 0.2);
        assertThat(Arrays.toString(seeds.apportion(100))).isEqualTo("[20, 60, 20]");
        var alone = TweetSalsa.seeds(VIEWER, new FollowSet(new long[0], new double[0]), 0.2);
        assertThat(alone.apportion(10)).containsExactly(10);
    }

    @Test
    void candidatesPastTheFirstRanksAreExaminedWhenTheTopOnesAreAllFiltered() {
        // The viewer engaged with 300 tweets (all filtered out); followee 2 shares one of them and
        // engaged with tweet 5000, which ranks below them but is the one answer.
        TestGraph g = new TestGraph().follow(VIEWER, 2);
        LongOpenHashSet engaged = new LongOpenHashSet();
        for (long t = 1000; t < 1300; t++) {
            g.engage(VIEWER, t, 7, LIKED);
            engaged.add(t);
        }
        g.engage(2, 1000, 7, LIKED).engage(2, 5000, 8, LIKED).publish();
        Viewer viewer = new Viewer(VIEWER, new LongOpenHashSet(), new LongOpenHashSet(), engaged);
        TweetSalsa.Params p = new TweetSalsa.Params(
                new Salsa.Params(3000, 5, 0.3, 11), 0.9, EngagementTypes.ALL, 1, 1, 10, 1000, true);
        var r = run(g, viewer, p);
        assertThat(r.stats().candidates()).isGreaterThan(64);
        assertThat(r.items()).extracting(TweetSalsa.Item::tweetId).containsExactly(5000L);
    }

    /** Everything a result holds but the time taken. */
    private static String show(TweetSalsa.Result r) {
        WalkStats s = r.stats();
        return r.items().stream()
                        .map(i -> i.tweetId() + ":" + i.authorId() + ":" + i.score() + ":" + i.visits() + ":"
                                + Arrays.toString(i.socialProof()) + ":" + i.socialProofCount())
                        .toList()
                + " seeds " + r.seeds() + " walks " + s.walks() + " steps " + s.steps() + " resets " + s.resets()
                + " lost " + s.lost() + " loads " + s.nodesVisited() + " candidates " + s.candidates();
    }

    @Test
    void aReusedInstanceAnswersAsAFreshOne() {
        // Walks over likes only. In between, viewer 5 (follows 4; only retweeted 14, so every
        // walk from 5 is lost) with other walks.
        int likes = 1 << LIKED;
        TestGraph g = graph().follow(5, 4).engage(5, 14, 8, RETWEETED).publish();
        TweetSalsa.Params p =
                new TweetSalsa.Params(new Salsa.Params(3000, 5, 0.3, 11), 0.2, likes, 10, 0, 10, 1000, true);
        FollowSet follows = FollowSet.of(VIEWER, g.f(), FollowSet.Weigher.UNIFORM, 1000);
        TweetSalsa.Params other =
                new TweetSalsa.Params(new Salsa.Params(5000, 3, 0.5, 8), 0.5, likes, 10, 0, 10, 1000, false);
        FollowSet otherFollows = FollowSet.of(5, g.f(), FollowSet.Weigher.UNIFORM, 1000);

        TweetSalsa salsa = new TweetSalsa(g.e().cursor(), likes);
        String first = show(salsa.run(Viewer.of(VIEWER), follows, p, Guard.NONE));
        TweetSalsa.Result between = salsa.run(Viewer.of(5), otherFollows, other, Guard.NONE);
        String again = show(salsa.run(Viewer.of(VIEWER), follows, p, Guard.NONE));
        String fresh = show(new TweetSalsa(g.e().cursor(), likes).run(Viewer.of(VIEWER), follows, p, Guard.NONE));

        assertThat(first).startsWith("[10:7:");
        assertThat(show(between)).isNotEqualTo(first);
        assertThat(between.stats().lost()).isGreaterThan(1000);
        assertThat(again).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
    }
}
