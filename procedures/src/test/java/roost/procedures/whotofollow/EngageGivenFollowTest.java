package roost.procedures.whotofollow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import roost.procedures.graph.TestGraph;

class EngageGivenFollowTest {
    /** Accounts 10 and 11 have 4 followers each (20..23); three of 10's engaged with 10's tweets, none of 11's. */
    private static TestGraph graph() {
        TestGraph g = new TestGraph();
        for (long f = 20; f < 24; f++) {
            g.follow(f, 10, 11);
        }
        g.engage(20, 100, 10, TestGraph.LIKED)
                .engage(21, 100, 10, TestGraph.RETWEETED)
                .engage(22, 101, 10, TestGraph.REPLIED)
                // Engagements with other authors' tweets do not count for 11.
                .engage(23, 200, 12, TestGraph.LIKED)
                .engage(20, 201, 12, TestGraph.LIKED);
        return g.publish();
    }

    @Test
    void withoutAPriorItIsTheShareOfFollowersWhoEngaged() {
        TestGraph g = graph();
        var e = new EngageGivenFollow(g.f(), g.e().cursor(), new EngageGivenFollow.Params(100, 100, 0.05, 0));
        EngageGivenFollow.Estimate ten = e.estimate(10);
        assertThat(ten.sampled()).isEqualTo(4);
        assertThat(ten.engaged()).isEqualTo(3);
        assertThat(ten.probability()).isCloseTo(0.75, within(1e-12));
        assertThat(e.estimate(11).probability()).isZero();
    }

    @Test
    void thePriorPullsSmallSamplesTowardsItsMean() {
        TestGraph g = graph();
        var e = new EngageGivenFollow(g.f(), g.e().cursor(), new EngageGivenFollow.Params(100, 100, 0.05, 20));
        // (3 + 0.05 * 20) / (4 + 20)
        assertThat(e.estimate(10).probability()).isCloseTo(4.0 / 24, within(1e-12));
        assertThat(e.estimate(11).probability()).isCloseTo(1.0 / 24, within(1e-12));
        // No followers: the prior mean.
        assertThat(e.estimate(99).probability()).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void theSampleAndThePerFollowerScanAreCapped() {
        TestGraph g = graph();
        var two = new EngageGivenFollow(g.f(), g.e().cursor(), new EngageGivenFollow.Params(2, 100, 0, 0));
        assertThat(two.estimate(10).sampled()).isEqualTo(2);
        // Follower 20's newest engagement is with author 12: scanning one engagement misses its like of 10.
        var one = new EngageGivenFollow(g.f(), g.e().cursor(), new EngageGivenFollow.Params(100, 1, 0, 0));
        assertThat(one.estimate(10).engaged()).isLessThan(3);
    }

    @Test
    void theCacheReusesAnEstimateForTheSameParamsUntilItExpires() {
        TestGraph g = graph();
        EngageGivenFollow.Params params = new EngageGivenFollow.Params(100, 100, 0, 0);
        var longLived = new EngageGivenFollow.Cache(Long.MAX_VALUE, 1000);
        var first = new EngageGivenFollow(g.f(), g.e().cursor(), params, longLived).estimate(10);
        // A graph where nobody engaged: a cached estimate is still the old one, a fresh one is 0.
        TestGraph quiet = new TestGraph();
        for (long f = 20; f < 24; f++) {
            quiet.follow(f, 10);
        }
        quiet.publish();
        assertThat(new EngageGivenFollow(quiet.f(), quiet.e().cursor(), params, longLived).estimate(10))
                .isEqualTo(first);
        var expired = new EngageGivenFollow.Cache(0, 1000);
        new EngageGivenFollow(g.f(), g.e().cursor(), params, expired).estimate(10);
        assertThat(new EngageGivenFollow(quiet.f(), quiet.e().cursor(), params, expired)
                        .estimate(10)
                        .engaged())
                .isZero();
        // Other params are not served from the cache.
        assertThat(new EngageGivenFollow(
                                quiet.f(),
                                quiet.e().cursor(),
                                new EngageGivenFollow.Params(100, 100, 0.5, 1),
                                longLived)
                        .estimate(10)
                        .engaged())
                .isZero();
        assertThat(longLived.size()).isEqualTo(1);
    }
}
