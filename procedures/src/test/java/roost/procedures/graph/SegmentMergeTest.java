package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A merge gives exactly the segment that building from the parts' live edges, dumped in order, gives. */
class SegmentMergeTest {
    private static final long BASE = 1_341_360_000_000L;

    @Test
    void mergeEqualsBuildingFromTheDumpedLiveEdges() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 30; round++) {
            int parts = 1 + rnd.nextInt(3);
            Segment[] segments = new Segment[parts];
            for (int p = 0; p < parts; p++) {
                EdgeBuffer b = new EdgeBuffer();
                int n = 1 + rnd.nextInt(3000);
                for (int i = 0; i < n; i++) {
                    long tweet = 1000 + rnd.nextInt(500);
                    // Few distinct times, so that ties are common; some authors unknown.
                    long author = rnd.nextInt(10) == 0 ? EdgeBuffer.UNKNOWN_AUTHOR : tweet % 37;
                    b.add(
                            rnd.nextInt(300),
                            tweet,
                            author,
                            rnd.nextInt(EngagementTypes.count()),
                            BASE + rnd.nextInt(50) * 1000L);
                }
                segments[p] = Segment.build(b, BASE);
                for (int d = rnd.nextInt(20); d > 0; d--) {
                    int u = rnd.nextInt(segments[p].userCount());
                    int at = segments[p].userStart[u];
                    Segment s = segments[p];
                    s.delete(s.users.id(u), s.userTweetId[at], s.userType[at], s.base + s.userTime[at]);
                }
            }
            long cutoff = rnd.nextBoolean() ? Long.MIN_VALUE : BASE + rnd.nextInt(50) * 1000L;
            EdgeBuffer dumped = new EdgeBuffer();
            for (Segment s : segments) {
                for (int u = 0; u < s.userCount(); u++) {
                    for (int p = s.userFrom(u, cutoff); p < s.userStart[u + 1]; p++) {
                        if (!Bits.get(s.userDeleted, p)) {
                            dumped.add(
                                    s.users.id(u),
                                    s.userTweetId[p],
                                    s.tweetAuthor[s.userTweet[p]],
                                    s.userType[p],
                                    s.base + s.userTime[p]);
                        }
                    }
                }
            }
            boolean byId = round % 2 == 1;
            Segment merged = Segment.merge(List.of(segments), BASE, cutoff, byId, null);
            if (dumped.size() == 0) {
                assertThat(merged).isNull();
                continue;
            }
            Segment expected = Segment.build(dumped, BASE, dumped.size(), dumped.size(), byId);
            assertThat(merged.usersById).isEqualTo(byId);
            if (byId) {
                for (int u = 1; u < merged.userCount(); u++) {
                    assertThat(merged.users.id(u)).isGreaterThan(merged.users.id(u - 1));
                }
            }
            assertThat(merged.minTime).isEqualTo(expected.minTime);
            assertThat(merged.maxTime).isEqualTo(expected.maxTime);
            assertThat(merged.userCount()).isEqualTo(expected.userCount());
            assertThat(merged.tweetCount()).isEqualTo(expected.tweetCount());
            for (int u = 0; u < merged.userCount(); u++) {
                assertThat(merged.users.id(u)).isEqualTo(expected.users.id(u));
            }
            for (int t = 0; t < merged.tweetCount(); t++) {
                assertThat(merged.tweets.id(t)).isEqualTo(expected.tweets.id(t));
            }
            assertThat(merged.tweetAuthor).isEqualTo(expected.tweetAuthor);
            assertThat(merged.userStart).isEqualTo(expected.userStart);
            assertThat(merged.userTweet).isEqualTo(expected.userTweet);
            assertThat(merged.userTweetId).isEqualTo(expected.userTweetId);
            assertThat(merged.userTime).isEqualTo(expected.userTime);
            assertThat(merged.userType).isEqualTo(expected.userType);
            assertThat(merged.tweetStart).isEqualTo(expected.tweetStart);
            assertThat(merged.tweetUser).isEqualTo(expected.tweetUser);
            assertThat(merged.tweetTime).isEqualTo(expected.tweetTime);
            assertThat(merged.tweetType).isEqualTo(expected.tweetType);
        }
    }

    /** Each follow-base user's slice is its row here, found by id; users without edges here get none. */
    @Test
    void slicesForAFollowBaseAreTheRowsOfItsUsers() {
        SplittableRandom rnd = new SplittableRandom(11);
        EdgeBuffer b = new EdgeBuffer();
        for (int i = 0; i < 5_000; i++) {
            b.add(rnd.nextInt(400) * 3L, 1000 + rnd.nextInt(800), 5, rnd.nextInt(EngagementTypes.count()), BASE + i);
        }
        Segment byId = Segment.build(b, BASE, b.size(), b.size(), true);
        Segment plain = Segment.build(b, BASE);
        // Followers 0..599 follow every 7th user: the base holds users with and without edges.
        long[] from = new long[600];
        long[] to = new long[600];
        for (int i = 0; i < 600; i++) {
            from[i] = i;
            to[i] = (i * 7L) % 1300;
        }
        FollowBase base = FollowBase.build(from, to, 600);
        assertThat(plain.slicesFor(base)).isNull();
        long[] slices = byId.slicesFor(base);
        assertThat(byId.slicesFor(base)).isSameAs(slices);
        int withEdges = 0;
        for (int r = 0; r < base.users.size(); r++) {
            int row = byId.users.row(base.users.id(r));
            long expected = row < 0 ? 0 : ((long) byId.userStart[row] << 32) | byId.userStart[row + 1];
            assertThat(slices[r]).as("user %d", base.users.id(r)).isEqualTo(expected);
            withEdges += row < 0 ? 0 : 1;
        }
        assertThat(withEdges).isBetween(100, base.users.size() - 100);
        FollowBase other = FollowBase.build(to, from, 600);
        assertThat(byId.slicesFor(other)).isNotSameAs(slices).hasSize(other.users.size());
    }
}
