package roost.procedures.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import roost.procedures.graph.EngagementCursor;
import roost.procedures.graph.FollowSet;
import roost.procedures.graph.LongIdIndex;
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
 * top-k. Memory: O(candidates x maxSocialProof). Not thread-safe: one instance per request at a
 * time; every run starts from cleared state, so one instance can serve request after request and
 * keep its tables (up to {@link #KEEP} candidates) instead of allocating them again.
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

    /**
     * Candidate slots allocated up front: a request sizes them for about two candidates per
     * followee (grown by doubling past that); zeroing a larger table cost more than the counting.
     */
    private static final int INITIAL = 16;

    private static final int MAX_RESERVED = 4096;

    /** Candidates an instance keeps tables for between runs; a run that needed more lets them go. */
    public static final int KEEP = MAX_RESERVED;

    /** Slots of the candidate table: open addressing on the tweet id, linear probing, at most half full. */
    private long[] keys = new long[2 * INITIAL];

    private int[] slotOf = new int[2 * INITIAL];
    private int mask = 2 * INITIAL - 1;
    // Where each candidate's key is in keys, so that clearing touches only the slots used.
    private int[] keyAt = new int[INITIAL];
    // One candidate per slot.
    private long[] tweet = new long[INITIAL];
    private long[] author = new long[INITIAL];
    private double[] score = new double[INITIAL];
    private int[] count = new int[INITIAL];
    private int[] types = new int[INITIAL];
    private long[] newest = new long[INITIAL];
    private int[] lastFollowee = new int[INITIAL];
    private int size;
    // Social proof: the (candidate, followee) pairs under the cap, in visiting order (followees in
    // their order, so heaviest first within each candidate).
    private int[] proofSlot = new int[INITIAL];
    private int[] proofFollowee = new int[INITIAL];
    private int proofs;
    // Per-run scratch, kept: the candidates that qualify, the merge sort's buffer, each one's rank.
    private int[] kept = new int[INITIAL];
    private int[] sortScratch = new int[INITIAL];
    private int[] rank = new int[INITIAL];

    /**
     * @param followees the accounts to read, heaviest first (the order social proof is kept in)
     * @param weights their weights, same order
     */
    public Result run(
            EngagementCursor cursor, long[] followees, double[] weights, Viewer viewer, Params params, Guard guard) {
        return run(cursor, new FollowSet(followees, weights), viewer, params, guard);
    }

    /**
     * As {@link #run(EngagementCursor, long[], double[], Viewer, Params, Guard)} for a follow set.
     * A run that throws an exception (the guard's, say) leaves the tables consistent, and the next
     * run clears them as usual. After an {@link Error} (out of memory while the tables grow) the
     * instance may be half grown: do not use it again.
     */
    public Result run(EngagementCursor cursor, FollowSet followees, Viewer viewer, Params params, Guard guard) {
        try {
            return count(cursor, followees, viewer, params, guard);
        } finally {
            trim();
        }
    }

    private Result count(EngagementCursor cursor, FollowSet followees, Viewer viewer, Params params, Guard guard) {
        long t0 = System.nanoTime();
        clear();
        reserve(Math.min(MAX_RESERVED, 2 * followees.size()));
        int cap = params.maxSocialProof();
        double[] weights = followees.weights();
        long read = 0;
        EngagementCursor.BatchVisitor tally = (followee, t, a, type, time) -> {
            int slot = slot(t, a);
            if (lastFollowee[slot] != followee) {
                lastFollowee[slot] = followee;
                score[slot] += weights[followee];
                if (count[slot]++ < cap) {
                    addProof(slot, followee);
                }
            }
            types[slot] |= 1 << type;
            newest[slot] = Math.max(newest[slot], time);
        };
        // Followees in batches: the cursor looks a batch up segment by segment (see there).
        int n = followees.size();
        for (int from = 0; from < n; from += BATCH) {
            guard.check();
            read += cursor.recentEngagements(
                    followees,
                    from,
                    Math.min(n, from + BATCH),
                    params.maxEngagementsPerFollowee(),
                    params.typeMask(),
                    tally);
        }
        if (kept.length < size) {
            kept = new int[tweet.length];
        }
        int k = 0;
        for (int s = 0; s < size; s++) {
            if (count[s] >= params.minSocialProof()
                    && !viewer.excludesTweet(tweet[s], author[s], params.excludeEngaged())) {
                kept[k++] = s;
            }
        }
        int[] best = best(kept, k, params.limit());
        List<Item> items = new ArrayList<>(best.length);
        long[][] proof = socialProof(best, cap, followees.ids());
        for (int i = 0; i < best.length; i++) {
            int s = best[i];
            items.add(new Item(tweet[s], author[s], score[s], proof[i], count[s], types[s], newest[s]));
        }
        WalkStats stats = new WalkStats(0, read, 0, 0, n, size, (System.nanoTime() - t0) / 1000);
        return new Result(items, stats);
    }

    /**
     * The best {@code limit} of the candidate slots {@code kept[0..n)}, best first: by score, then
     * by tweet id (the newer tweet), both descending. Usually every candidate fits in the limit
     * and a sort of the slots does it; otherwise a bounded heap keeps the best.
     */
    private int[] best(int[] kept, int n, int limit) {
        if (n <= limit) {
            if (sortScratch.length < n) {
                sortScratch = new int[kept.length];
            }
            sort(kept, 0, n, sortScratch);
            return Arrays.copyOf(kept, n);
        }
        TopK top = new TopK(limit);
        for (int i = 0; i < n; i++) {
            top.offer(tweet[kept[i]], score[kept[i]]);
        }
        long[] ids = top.drainIds();
        int[] best = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            best[i] = find(ids[i]);
        }
        return best;
    }

    /**
     * Sorts the slots {@code a[from..to)} best first: a merge sort over insertion-sorted runs,
     * comparing in place (no comparator object: this sort was a tenth of the call's time).
     */
    private void sort(int[] a, int from, int to, int[] scratch) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && before(x, a[j])) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, from, mid, scratch);
        sort(a, mid, to, scratch);
        if (!before(a[mid], a[mid - 1])) {
            return;
        }
        System.arraycopy(a, from, scratch, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            a[k] = j >= to || (i < mid && !before(scratch[j], scratch[i])) ? scratch[i++] : scratch[j++];
        }
    }

    /** Whether candidate {@code a} ranks before candidate {@code b}. */
    private boolean before(int a, int b) {
        return score[a] > score[b] || (score[a] == score[b] && tweet[a] > tweet[b]);
    }

    /** The social proof of each of {@code best}: its followees' ids in visiting order, at most {@code cap}. */
    private long[][] socialProof(int[] best, int cap, long[] followeeIds) {
        long[][] out = new long[best.length][];
        int[] at = new int[best.length];
        // Where each slot's list goes: -1 for the candidates not returned.
        if (rank.length < size) {
            rank = new int[tweet.length];
        }
        Arrays.fill(rank, 0, size, -1);
        for (int i = 0; i < best.length; i++) {
            rank[best[i]] = i;
            out[i] = new long[Math.min(cap, count[best[i]])];
        }
        for (int p = 0; p < proofs; p++) {
            int r = rank[proofSlot[p]];
            if (r >= 0) {
                out[r][at[r]++] = followeeIds[proofFollowee[p]];
            }
        }
        return out;
    }

    /** Lets go of tables grown past {@link #KEEP} candidates or social-proof pairs. */
    private void trim() {
        if (tweet.length > KEEP || proofSlot.length > KEEP) {
            size = 0;
            proofs = 0;
            allocate(INITIAL);
            kept = new int[INITIAL];
            sortScratch = new int[INITIAL];
            rank = new int[INITIAL];
        }
    }

    private void clear() {
        for (int s = 0; s < size; s++) {
            keys[keyAt[s]] = 0;
        }
        size = 0;
        proofs = 0;
    }

    /** Makes room for {@code candidates} without growing (the table is empty). */
    private void reserve(int candidates) {
        if (candidates > tweet.length) {
            allocate(candidates);
        }
    }

    /** New, empty tables for {@code candidates}. */
    private void allocate(int candidates) {
        tweet = new long[candidates];
        author = new long[candidates];
        score = new double[candidates];
        count = new int[candidates];
        types = new int[candidates];
        newest = new long[candidates];
        lastFollowee = new int[candidates];
        proofSlot = new int[candidates];
        proofFollowee = new int[candidates];
        keyAt = new int[candidates];
        int capacity = Integer.highestOneBit(2 * candidates - 1) << 1;
        keys = new long[capacity];
        slotOf = new int[capacity];
        mask = capacity - 1;
    }

    private void addProof(int slot, int followee) {
        if (proofs == proofSlot.length) {
            proofSlot = Arrays.copyOf(proofSlot, proofs * 2);
            proofFollowee = Arrays.copyOf(proofFollowee, proofs * 2);
        }
        proofSlot[proofs] = slot;
        proofFollowee[proofs++] = followee;
    }

    /** The slot of a tweet already seen, or -1. */
    private int find(long tweetId) {
        long key = tweetId ^ Long.MIN_VALUE;
        for (int h = (int) LongIdIndex.mix(tweetId) & mask; keys[h] != 0; h = (h + 1) & mask) {
            if (keys[h] == key) {
                return slotOf[h];
            }
        }
        return -1;
    }

    /** The slot of a tweet, made (empty) when it is new. Keys hold the id with its sign bit flipped, so that 0 is free. */
    private int slot(long tweetId, long authorId) {
        long key = tweetId ^ Long.MIN_VALUE;
        int h = (int) LongIdIndex.mix(tweetId) & mask;
        for (long k = keys[h]; k != 0; k = keys[h]) {
            if (k == key) {
                return slotOf[h];
            }
            h = (h + 1) & mask;
        }
        int s = size;
        if (s == tweet.length) {
            grow();
        }
        tweet[s] = tweetId;
        author[s] = authorId;
        score[s] = 0;
        count[s] = 0;
        types[s] = 0;
        newest[s] = Long.MIN_VALUE;
        lastFollowee[s] = -1;
        size++;
        if (2 * size > keys.length) {
            rehash(keys.length * 2);
        } else {
            keys[h] = key;
            slotOf[h] = s;
            keyAt[s] = h;
        }
        return s;
    }

    private void grow() {
        int n = tweet.length * 2;
        tweet = Arrays.copyOf(tweet, n);
        author = Arrays.copyOf(author, n);
        score = Arrays.copyOf(score, n);
        count = Arrays.copyOf(count, n);
        types = Arrays.copyOf(types, n);
        newest = Arrays.copyOf(newest, n);
        lastFollowee = Arrays.copyOf(lastFollowee, n);
        keyAt = Arrays.copyOf(keyAt, n);
    }

    private void rehash(int capacity) {
        keys = new long[capacity];
        slotOf = new int[capacity];
        mask = capacity - 1;
        for (int s = 0; s < size; s++) {
            int h = (int) LongIdIndex.mix(tweet[s]) & mask;
            while (keys[h] != 0) {
                h = (h + 1) & mask;
            }
            keys[h] = tweet[s] ^ Long.MIN_VALUE;
            slotOf[h] = s;
            keyAt[s] = h;
        }
    }
}
