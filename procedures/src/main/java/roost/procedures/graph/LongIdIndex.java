package roost.procedures.graph;

/**
 * An immutable dictionary from 64-bit ids to dense rows {@code 0..size-1}: the ids in row order
 * plus an open-addressing table of {@code row + 1} (linear probing, load at most 1/2).
 *
 * <p>Memory: 8 bytes per id plus 8 to 16 bytes of table per id. Lookup: O(1) expected, one or two
 * cache misses. Safe for any number of concurrent readers once published (all fields final).
 */
public final class LongIdIndex {
    private final long[] ids;
    private final int[] table;
    private final int mask;

    /** Indexes {@code ids}, which must be distinct; the array is kept, not copied. */
    public LongIdIndex(long[] ids) {
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(2, ids.length) * 2 - 1) << 1;
        this.table = new int[capacity];
        this.mask = capacity - 1;
        for (int row = 0; row < ids.length; row++) {
            int slot = slot(ids[row]);
            while (table[slot] != 0) {
                if (ids[table[slot] - 1] == ids[row]) {
                    throw new IllegalArgumentException("duplicate id " + ids[row]);
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = row + 1;
        }
    }

    /** The row of {@code id}, or -1. */
    public int row(long id) {
        int slot = slot(id);
        int[] t = table;
        while (true) {
            int entry = t[slot];
            if (entry == 0) {
                return -1;
            }
            if (ids[entry - 1] == id) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    public long id(int row) {
        return ids[row];
    }

    public int size() {
        return ids.length;
    }

    /** Bytes held by this index's arrays. */
    public long bytes() {
        return Memory.array(ids.length, 8) + Memory.array(table.length, 4) + Memory.OBJECT;
    }

    private int slot(long id) {
        return (int) mix(id) & mask;
    }

    /** A 64-bit finaliser (from SplitMix64): ids are often sequential, the table needs them spread. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
