package roost.procedures.communities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import roost.procedures.walk.Guard;

class ProducerSimilarityTest {
    /**
     * Users 0..5; producers 10, 11, 12 (ids). Followers: 10 <- {0,1,2,3}, 11 <- {0,1,2}, 12 <- {4,5}.
     * cos(10, 11) = 3 / sqrt(4 * 3); 12 shares nobody.
     */
    private static FollowData graph() {
        long[] ids = {0, 1, 2, 3, 4, 5, 10, 11, 12};
        int[] from = {0, 1, 2, 3, 0, 1, 2, 4, 5};
        int[] to = {6, 6, 6, 6, 7, 7, 7, 8, 8};
        return FollowData.of(ids, from, to, from.length);
    }

    @Test
    void cosineOfFollowerSetsBetweenProducers() {
        SimilarityGraph g = ProducerSimilarity.compute(
                graph(), new ProducerSimilarity.Settings(2, 1.0, 1000, 1000, 10, 0.0, 2), Guard.NONE);
        assertThat(g.producers()).isEqualTo(3);
        assertThat(g.producerUsers()).containsExactly(6, 7, 8);
        assertThat(g.edges()).isEqualTo(1);
        assertThat(g.source()[0]).isEqualTo(0);
        assertThat(g.target()[0]).isEqualTo(1);
        assertThat(g.weight()[0]).isCloseTo(3 / Math.sqrt(12), within(1e-6));
    }

    @Test
    void thresholdsAndMinimumFollowersApply() {
        assertThat(ProducerSimilarity.compute(
                                graph(), new ProducerSimilarity.Settings(2, 1.0, 1000, 1000, 10, 0.9, 1), Guard.NONE)
                        .edges())
                .isZero();
        SimilarityGraph g = ProducerSimilarity.compute(
                graph(), new ProducerSimilarity.Settings(3, 1.0, 1000, 1000, 10, 0.0, 1), Guard.NONE);
        assertThat(g.producerUsers()).containsExactly(6, 7);
    }

    @Test
    void sampledFollowersScaleTheSharedCount() {
        // With two of four followers sampled (0 and 2), 10 shares both with 11: estimate 2 * 4/2 = 4 -> capped at 1.
        SimilarityGraph g = ProducerSimilarity.compute(
                graph(), new ProducerSimilarity.Settings(2, 1.0, 1000, 2, 10, 0.0, 1), Guard.NONE);
        assertThat(g.weight()[0]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void maxProducersKeepsTheMostFollowed() {
        // Follower counts: 10 has 4, 11 has 3, 12 has 2; a cap of 2 keeps 10 and 11.
        assertThat(ProducerSimilarity.compute(
                                graph(), new ProducerSimilarity.Settings(1, 1.0, 2, 1000, 10, 0.0, 1), Guard.NONE)
                        .producerUsers())
                .containsExactly(6, 7);
        // A tie at the cap goes to the smaller user ids: 20 <- {0}, 21 <- {1}, 22 <- {2}, one follower each,
        // listed in the dense order 22, 21, 20.
        long[] ids = {0, 1, 2, 22, 21, 20};
        FollowData tie = FollowData.of(ids, new int[] {0, 1, 2}, new int[] {5, 4, 3}, 3);
        assertThat(ProducerSimilarity.compute(
                                tie, new ProducerSimilarity.Settings(1, 1.0, 2, 1000, 10, 0.0, 1), Guard.NONE)
                        .producerUsers())
                .containsExactly(4, 5);
        // The share caps as well: 0.2 of 9 users rounds up to 2 producers.
        assertThat(ProducerSimilarity.compute(
                                graph(), new ProducerSimilarity.Settings(1, 0.2, 1000, 1000, 10, 0.0, 1), Guard.NONE)
                        .producerUsers())
                .containsExactly(6, 7);
    }
}
