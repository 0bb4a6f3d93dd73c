package roost.procedures.bench;

import java.util.SplittableRandom;

/**
 * A seeded synthetic social graph for benchmarks, generated on the fly (nothing stored): users
 * follow accounts chosen with a power-law popularity; engagements arrive in time order, by users
 * chosen with a skew (a few heavy users), on tweets chosen among the recent ones with a skew (a
 * few go viral). Tweet {@code t} is by account {@link #authorOf(long)}.
 *
 * @param users number of users, ids 1..users
 * @param followsPerUser average followees per user
 * @param engagements engagement edges in the stream
 * @param tweetsPerEngagement new tweets per engagement (e.g. 0.3: each tweet gets about 3 engagements)
 * @param start data time of the first engagement (epoch ms)
 * @param span data time from the first engagement to the last
 * @param seed random seed
 */
public record SyntheticGraph(
        int users, int followsPerUser, long engagements, double tweetsPerEngagement, long start, long span, long seed) {

    /** Receives one follow. */
    @FunctionalInterface
    public interface FollowSink {
        void accept(long follower, long followee);
    }

    /** Receives one engagement. */
    @FunctionalInterface
    public interface EngagementSink {
        void accept(long user, long tweet, long author, int type, long time);
    }

    /** Tweet ids start here, above user ids. */
    public static final long FIRST_TWEET = 1L << 40;

    /** An account with power-law popularity: small ids are popular. */
    private long popularAccount(SplittableRandom rnd) {
        return 1 + (long) (users * Math.pow(rnd.nextDouble(), 3));
    }

    public long authorOf(long tweet) {
        return 1 + Long.remainderUnsigned(tweet * 0x9E3779B97F4A7C15L, users) % users;
    }

    public void follows(FollowSink sink) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (long u = 1; u <= users; u++) {
            int n = 1 + rnd.nextInt(2 * followsPerUser);
            for (int i = 0; i < n; i++) {
                long v = popularAccount(rnd);
                if (v != u) {
                    sink.accept(u, v);
                }
            }
        }
    }

    /** Engagement types: mostly likes and clicks, fewer retweets, replies and others. */
    private static final int[] TYPE_MIX = {0, 0, 0, 0, 0, 4, 4, 4, 1, 1, 2, 3, 5, 6, 7};

    public void engagements(EngagementSink sink) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5A17L);
        double tweets = 1;
        for (long i = 0; i < engagements; i++) {
            tweets += tweetsPerEngagement;
            long newest = (long) tweets;
            // Mostly recent tweets; the skew makes a few of them popular.
            long back = (long) (Math.pow(rnd.nextDouble(), 4) * Math.min(newest, 200_000));
            long tweet = FIRST_TWEET + newest - back;
            long user = 1 + (long) (users * Math.pow(rnd.nextDouble(), 2));
            long time = start + (engagements <= 1 ? 0 : span * i / (engagements - 1));
            sink.accept(user, tweet, authorOf(tweet), TYPE_MIX[rnd.nextInt(TYPE_MIX.length)], time);
        }
    }
}
