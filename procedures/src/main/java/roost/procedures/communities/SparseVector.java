package roost.procedures.communities;

import java.util.Arrays;

/**
 * A small sparse vector over community ids: parallel arrays, at most {@code capacity} entries
 * (the smallest is dropped when a new one would exceed it). Mutable; not thread-safe (the
 * {@link CommunityModel} guards it).
 */
final class SparseVector {
    int[] ids;
    float[] values;
    int size;

    SparseVector(int initial) {
        ids = new int[Math.max(1, initial)];
        values = new float[Math.max(1, initial)];
    }

    static SparseVector of(int[] ids, float[] values) {
        SparseVector v = new SparseVector(ids.length);
        System.arraycopy(ids, 0, v.ids, 0, ids.length);
        System.arraycopy(values, 0, v.values, 0, ids.length);
        v.size = ids.length;
        return v;
    }

    float get(int id) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                return values[i];
            }
        }
        return 0f;
    }

    /** Adds {@code delta} to an entry; entries at or below zero are removed. O(size). */
    void add(int id, double delta, int capacity) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                values[i] += (float) delta;
                if (values[i] <= 1e-12f) {
                    remove(i);
                }
                return;
            }
        }
        if (delta <= 0) {
            return;
        }
        if (size == capacity) {
            int min = 0;
            for (int i = 1; i < size; i++) {
                if (values[i] < values[min]) {
                    min = i;
                }
            }
            if (values[min] >= delta) {
                return;
            }
            remove(min);
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, Math.min(capacity, size * 2));
            values = Arrays.copyOf(values, ids.length);
        }
        ids[size] = id;
        values[size++] = (float) delta;
    }

    void scale(double factor) {
        for (int i = 0; i < size; i++) {
            values[i] *= (float) factor;
        }
    }

    double norm() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += (double) values[i] * values[i];
        }
        return Math.sqrt(s);
    }

    private void remove(int i) {
        size--;
        ids[i] = ids[size];
        values[i] = values[size];
    }

    /** Entry indices by value descending, then id ascending. */
    int[] order() {
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        Arrays.sort(
                idx,
                (a, b) ->
                        values[a] != values[b] ? Float.compare(values[b], values[a]) : Integer.compare(ids[a], ids[b]));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
