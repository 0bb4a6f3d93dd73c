package roost.procedures.salsa;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import roost.procedures.graph.EngagementCursor;
import roost.procedures.graph.EngagementTypes;

/**
 * A candidate tweet's social proof: the viewer's followees who engaged with it in the window
 * (any type, deleted engagements left out), each once, newest engagement first (ties: larger
 * id first).
 *
 * <p>Two ways to it, chosen once per request by cost:
 *
 * <ul>
 *   <li>From the followees' side: every engagement the followees made in the window is read once
 *       and indexed by tweet. Cost: the followees' engagements in the window, whatever the
 *       candidates. Exact. Used when those number at most {@code budget}.
 *   <li>From the tweet's side: the tweet's newest {@code scan} engagers are examined for
 *       followees. Cost: up to {@code scan} per candidate, and popular tweets (which walks
 *       favour) have many engagers. A followee whose engagement is older than the newest
 *       {@code scan} is not found. Used when the followees are too active for the first way.
 * </ul>
 *
 * <p>Not thread-safe: one per request.
 */
final class SocialProof {
    /** Followees whose engagements are read in one batch of the cursor. */
    private static final int BATCH = 64;

    private final EngagementCursor cursor;
    private final long[] followees;
    private final int scan;

    // From the followees' side: per tweet, a linked list of (followee index, newest time).
    private final Long2IntOpenHashMap heads;
    private int[] who = new int[64];
    private long[] when = new long[64];
    private int[] next = new int[64];
    private int entries;

    // From the tweet's side.
    private LongOpenHashSet followeeSet;
    private Long2LongOpenHashMap seen;

    // The last tweet's proof, unsorted until read.
    private long[] ids = new long[16];
    private long[] times = new long[16];
    private int found;

    /**
     * @param followees the viewer's followees
     * @param scan engagers examined per tweet from the tweet's side
     * @param budget the most followee engagements read from the followees' side
     */
    SocialProof(EngagementCursor cursor, long[] followees, int scan, long budget) {
        this.cursor = cursor;
        this.followees = followees;
        this.scan = scan;
        long total = 0;
        for (long f : followees) {
            total += cursor.loadUser(f);
            if (total > budget) {
                break;
            }
        }
        if (total > budget) {
            heads = null;
            return;
        }
        heads = new Long2IntOpenHashMap((int) Math.max(16, total));
        heads.defaultReturnValue(-1);
        EngagementCursor.BatchVisitor index = (followee, tweet, author, type, time) -> {
            int head = heads.get(tweet);
            // A followee's engagements come together: one entry per (tweet, followee).
            if (head >= 0 && who[head] == followee) {
                when[head] = Math.max(when[head], time);
                return;
            }
            if (entries == who.length) {
                int n = entries * 2;
                who = Arrays.copyOf(who, n);
                when = Arrays.copyOf(when, n);
                next = Arrays.copyOf(next, n);
            }
            who[entries] = followee;
            when[entries] = time;
            next[entries] = head;
            heads.put(tweet, entries++);
        };
        for (int from = 0; from < followees.length; from += BATCH) {
            cursor.recentEngagements(
                    followees,
                    from,
                    Math.min(followees.length, from + BATCH),
                    Integer.MAX_VALUE,
                    EngagementTypes.ALL,
                    index);
        }
    }

    /** Whether the proof comes from the followees' side (exact) for this request. */
    boolean fromFollowees() {
        return heads != null;
    }

    /** Finds the social proof of {@code tweetId}; returns how many followees it holds. */
    int find(long tweetId) {
        found = 0;
        if (heads != null) {
            for (int e = heads.get(tweetId); e >= 0; e = next[e]) {
                add(followees[who[e]], when[e]);
            }
            return found;
        }
        if (followeeSet == null) {
            followeeSet = new LongOpenHashSet(followees);
            seen = new Long2LongOpenHashMap();
            seen.defaultReturnValue(Long.MIN_VALUE);
        }
        seen.clear();
        int[] scanned = {0};
        cursor.engagers(tweetId, (user, time) -> {
            if (followeeSet.contains(user) && time > seen.get(user)) {
                seen.put(user, time);
            }
            return ++scanned[0] < scan;
        });
        for (var e : seen.long2LongEntrySet()) {
            add(e.getLongKey(), e.getLongValue());
        }
        return found;
    }

    /** The first {@code max} followees of the last {@link #find}, newest engagement first. */
    long[] top(int max) {
        it.unimi.dsi.fastutil.Arrays.quickSort(
                0,
                found,
                (a, b) -> times[a] != times[b] ? Long.compare(times[b], times[a]) : Long.compare(ids[b], ids[a]),
                (a, b) -> {
                    long id = ids[a];
                    ids[a] = ids[b];
                    ids[b] = id;
                    long t = times[a];
                    times[a] = times[b];
                    times[b] = t;
                });
        return Arrays.copyOf(ids, Math.min(max, found));
    }

    private void add(long id, long time) {
        if (found == ids.length) {
            ids = Arrays.copyOf(ids, found * 2);
            times = Arrays.copyOf(times, found * 2);
        }
        ids[found] = id;
        times[found] = time;
        found++;
    }
}
