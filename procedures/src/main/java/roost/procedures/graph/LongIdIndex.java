package roost.procedures.graph;

/**
 * An immutable dictionary from 64-bit ids to dense rows {@code 0..size-1}: the ids in row order
 * plus an open-addressing table (linear probing, load at most 1/2) of ints that hold {@code row + 1}
 * in their low bits and, in the bits the rows leave free, a fingerprint of the id's hash.
 *
 * <p>The fingerprint lets a lookup pass over an occupied slot of another id without reading that
 * id: a miss usually costs one cache miss (the table) instead of two (table, then ids), and most
 * lookups of the live graph are misses (a user is in one or two of its segments). Memory: 8 bytes
 * per id plus 8 to 16 bytes of table per id. Lookup: O(1) expected, one or two cache misses. Safe
 * for any number of concurrent readers once published (all fields final).
 */
public final class LongIdIndex {
    private final long[] ids;
    private final int[] table;
    private final int mask;
    /** Low bits of an entry holding {@code row + 1}; the other {@code 32 - rowBits} hold the fingerprint. */
    private final int rowBits;

    private final int rowMask;

    /** The object itself: 12-byte header, 2 compressed references, 3 ints, padding. */
    private static final long SHALLOW_BYTES = 32;

    /** Indexes {@code ids}, which must be distinct; the array is kept, not copied. */
    public LongIdIndex(long[] ids) {
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(2, ids.length) * 2 - 1) << 1;
        this.table = new int[capacity];
        this.mask = capacity - 1;
        this.rowBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(ids.length));
        this.rowMask = (int) ((1L << rowBits) - 1);
        for (int row = 0; row < ids.length; row++) {
            long h = mix(ids[row]);
            int slot = (int) h & mask;
            int fingerprint = fingerprint(h);
            while (table[slot] != 0) {
                int entry = table[slot];
                if ((entry >>> rowBits) == fingerprint && ids[(entry & rowMask) - 1] == ids[row]) {
                    throw new IllegalArgumentException("duplicate id " + ids[row]);
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = (row + 1) | (fingerprint << rowBits);
        }
    }

    /** The row of {@code id}, or -1. */
    public int row(long id) {
        long h = mix(id);
        int slot = (int) h & mask;
        int fingerprint = fingerprint(h);
        int[] t = table;
        while (true) {
            int entry = t[slot];
            if (entry == 0) {
                return -1;
            }
            if ((entry >>> rowBits) == fingerprint) {
                int row = (entry & rowMask) - 1;
                if (ids[row] == id) {
                    return row;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The top {@code 32 - rowBits} bits of the hash (the slot takes the low bits). */
    private int fingerprint(long h) {
        return rowBits >= 32 ? 0 : (int) (h >>> (32 + rowBits));
    }

    public long id(int row) {
        return ids[row];
    }

    public int size() {
        return ids.length;
    }

    /** Bytes held by this index's arrays. */
    public long bytes() {
        return Memory.array(ids.length, 8) + Memory.array(table.length, 4) + SHALLOW_BYTES;
    }

    /** A 64-bit finaliser (from SplitMix64): ids are often sequential, the table needs them spread. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
