package roost.procedures.communities;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * The follow graph over dense user indices, as compressed sparse rows in both directions. Built
 * once per batch; read-only afterwards, so it may be shared between threads.
 */
public final class FollowData {
    private final long[] userIds;
    private final Long2IntOpenHashMap index;
    private final int[] outOffsets;
    private final int[] outTargets;
    private final int[] inOffsets;
    private final int[] inSources;

    private FollowData(
            long[] userIds,
            Long2IntOpenHashMap index,
            int[] outOffsets,
            int[] outTargets,
            int[] inOffsets,
            int[] inSources) {
        this.userIds = userIds;
        this.index = index;
        this.outOffsets = outOffsets;
        this.outTargets = outTargets;
        this.inOffsets = inOffsets;
        this.inSources = inSources;
    }

    /**
     * @param userIds every user, by dense index
     * @param from follower index of each edge
     * @param to followee index of each edge
     * @param edges number of edges in {@code from}/{@code to}
     */
    public static FollowData of(long[] userIds, int[] from, int[] to, int edges) {
        int n = userIds.length;
        Long2IntOpenHashMap index = new Long2IntOpenHashMap(n);
        index.defaultReturnValue(-1);
        for (int i = 0; i < n; i++) {
            index.put(userIds[i], i);
        }
        int[] outOffsets = new int[n + 1];
        int[] inOffsets = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            outOffsets[from[e] + 1]++;
            inOffsets[to[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            outOffsets[i + 1] += outOffsets[i];
            inOffsets[i + 1] += inOffsets[i];
        }
        int[] outTargets = new int[edges];
        int[] inSources = new int[edges];
        int[] outPos = outOffsets.clone();
        int[] inPos = inOffsets.clone();
        for (int e = 0; e < edges; e++) {
            outTargets[outPos[from[e]]++] = to[e];
            inSources[inPos[to[e]]++] = from[e];
        }
        return new FollowData(userIds, index, outOffsets, outTargets, inOffsets, inSources);
    }

    public int users() {
        return userIds.length;
    }

    public long edges() {
        return outTargets.length;
    }

    public long userId(int index) {
        return userIds[index];
    }

    /** Dense index of a user id, or -1. */
    public int indexOf(long userId) {
        return index.get(userId);
    }

    public int followerCount(int user) {
        return inOffsets[user + 1] - inOffsets[user];
    }

    public int followeeCount(int user) {
        return outOffsets[user + 1] - outOffsets[user];
    }

    /** The k-th follower of a user, {@code 0 <= k < followerCount(user)}. */
    public int follower(int user, int k) {
        return inSources[inOffsets[user] + k];
    }

    /** The k-th followee of a user, {@code 0 <= k < followeeCount(user)}. */
    public int followee(int user, int k) {
        return outTargets[outOffsets[user] + k];
    }
}
