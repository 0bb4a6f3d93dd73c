package roost.procedures.walk;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * "Node id -> count" that iterates in first-insertion order, so that walks advanced node by node
 * draw their random numbers in the same order on every run, whatever the hash table's capacity
 * after earlier requests. O(1) expected per {@link #add}.
 *
 * <p>Not thread-safe; reuse one per request with {@link #clear()}.
 */
public final class NodeCounter {
    private Long2IntOpenHashMap slots = new Long2IntOpenHashMap();
    private final LongArrayList ids = new LongArrayList();
    private final IntArrayList counts = new IntArrayList();
    private long total;

    public NodeCounter() {
        slots.defaultReturnValue(-1);
    }

    /**
     * Sizes an empty counter for {@code n} nodes, so that filling it does not rehash; a counter
     * already that large is left as it is.
     */
    public void expect(int n) {
        if (!ids.isEmpty()) {
            throw new IllegalStateException("expect() is for an empty counter");
        }
        if (n > ids.elements().length) {
            slots = new Long2IntOpenHashMap(n);
            slots.defaultReturnValue(-1);
            ids.ensureCapacity(n);
            counts.ensureCapacity(n);
        }
    }

    public void add(long id, int count) {
        int slot = slots.putIfAbsent(id, ids.size());
        if (slot < 0) {
            ids.add(id);
            counts.add(count);
        } else {
            counts.set(slot, counts.getInt(slot) + count);
        }
        total += count;
    }

    /** Number of distinct nodes. */
    public int size() {
        return ids.size();
    }

    /** The {@code i}-th distinct node, in first-insertion order. */
    public long id(int i) {
        return ids.getLong(i);
    }

    /** The distinct nodes in first-insertion order are {@code idArray()[0..size())}; valid until the next change. */
    public long[] idArray() {
        return ids.elements();
    }

    public int count(int i) {
        return counts.getInt(i);
    }

    /** Count of a node, 0 when absent. */
    public int get(long id) {
        int slot = slots.get(id);
        return slot < 0 ? 0 : counts.getInt(slot);
    }

    /** Sum of all counts. */
    public long total() {
        return total;
    }

    public void clear() {
        slots.clear();
        ids.clear();
        counts.clear();
        total = 0;
    }
}
