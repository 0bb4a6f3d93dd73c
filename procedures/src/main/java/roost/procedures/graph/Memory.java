package roost.procedures.graph;

/**
 * Sizes of Java arrays and objects on a 64-bit HotSpot JVM with compressed references (heaps under
 * 32 GB): a 16-byte array header, 12-byte object header, 8-byte alignment. Used for the live
 * graph's own memory accounting, which a test checks against an object-graph walk.
 */
public final class Memory {
    public static final long OBJECT = 16;
    private static final long ARRAY_HEADER = 16;

    private Memory() {}

    public static long array(long length, int elementBytes) {
        return align(ARRAY_HEADER + length * elementBytes);
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
