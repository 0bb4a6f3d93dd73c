package roost.procedures.graph;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * The accounts a viewer follows with a weight each, heaviest first (ties: smaller id first), cut
 * to at most {@code max}: the follow set that counting and SALSA start from. Immutable.
 */
public record FollowSet(long[] ids, double[] weights) {
    /** Weighs a viewer's followees; an implementation may read the database, so it runs in the request's transaction. */
    @FunctionalInterface
    public interface Weigher {
        Weigher UNIFORM = (viewer, followees) -> {
            double[] w = new double[followees.length];
            java.util.Arrays.fill(w, 1.0);
            return w;
        };

        /** One weight (>= 0, finite) per followee. */
        double[] weigh(long viewer, long[] followees);
    }

    public static FollowSet of(long viewer, FollowSnapshot follows, Weigher weigher, int max) {
        long[] all = follows.followeeIds(viewer);
        double[] w = weigher.weigh(viewer, all);
        if (allEqual(w)) {
            // Already in the order the sort would give (ids ascending): no sort, no copy.
            int n = Math.min(max, all.length);
            return n == all.length
                    ? new FollowSet(all, w)
                    : new FollowSet(java.util.Arrays.copyOf(all, n), java.util.Arrays.copyOf(w, n));
        }
        int[] order = new int[all.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        IntArrays.mergeSort(order, (a, b) -> {
            int c = Double.compare(w[b], w[a]);
            return c != 0 ? c : Long.compare(all[a], all[b]);
        });
        int n = Math.min(max, all.length);
        long[] ids = new long[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = all[order[i]];
            weights[i] = w[order[i]];
        }
        return new FollowSet(ids, weights);
    }

    private static boolean allEqual(double[] w) {
        for (int i = 1; i < w.length; i++) {
            if (Double.compare(w[i], w[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return ids.length;
    }
}
