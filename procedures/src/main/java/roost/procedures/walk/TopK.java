package roost.procedures.walk;

/**
 * The {@code k} best (id, score) pairs seen, by score descending then id descending (so ties go
 * to the newer tweet or account, whose Snowflake id is larger), from a bounded min-heap.
 * O(log k) per offer. Not thread-safe.
 */
public final class TopK {
    private final int k;
    private final long[] ids;
    private final double[] scores;
    private int size;

    public TopK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        this.k = k;
        this.ids = new long[k];
        this.scores = new double[k];
    }

    public void offer(long id, double score) {
        if (k == 0) {
            return;
        }
        if (size < k) {
            ids[size] = id;
            scores[size] = score;
            siftUp(size++);
        } else if (better(id, score, ids[0], scores[0])) {
            ids[0] = id;
            scores[0] = score;
            siftDown(0);
        }
    }

    public int size() {
        return size;
    }

    /** The ids, best first. Empties the heap. */
    public long[] drainIds() {
        return drain(null);
    }

    /** The ids best first, and their scores into {@code scoresOut} (length at least {@link #size()}). Empties the heap. */
    public long[] drain(double[] scoresOut) {
        int n = size;
        long[] out = new long[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = ids[0];
            if (scoresOut != null) {
                scoresOut[i] = scores[0];
            }
            size--;
            ids[0] = ids[size];
            scores[0] = scores[size];
            siftDown(0);
        }
        return out;
    }

    private static boolean better(long idA, double a, long idB, double b) {
        return a > b || (a == b && idA > idB);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(ids[parent], scores[parent], ids[i], scores[i])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < size && better(ids[worst], scores[worst], ids[l], scores[l])) {
                worst = l;
            }
            if (r < size && better(ids[worst], scores[worst], ids[r], scores[r])) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
    }
}
