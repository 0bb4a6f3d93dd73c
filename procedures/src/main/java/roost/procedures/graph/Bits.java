package roost.procedures.graph;

/** Bit sets in {@code int[]} words: an {@code int} write is atomic, so racing readers never see a torn word. */
final class Bits {
    private Bits() {}

    static boolean get(int[] words, int index) {
        return (words[index >>> 5] & (1 << index)) != 0;
    }

    static void set(int[] words, int index) {
        words[index >>> 5] |= 1 << index;
    }
}
