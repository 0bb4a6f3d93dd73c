package roost.procedures.whotofollow;

import roost.procedures.graph.EngagementCursor;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.FollowSnapshot;

/**
 * p(engage | follow) of an account: of a sample of its followers, the share who engaged with one
 * of its tweets in the live window, smoothed towards a prior (a Beta prior of {@code priorMean}
 * and weight {@code priorWeight} followers), so an account with few followers is not ranked on two
 * lucky engagements. The sample is spread evenly over the follower list and does not depend on
 * the request, so the estimate is the same for every viewer.
 */
public final class EngageGivenFollow {
    /** How to estimate. */
    public record Params(int sample, int perFollower, double priorMean, double priorWeight) {
        public static final Params DEFAULTS = new Params(100, 100, 0.05, 20);
    }

    /** The estimate and what it was made of. */
    public record Estimate(double probability, int sampled, int engaged) {}

    private final FollowSnapshot follows;
    private final EngagementCursor cursor;
    private final Params params;
    private final boolean[] hit = new boolean[1];

    public EngageGivenFollow(FollowSnapshot follows, EngagementCursor cursor, Params params) {
        this.follows = follows;
        this.cursor = cursor;
        this.params = params;
    }

    public Estimate estimate(long account) {
        long[] followers = follows.followerIds(account);
        int n = Math.min(params.sample(), followers.length);
        int engaged = 0;
        for (int k = 0; k < n; k++) {
            // Evenly spread: the k-th of n strides through the whole list.
            long follower = followers[(int) ((long) k * followers.length / n)];
            hit[0] = false;
            cursor.recentEngagements(
                    follower, params.perFollower(), EngagementTypes.ALL, (tweet, author, type, time) -> {
                        if (author == account) {
                            hit[0] = true;
                        }
                    });
            if (hit[0]) {
                engaged++;
            }
        }
        double p = (engaged + params.priorMean() * params.priorWeight()) / (n + params.priorWeight());
        return new Estimate(p, n, engaged);
    }
}
