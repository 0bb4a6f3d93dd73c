package roost.importer.generate;

import java.util.SplittableRandom;

/**
 * Deterministic random streams: one {@link SplittableRandom} per (seed, purpose, index), so that the
 * numbers drawn for a user or a tweet do not depend on what was drawn before, and a phase can draw
 * the same numbers again instead of storing them. Math is {@link StrictMath}, so the output is the
 * same on every machine.
 */
final class Rng {
    private Rng() {}

    /** A stream for {@code purpose} and {@code index} under {@code seed}. */
    static SplittableRandom stream(long seed, int purpose, long index) {
        return new SplittableRandom(mix(mix(seed ^ (0x9E3779B97F4A7C15L * (purpose + 1))) + index));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Exponential with mean 1. */
    static double exponential(SplittableRandom r) {
        return -StrictMath.log(1.0 - r.nextDouble());
    }

    /** Standard normal (Box-Muller; one of the pair is thrown away). */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }

    /** Poisson with mean {@code mean}: Knuth's method below 30, a rounded normal above. */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= 30) {
            return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian(r)));
        }
        double limit = StrictMath.exp(-mean);
        double p = 1;
        int k = -1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > limit);
        return k;
    }

    /** Index {@code i} with {@code cumulative[i-1] <= x < cumulative[i]}, for x in [0, last). */
    static int search(double[] cumulative, int from, int to, double x) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
