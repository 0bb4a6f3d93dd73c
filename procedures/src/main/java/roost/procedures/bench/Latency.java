package roost.procedures.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency percentiles and throughput of one kind of request.
 *
 * @param requests requests timed
 * @param p50Micros median latency
 * @param p99Micros 99th percentile latency
 * @param maxMicros slowest request
 * @param cpuP50Micros median CPU time of the request's thread: what a request costs apart from
 *     waiting for a core (on a shared machine, wall time includes other processes' turns)
 * @param throughput requests per second with {@code threads} threads
 * @param threads threads used for the throughput run
 */
public record Latency(
        int requests,
        double p50Micros,
        double p99Micros,
        double maxMicros,
        double cpuP50Micros,
        double throughput,
        int threads) {
    /** Percentiles of per-request wall and CPU times in nanoseconds (sorted in place). */
    public static Latency of(long[] nanos, long[] cpuNanos, double throughput, int threads) {
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        return new Latency(
                nanos.length,
                percentile(nanos, 0.50) / 1e3,
                percentile(nanos, 0.99) / 1e3,
                nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e3,
                percentile(cpuNanos, 0.50) / 1e3,
                throughput,
                threads);
    }

    /** The {@code q}-quantile of {@code sorted} (nearest rank), 0 for none; the benches' one definition. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "p50 %.3f ms, p99 %.3f ms, max %.3f ms (CPU p50 %.3f ms) over %d requests; %.0f requests/s with %d threads",
                p50Micros / 1e3,
                p99Micros / 1e3,
                maxMicros / 1e3,
                cpuP50Micros / 1e3,
                requests,
                throughput,
                threads);
    }
}
