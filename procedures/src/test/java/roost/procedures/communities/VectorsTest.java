package roost.procedures.communities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorsTest {
    private static final long H = 3_600_000L;

    @Test
    void sparseVectorKeepsTheLargestEntriesWithinCapacity() {
        SparseVector v = new SparseVector(1);
        v.add(1, 0.5, 2);
        v.add(2, 0.2, 2);
        v.add(3, 0.9, 2); // evicts 2
        v.add(4, 0.1, 2); // smaller than every entry: ignored
        assertThat(v.size).isEqualTo(2);
        assertThat(v.get(3)).isEqualTo(0.9f);
        assertThat(v.get(1)).isEqualTo(0.5f);
        assertThat(v.get(2)).isZero();
        v.add(1, -0.5, 2); // down to zero: removed
        assertThat(v.size).isEqualTo(1);
    }

    @Test
    void tweetVectorDecaysWithItsHalfLife() {
        TweetVector t = new TweetVector(7, 0, 10);
        t.add(0, 1.0, new int[] {4}, new float[] {1f}, 1, 8 * H, 10);
        t.add(8 * H, 1.0, new int[] {4}, new float[] {1f}, 1, 8 * H, 10);
        // The first engagement is one half-life old at the second: 0.5 + 1.
        assertThat(t.time).isEqualTo(8 * H);
        assertThat(t.vector.get(4)).isCloseTo(1.5f, within(1e-6f));
        // An older engagement arriving late is decayed to the vector's time.
        t.add(0, 1.0, new int[] {4}, new float[] {1f}, 1, 8 * H, 10);
        assertThat(t.vector.get(4)).isCloseTo(2.0f, within(1e-6f));
        // Rank keys compare tweets at different times: v at t equals v/2 at t + half-life.
        TweetVector later = new TweetVector(7, 16 * H, 10);
        later.add(16 * H, 1.0, new int[] {4}, new float[] {1f}, 1, 8 * H, 10);
        assertThat(later.rankKey(4, 8 * H)).isCloseTo(t.rankKey(4, 8 * H), within(1e-9));
    }

    @Test
    void topTweetsKeepsTheBestKeys() {
        TopTweets top = new TopTweets(2);
        top.update(1, 1.0);
        top.update(2, 3.0);
        top.update(3, 2.0); // evicts 1
        top.update(1, 0.5); // too small
        assertThat(top.best(10)).containsExactly(2, 3);
        top.update(3, 5.0); // an existing tweet moves up
        assertThat(top.best(1)).containsExactly(3);
    }
}
