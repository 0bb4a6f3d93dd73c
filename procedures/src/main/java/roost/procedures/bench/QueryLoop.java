package roost.procedures.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Cypher queries timed one after the other, each in a one-thread loop over sampled users for a
 * fixed time: the steadiest way on a small machine to compare two builds on one call, and what a
 * profiler should watch. Each query gets {@code $userId} (the users in turn) and {@code $cutoff}
 * (the live window's start). Every call runs in its own transaction and its rows are read to the end.
 */
public final class QueryLoop {
    /**
     * @param queries the queries, timed in this order
     * @param warmup time each query runs untimed first
     * @param measured time each query is then timed
     * @param users users sampled (who follow someone)
     * @param seed sampling seed
     */
    public record Options(List<String> queries, Duration warmup, Duration measured, int users, long seed) {
        public Options {
            if (queries.isEmpty() || users < 1 || warmup.isNegative() || measured.isZero() || measured.isNegative()) {
                throw new IllegalArgumentException("invalid loop options " + this);
            }
        }
    }

    /** One query's loop: calls made, rows per call, latency percentiles in microseconds. */
    public record Result(String query, int calls, double rowsPerCall, double p50Micros, double p99Micros) {
        public String toMarkdownRow() {
            return String.format(
                    Locale.ROOT, "| `%s` | %d | %.1f | %.1f | %.1f |", query, calls, rowsPerCall, p50Micros, p99Micros);
        }
    }

    private QueryLoop() {}

    public static List<Result> run(GraphDatabaseService db, Options options) {
        long[] users = GraphBench.sampleUsers(db, options.seed(), options.users());
        if (users.length == 0) {
            throw new IllegalStateException("No user follows anyone: nothing to loop over");
        }
        Object cutoff = db.executeTransactionally(
                "CALL roost.graph.stats() YIELD windowStart RETURN windowStart",
                Map.of(),
                r -> r.next().get("windowStart"));
        Map<String, Object> params = new HashMap<>();
        params.put("cutoff", cutoff == null ? Long.MIN_VALUE : cutoff);
        List<Result> results = new ArrayList<>();
        for (String query : options.queries()) {
            loop(db, query, users, params, options.warmup(), false);
            results.add(loop(db, query, users, params, options.measured(), true));
        }
        return results;
    }

    private static Result loop(
            GraphDatabaseService db,
            String query,
            long[] users,
            Map<String, Object> params,
            Duration time,
            boolean timed) {
        long end = System.nanoTime() + time.toNanos();
        long[] latencies = new long[1 << 16];
        int calls = 0;
        long rows = 0;
        while (System.nanoTime() < end) {
            params.put("userId", users[calls % users.length]);
            long t0 = System.nanoTime();
            rows += db.executeTransactionally(query, params, r -> {
                long n = 0;
                while (r.hasNext()) {
                    r.next();
                    n++;
                }
                return n;
            });
            long t = System.nanoTime() - t0;
            if (timed) {
                if (calls == latencies.length) {
                    latencies = Arrays.copyOf(latencies, calls * 2);
                }
                latencies[calls] = t;
            }
            calls++;
        }
        if (!timed || calls == 0) {
            return new Result(query, calls, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(latencies, calls);
        Arrays.sort(sorted);
        return new Result(
                query,
                calls,
                rows / (double) calls,
                sorted[calls / 2] / 1e3,
                sorted[(int) Math.min(calls - 1, Math.ceil(0.99 * calls) - 1)] / 1e3);
    }
}
