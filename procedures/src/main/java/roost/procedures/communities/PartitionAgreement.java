package roost.procedures.communities;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Agreement between two labelings of the same items: normalised mutual information (arithmetic
 * mean normalisation, as in scikit-learn's default) and the adjusted Rand index. O(items).
 */
public record PartitionAgreement(int items, double nmi, double ari) {
    public static PartitionAgreement of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labelings differ in length: " + a.length + " vs " + b.length);
        }
        int n = a.length;
        if (n == 0) {
            return new PartitionAgreement(0, 0, 0);
        }
        Int2IntOpenHashMap ca = new Int2IntOpenHashMap();
        Int2IntOpenHashMap cb = new Int2IntOpenHashMap();
        Long2IntOpenHashMap joint = new Long2IntOpenHashMap();
        for (int i = 0; i < n; i++) {
            ca.addTo(a[i], 1);
            cb.addTo(b[i], 1);
            joint.addTo(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1);
        }
        double ha = entropy(ca.values().toIntArray(), n);
        double hb = entropy(cb.values().toIntArray(), n);
        double mi = 0;
        for (Long2IntOpenHashMap.Entry e : joint.long2IntEntrySet()) {
            int nij = e.getIntValue();
            int ai = ca.get((int) (e.getLongKey() >> 32));
            int bj = cb.get((int) e.getLongKey());
            mi += (double) nij / n * Math.log((double) n * nij / ((double) ai * bj));
        }
        double nmi = ha + hb == 0 ? 1.0 : 2 * mi / (ha + hb);
        double sumJoint = 0;
        for (int v : joint.values()) {
            sumJoint += pairs(v);
        }
        double sumA = 0;
        for (int v : ca.values()) {
            sumA += pairs(v);
        }
        double sumB = 0;
        for (int v : cb.values()) {
            sumB += pairs(v);
        }
        double expected = sumA * sumB / pairs(n);
        double max = (sumA + sumB) / 2;
        double ari = max == expected ? 1.0 : (sumJoint - expected) / (max - expected);
        return new PartitionAgreement(n, nmi, ari);
    }

    private static double entropy(int[] counts, int n) {
        double h = 0;
        for (int c : counts) {
            double p = (double) c / n;
            h -= p * Math.log(p);
        }
        return h;
    }

    private static double pairs(double v) {
        return v * (v - 1) / 2;
    }
}
