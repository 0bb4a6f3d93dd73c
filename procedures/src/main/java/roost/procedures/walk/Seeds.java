package roost.procedures.walk;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.SplittableRandom;

/**
 * A weighted seed set: nodes where walks start and to which they reset. Walks are apportioned to
 * seeds in proportion to weight by the largest-remainder method (deterministic, ties to the
 * earlier seed); a reset picks a seed with probability proportional to weight (binary search over
 * cumulative weights, O(log seeds)). Immutable.
 */
public final class Seeds {
    private final long[] ids;
    private final double[] cumulative;

    /** Seeds with weight <= 0 or NaN are dropped. */
    public Seeds(long[] ids, double[] weights) {
        if (ids.length != weights.length) {
            throw new IllegalArgumentException("ids and weights differ in length");
        }
        int n = 0;
        for (double w : weights) {
            if (w > 0 && Double.isFinite(w)) {
                n++;
            }
        }
        this.ids = new long[n];
        this.cumulative = new double[n];
        double sum = 0;
        int j = 0;
        for (int i = 0; i < ids.length; i++) {
            if (weights[i] > 0 && Double.isFinite(weights[i])) {
                sum += weights[i];
                this.ids[j] = ids[i];
                this.cumulative[j++] = sum;
            }
        }
    }

    public int size() {
        return ids.length;
    }

    public long id(int i) {
        return ids[i];
    }

    public double weight(int i) {
        return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }

    public double totalWeight() {
        return ids.length == 0 ? 0 : cumulative[ids.length - 1];
    }

    /** Walks per seed, summing to {@code walks}, proportional to weight. */
    public int[] apportion(int walks) {
        int n = ids.length;
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        double total = totalWeight();
        double[] remainder = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = walks * weight(i) / total;
            out[i] = (int) Math.floor(exact);
            remainder[i] = exact - out[i];
            given += out[i];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Stable: equal remainders keep seed order.
        IntArrays.mergeSort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int i = 0; given < walks; i = (i + 1) % n) {
            out[order[i]]++;
            given++;
        }
        return out;
    }

    /** A seed drawn in proportion to weight. */
    public long draw(SplittableRandom random) {
        double x = random.nextDouble() * totalWeight();
        int lo = 0;
        int hi = ids.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return ids[lo];
    }
}
