package roost.procedures.graph;

/**
 * A view of one user's follow adjacency, sorted by id: either an array of ids or a range of rows
 * of a {@link FollowBase}. Reused across calls to avoid allocation; not thread-safe.
 */
public final class Neighbours {
    static final long[] NO_IDS = new long[0];

    private long[] direct = NO_IDS;
    private LongIdIndex ids;
    private int[] rows;
    private int from;
    private int size;

    void direct(long[] values) {
        this.direct = values;
        this.rows = null;
        this.from = 0;
        this.size = values.length;
    }

    void rows(LongIdIndex ids, int[] rows, int from, int size) {
        this.direct = null;
        this.ids = ids;
        this.rows = rows;
        this.from = from;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The {@code k}-th neighbour, {@code 0 <= k < size()}. O(1). */
    public long get(int k) {
        return rows == null ? direct[k] : ids.id(rows[from + k]);
    }

    /** A copy of the neighbours' rows in the follow base they come from, or null when they do not come from one. */
    int[] baseRows() {
        return rows == null ? null : java.util.Arrays.copyOfRange(rows, from, from + size);
    }

    public long[] toArray() {
        long[] out = new long[size];
        for (int k = 0; k < size; k++) {
            out[k] = get(k);
        }
        return out;
    }
}
