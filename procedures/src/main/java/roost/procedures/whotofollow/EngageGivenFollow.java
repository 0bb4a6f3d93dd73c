package roost.procedures.whotofollow;

import java.util.concurrent.ConcurrentHashMap;
import roost.procedures.graph.EngagementCursor;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.FollowSnapshot;

/**
 * p(engage | follow) of an account: of a sample of its followers, the share who engaged with one
 * of its tweets in the live window, smoothed towards a prior (a Beta prior of {@code priorMean}
 * and weight {@code priorWeight} followers), so an account with few followers is not ranked on two
 * lucky engagements. The sample is spread evenly over the follower list and does not depend on
 * the request, so the estimate is the same for every viewer, and a {@link Cache} shared by all
 * requests keeps it for a minute.
 */
public final class EngageGivenFollow {
    /** How to estimate. */
    public record Params(int sample, int perFollower, double priorMean, double priorWeight) {
        public static final Params DEFAULTS = new Params(25, 25, 0.05, 20);
    }

    /** The estimate and what it was made of. */
    public record Estimate(double probability, int sampled, int engaged) {}

    /**
     * Estimates shared by the requests on one database: an account's p(engage | follow) moves
     * slowly, so an estimate is reused for {@code ttlNanos} (with the same params). Bounded: it is
     * emptied when it holds {@code maxEntries}. Thread-safe.
     */
    public static final class Cache {
        private record Entry(Params params, Estimate estimate, long at) {}

        private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
        private final long ttlNanos;
        private final int maxEntries;

        public Cache(long ttlNanos, int maxEntries) {
            this.ttlNanos = ttlNanos;
            this.maxEntries = maxEntries;
        }

        /** One minute, 200,000 accounts. */
        public static Cache standard() {
            return new Cache(60_000_000_000L, 200_000);
        }

        Estimate get(long account, Params params, long now) {
            Entry e = entries.get(account);
            return e != null && e.params.equals(params) && now - e.at < ttlNanos ? e.estimate : null;
        }

        void put(long account, Params params, Estimate estimate, long now) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(account, new Entry(params, estimate, now));
        }

        public int size() {
            return entries.size();
        }
    }

    private final FollowSnapshot follows;
    private final EngagementCursor cursor;
    private final Params params;
    private final Cache cache;
    // The followers sampled for an account, and whether each engaged with it.
    private long[] sampled = new long[0];
    private boolean[] hit = new boolean[0];

    public EngageGivenFollow(FollowSnapshot follows, EngagementCursor cursor, Params params) {
        this(follows, cursor, params, null);
    }

    /** @param cache shared estimates, or null to compute every time */
    public EngageGivenFollow(FollowSnapshot follows, EngagementCursor cursor, Params params, Cache cache) {
        this.follows = follows;
        this.cursor = cursor;
        this.params = params;
        this.cache = cache;
    }

    public Estimate estimate(long account) {
        if (cache == null) {
            return compute(account);
        }
        long now = System.nanoTime();
        Estimate cached = cache.get(account, params, now);
        if (cached == null) {
            cached = compute(account);
            cache.put(account, params, cached, now);
        }
        return cached;
    }

    private Estimate compute(long account) {
        long[] followers = follows.followerIds(account);
        int n = Math.min(params.sample(), followers.length);
        if (sampled.length < n) {
            sampled = new long[n];
            hit = new boolean[n];
        }
        for (int k = 0; k < n; k++) {
            // Evenly spread: the k-th of n strides through the whole list.
            sampled[k] = followers[(int) ((long) k * followers.length / n)];
            hit[k] = false;
        }
        // The sampled followers' engagements are read together (their cache misses overlap).
        boolean[] engagedWith = hit;
        cursor.recentEngagements(
                sampled, 0, n, params.perFollower(), EngagementTypes.ALL, (i, tweet, author, type, time) -> {
                    if (author == account) {
                        engagedWith[i] = true;
                    }
                });
        int engaged = 0;
        for (int k = 0; k < n; k++) {
            if (hit[k]) {
                engaged++;
            }
        }
        double p = (engaged + params.priorMean() * params.priorWeight()) / (n + params.priorWeight());
        return new Estimate(p, n, engaged);
    }
}
