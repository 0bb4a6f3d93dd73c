package roost.procedures.salsa;

import static org.assertj.core.api.Assertions.assertThat;
import static roost.procedures.graph.TestGraph.LIKED;
import static roost.procedures.graph.TestGraph.RETWEETED;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.TestGraph;

/** Both ways to a tweet's social proof: the same followees, each once, newest engagement first. */
class SocialProofTest {
    private static final long[] FOLLOWEES = {2, 3, 5};
    private static final long ALWAYS_FOLLOWEES = Long.MAX_VALUE;
    private static final long NEVER_FOLLOWEES = -1;

    /**
     * Tweet 10: followee 5 engaged first, then 30 accounts not followed, then 2, 3 and 2 again (a
     * retweet), then account 4. Tweet 11: only accounts not followed. Tweet 12: followee 3.
     */
    private static TestGraph graph() {
        TestGraph g = new TestGraph().follow(1, FOLLOWEES).engage(5, 10, 7, LIKED);
        for (int u = 100; u < 130; u++) {
            g.engage(u, 10, 7, LIKED);
        }
        return g.engage(2, 10, 7, LIKED)
                .engage(3, 10, 7, LIKED)
                .engage(2, 10, 7, RETWEETED)
                .engage(4, 10, 7, LIKED)
                .engage(4, 11, 8, LIKED)
                .engage(3, 12, 8, LIKED)
                .publish();
    }

    @Test
    void fromEitherSideEachFolloweeOnceNewestFirst() {
        TestGraph g = graph();
        for (long budget : new long[] {ALWAYS_FOLLOWEES, NEVER_FOLLOWEES}) {
            SocialProof proof = new SocialProof(g.e().cursor(), FOLLOWEES, 1000, budget);
            assertThat(proof.fromFollowees()).isEqualTo(budget == ALWAYS_FOLLOWEES);
            assertThat(proof.find(10)).as("budget %d", budget).isEqualTo(3);
            assertThat(proof.top(10)).as("budget %d", budget).containsExactly(2, 3, 5);
            assertThat(proof.find(10)).isEqualTo(3);
            assertThat(proof.top(1)).containsExactly(2);
            assertThat(proof.find(11)).isZero();
            assertThat(proof.top(10)).isEmpty();
            assertThat(proof.find(12)).isEqualTo(1);
            assertThat(proof.top(0)).isEmpty();
            assertThat(proof.find(99)).isZero();
        }
    }

    @Test
    void theBudgetCountsTheFolloweesEngagements() {
        TestGraph g = graph();
        // The followees made 5 engagements in the window: 5 one, 2 two (a like and a retweet), 3 two.
        assertThat(new SocialProof(g.e().cursor(), FOLLOWEES, 1000, 5).fromFollowees())
                .isTrue();
        assertThat(new SocialProof(g.e().cursor(), FOLLOWEES, 1000, 4).fromFollowees())
                .isFalse();
    }

    @Test
    void fromTheTweetsSideOnlyTheNewestEngagersAreExamined() {
        TestGraph g = graph();
        // The newest 5 engagers of tweet 10 are 4, 2, 3, 2 and 129: followee 5 is older.
        SocialProof scan = new SocialProof(g.e().cursor(), FOLLOWEES, 5, NEVER_FOLLOWEES);
        assertThat(scan.find(10)).isEqualTo(2);
        assertThat(scan.top(10)).containsExactly(2, 3);
        SocialProof exact = new SocialProof(g.e().cursor(), FOLLOWEES, 5, ALWAYS_FOLLOWEES);
        assertThat(exact.find(10)).isEqualTo(3);
    }

    @Test
    void deletedEngagementsAreNotProof() {
        TestGraph g = graph();
        g.engagements.delete(3, 10, LIKED, Long.MIN_VALUE);
        g.publish();
        for (long budget : new long[] {ALWAYS_FOLLOWEES, NEVER_FOLLOWEES}) {
            SocialProof proof = new SocialProof(g.e().cursor(), FOLLOWEES, 1000, budget);
            assertThat(proof.find(10)).isEqualTo(2);
            assertThat(proof.top(10)).containsExactly(2, 5);
        }
    }

    /** A random graph over several segments: the two ways agree on every tweet when the scan sees every engager. */
    @Test
    void bothWaysAgreeWhenTheScanSeesEveryEngager() {
        TestGraph g = new TestGraph();
        SplittableRandom rnd = new SplittableRandom(7);
        long[] followees = new long[40];
        for (int i = 0; i < followees.length; i++) {
            followees[i] = rnd.nextInt(200);
        }
        followees = Arrays.stream(followees).distinct().toArray();
        for (int i = 0; i < 5_000; i++) {
            g.engage(rnd.nextInt(200), 1_000 + rnd.nextInt(300), 7, rnd.nextInt(EngagementTypes.count()));
            if (i % 700 == 0) {
                g.publish();
            }
        }
        g.publish();
        SocialProof exact = new SocialProof(g.e().cursor(), followees, 1_000_000, ALWAYS_FOLLOWEES);
        SocialProof scan = new SocialProof(g.e().cursor(), followees, 1_000_000, NEVER_FOLLOWEES);
        int withProof = 0;
        for (long tweet = 1_000; tweet < 1_300; tweet++) {
            int n = exact.find(tweet);
            assertThat(scan.find(tweet)).as("tweet %d", tweet).isEqualTo(n);
            assertThat(scan.top(5)).as("tweet %d", tweet).isEqualTo(exact.top(5));
            withProof += n > 0 ? 1 : 0;
        }
        assertThat(withProof).isGreaterThan(100);
    }
}
