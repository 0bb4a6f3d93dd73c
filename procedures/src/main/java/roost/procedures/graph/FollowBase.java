package roost.procedures.graph;

import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Arrays;

/**
 * An immutable follow graph in compressed sparse rows, both directions. Rows are in ascending id
 * order and every adjacency is sorted, so "does a follow b" is a binary search and the layout
 * does not depend on the order the edges arrived in.
 *
 * <p>Memory: 8 bytes per edge (4 out, 4 in) plus per user 8 bytes of offsets and 16 to 24 bytes
 * of {@link LongIdIndex}. Immutable, so safe for any number of readers.
 */
final class FollowBase {
    static final FollowBase EMPTY = build(new long[0], new long[0], 0);

    final LongIdIndex users;
    final int[] outStart;
    final int[] outTarget;
    final int[] inStart;
    final int[] inTarget;

    private FollowBase(LongIdIndex users, int[] outStart, int[] outTarget, int[] inStart, int[] inTarget) {
        this.users = users;
        this.outStart = outStart;
        this.outTarget = outTarget;
        this.inStart = inStart;
        this.inTarget = inTarget;
    }

    /** Builds from the first {@code n} pairs (follower, followee); duplicate pairs count once. O(n log n). */
    static FollowBase build(long[] followers, long[] followees, int n) {
        long[] ids = new long[2 * n];
        System.arraycopy(followers, 0, ids, 0, n);
        System.arraycopy(followees, 0, ids, n, n);
        LongArrays.radixSort(ids);
        int distinct = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                ids[distinct++] = ids[i];
            }
        }
        long[] userIds = Arrays.copyOf(ids, distinct);
        ids = null;
        LongIdIndex users = new LongIdIndex(userIds);

        int[] from = new int[n];
        int[] to = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = users.row(followers[i]);
            to[i] = users.row(followees[i]);
        }
        int[][] out = csr(from, to, distinct);
        int[][] in = csr(to, from, distinct);
        return new FollowBase(users, out[0], out[1], in[0], in[1]);
    }

    /** Rows sorted and without duplicates: returns {start, target}. */
    private static int[][] csr(int[] source, int[] target, int nodes) {
        int n = source.length;
        int[] start = new int[nodes + 1];
        for (int i = 0; i < n; i++) {
            start[source[i] + 1]++;
        }
        for (int r = 0; r < nodes; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, nodes);
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            targets[fill[source[i]]++] = target[i];
        }
        // Sort each row and drop duplicates, compacting in place.
        int write = 0;
        int[] compactStart = new int[nodes + 1];
        for (int r = 0; r < nodes; r++) {
            int a = start[r];
            int b = start[r + 1];
            Arrays.sort(targets, a, b);
            compactStart[r] = write;
            for (int i = a; i < b; i++) {
                if (i == a || targets[i] != targets[i - 1]) {
                    targets[write++] = targets[i];
                }
            }
        }
        compactStart[nodes] = write;
        return new int[][] {compactStart, write == n ? targets : Arrays.copyOf(targets, write)};
    }

    int edgeCount() {
        return outTarget.length;
    }

    long bytes() {
        return Memory.OBJECT
                + users.bytes()
                + Memory.array(outStart.length, 4)
                + Memory.array(outTarget.length, 4)
                + Memory.array(inStart.length, 4)
                + Memory.array(inTarget.length, 4);
    }
}
