package roost.procedures.network;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import roost.procedures.graph.EngagementCursor;
import roost.procedures.viewer.Viewer;
import roost.procedures.walk.Guard;
import roost.procedures.walk.TopK;
import roost.procedures.walk.WalkStats;

/**
 * Second-degree counting, as the original timeline's social-graph source does it: for each
 * followee {@code u} (weight {@code w_u}, e.g. the viewer's RealGraph score for u), read u's most
 * recent engagements in the window (at most {@link Params#maxEngagementsPerFollowee()}); every
 * tweet u engaged with gains {@code w_u}, once per followee however many ways u engaged. The
 * followees who engaged are the tweet's social proof. A tweet needs at least
 * {@link Params#minSocialProof()} of them; the viewer's own tweets, tweets of hidden authors and
 * hidden tweets (see {@link Viewer}) are never returned.
 *
 * <p>Cost: O(followees x (segments + engagements read)) plus O(candidates log limit) for the
 * top-k. Memory: O(candidates x maxSocialProof). Not thread-safe: one instance per request;
 * every run starts from cleared state.
 */
public final class EngagedByFollowings {
    /**
     * @param maxEngagementsPerFollowee engagements read per followee, newest first
     * @param typeMask engagement types counted ({@link roost.procedures.graph.EngagementTypes} codes)
     * @param minSocialProof followees who must have engaged with a tweet for it to be returned
     * @param maxSocialProof followee ids kept per tweet
     * @param limit tweets returned at most
     * @param excludeEngaged also drop tweets the viewer engaged with
     */
    public record Params(
            int maxEngagementsPerFollowee,
            int typeMask,
            int minSocialProof,
            int maxSocialProof,
            int limit,
            boolean excludeEngaged) {
        public Params {
            if (maxEngagementsPerFollowee < 1
                    || minSocialProof < 1
                    || maxSocialProof < 0
                    || limit < 0
                    || typeMask == 0) {
                throw new IllegalArgumentException("invalid counting parameters " + this);
            }
        }
    }

    /**
     * One recommended tweet.
     *
     * @param score sum of the weights of the followees who engaged
     * @param socialProof followees who engaged, heaviest first, at most {@code maxSocialProof}
     * @param socialProofCount followees who engaged, all of them
     * @param typeMask engagement types seen from them
     * @param newestEngagement newest of their engagement times
     */
    public record Item(
            long tweetId,
            long authorId,
            double score,
            long[] socialProof,
            int socialProofCount,
            int typeMask,
            long newestEngagement) {}

    public record Result(List<Item> items, WalkStats stats) {}

    /** Followees looked up together, between two checks of the guard. */
    private static final int BATCH = 64;

    /** Candidate slots allocated up front (grown by doubling). */
    private static final int INITIAL = 256;

    private final Long2IntOpenHashMap slots = new Long2IntOpenHashMap(INITIAL);
    private long[] tweet = new long[INITIAL];
    private long[] author = new long[INITIAL];
    private double[] score = new double[INITIAL];
    private int[] count = new int[INITIAL];
    private int[] types = new int[INITIAL];
    private long[] newest = new long[INITIAL];
    private int[] lastFollowee = new int[INITIAL];
    private long[] proof = new long[INITIAL];
    private int size;

    public EngagedByFollowings() {
        slots.defaultReturnValue(-1);
    }

    /**
     * @param followees the accounts to read, heaviest first (the order social proof is kept in)
     * @param weights their weights, same order
     */
    public Result run(
            EngagementCursor cursor, long[] followees, double[] weights, Viewer viewer, Params params, Guard guard) {
        long t0 = System.nanoTime();
        slots.clear();
        size = 0;
        int cap = params.maxSocialProof();
        long read = 0;
        EngagementCursor.BatchVisitor tally = (followee, t, a, type, time) -> {
            int slot = slot(t, a, cap);
            if (lastFollowee[slot] != followee) {
                lastFollowee[slot] = followee;
                score[slot] += weights[followee];
                if (count[slot] < cap) {
                    proof[slot * cap + count[slot]] = followees[followee];
                }
                count[slot]++;
            }
            types[slot] |= 1 << type;
            newest[slot] = Math.max(newest[slot], time);
        };
        // Followees in batches: the cursor looks a batch up segment by segment (see there).
        for (int from = 0; from < followees.length; from += BATCH) {
            guard.check();
            read += cursor.recentEngagements(
                    followees,
                    from,
                    Math.min(followees.length, from + BATCH),
                    params.maxEngagementsPerFollowee(),
                    params.typeMask(),
                    tally);
        }
        int[] kept = new int[size];
        int n = 0;
        for (int s = 0; s < size; s++) {
            if (count[s] >= params.minSocialProof()
                    && !viewer.excludesTweet(tweet[s], author[s], params.excludeEngaged())) {
                kept[n++] = s;
            }
        }
        int[] best = best(kept, n, params.limit());
        List<Item> items = new ArrayList<>(best.length);
        for (int s : best) {
            items.add(new Item(
                    tweet[s],
                    author[s],
                    score[s],
                    Arrays.copyOfRange(proof, s * cap, s * cap + Math.min(cap, count[s])),
                    count[s],
                    types[s],
                    newest[s]));
        }
        WalkStats stats = new WalkStats(0, read, 0, 0, followees.length, size, (System.nanoTime() - t0) / 1000);
        return new Result(items, stats);
    }

    /**
     * The best {@code limit} of the candidate slots {@code kept[0..n)}, best first: by score, then
     * by tweet id (the newer tweet), both descending. Usually every candidate fits in the limit
     * and a sort of the slots does it; otherwise a bounded heap keeps the best.
     */
    private int[] best(int[] kept, int n, int limit) {
        if (n <= limit) {
            IntArrays.quickSort(kept, 0, n, (a, b) -> {
                int c = Double.compare(score[b], score[a]);
                return c != 0 ? c : Long.compare(tweet[b], tweet[a]);
            });
            return Arrays.copyOf(kept, n);
        }
        TopK top = new TopK(limit);
        for (int i = 0; i < n; i++) {
            top.offer(tweet[kept[i]], score[kept[i]]);
        }
        long[] ids = top.drainIds();
        int[] best = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            best[i] = slots.get(ids[i]);
        }
        return best;
    }

    private int slot(long tweetId, long authorId, int cap) {
        int s = slots.putIfAbsent(tweetId, size);
        if (s >= 0) {
            return s;
        }
        s = size++;
        if (s == tweet.length) {
            int n = s * 2;
            tweet = Arrays.copyOf(tweet, n);
            author = Arrays.copyOf(author, n);
            score = Arrays.copyOf(score, n);
            count = Arrays.copyOf(count, n);
            types = Arrays.copyOf(types, n);
            newest = Arrays.copyOf(newest, n);
            lastFollowee = Arrays.copyOf(lastFollowee, n);
        }
        if ((long) size * cap > proof.length) {
            proof = Arrays.copyOf(proof, Math.max(proof.length * 2, size * cap));
        }
        tweet[s] = tweetId;
        author[s] = authorId;
        score[s] = 0;
        count[s] = 0;
        types[s] = 0;
        newest[s] = Long.MIN_VALUE;
        lastFollowee[s] = -1;
        return s;
    }
}
