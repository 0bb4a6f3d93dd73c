package roost.procedures.graph;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;

/**
 * The accounts a viewer follows with a weight each, heaviest first (ties: smaller id first), cut
 * to at most {@code max}: the follow set that counting and SALSA start from. When the viewer's
 * follows come from the follow graph's base, it also keeps each followee's row there, so that
 * counting can read the followees' edges in the engagement graph's history without looking them
 * up ({@link Segment#slicesFor}). Immutable.
 */
public final class FollowSet {
    /** Weighs a viewer's followees; an implementation may read the database, so it runs in the request's transaction. */
    @FunctionalInterface
    public interface Weigher {
        Weigher UNIFORM = (viewer, followees) -> {
            double[] w = new double[followees.length];
            Arrays.fill(w, 1.0);
            return w;
        };

        /** One weight (>= 0, finite) per followee. */
        double[] weigh(long viewer, long[] followees);
    }

    private final long[] ids;

    private final double[] weights;
    /** Each followee's row in {@link #base}, same order as {@link #ids}; null when not from the base. */
    private final int[] baseRows;

    private final FollowBase base;

    private FollowSet(long[] ids, double[] weights, int[] baseRows, FollowBase base) {
        this.ids = ids;
        this.weights = weights;
        this.baseRows = baseRows;
        this.base = base;
    }

    /** A follow set of these followees (heaviest first) and weights, without base rows. */
    public FollowSet(long[] ids, double[] weights) {
        this(ids, weights, null, null);
    }

    public static FollowSet of(long viewer, FollowSnapshot follows, Weigher weigher, int max) {
        Neighbours followees = follows.followees(viewer, new Neighbours());
        int[] rows = followees.baseRows();
        long[] all = followees.toArray();
        double[] w = weigher.weigh(viewer, all);
        int n = Math.min(max, all.length);
        if (allEqual(w)) {
            // Already in the order the sort would give (ids ascending): no sort.
            return n == all.length
                    ? new FollowSet(all, w, rows, follows.base())
                    : new FollowSet(
                            Arrays.copyOf(all, n),
                            Arrays.copyOf(w, n),
                            rows == null ? null : Arrays.copyOf(rows, n),
                            follows.base());
        }
        int[] order = new int[all.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        IntArrays.mergeSort(order, (a, b) -> {
            int c = Double.compare(w[b], w[a]);
            return c != 0 ? c : Long.compare(all[a], all[b]);
        });
        long[] ids = new long[n];
        double[] weights = new double[n];
        int[] sortedRows = rows == null ? null : new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = all[order[i]];
            weights[i] = w[order[i]];
            if (rows != null) {
                sortedRows[i] = rows[order[i]];
            }
        }
        return new FollowSet(ids, weights, sortedRows, follows.base());
    }

    private static boolean allEqual(double[] w) {
        for (int i = 1; i < w.length; i++) {
            if (Double.compare(w[i], w[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The followees, heaviest first. Shared: do not modify. */
    public long[] ids() {
        return ids;
    }

    /** Their weights, same order. Shared: do not modify. */
    public double[] weights() {
        return weights;
    }

    public int size() {
        return ids.length;
    }

    /** The followees' rows in {@link #base()}, or null. */
    int[] baseRows() {
        return baseRows;
    }

    /** The follow base {@link #baseRows()} index, or null. */
    FollowBase base() {
        return base;
    }
}
