package roost.procedures.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Cypher queries timed one after the other, each in a loop over sampled users for a fixed time
 * (one thread by default, or several at once for throughput): the steadiest way on a small
 * machine to compare two builds on one call, and what a profiler should watch. Each query gets {@code $userId} (the users in turn) and {@code $cutoff}
 * (the live window's start). Every call runs in its own transaction and its rows are read to the end,
 * as {@link QueryRunner.Rows} values (the server's way) or maps (the embedded API's).
 */
public final class QueryLoop {
    /**
     * @param queries the queries, timed in this order
     * @param warmup time each query runs untimed first
     * @param measured time each query is then timed
     * @param users users sampled (who follow someone)
     * @param seed sampling seed
     * @param threads threads looping at once, each over every {@code threads}-th user
     * @param rows how each call's rows are read
     */
    public record Options(
            List<String> queries,
            Duration warmup,
            Duration measured,
            int users,
            long seed,
            int threads,
            QueryRunner.Rows rows) {
        public Options {
            if (queries.isEmpty()
                    || rows == null
                    || users < 1
                    || threads < 1
                    || warmup.isNegative()
                    || measured.isZero()
                    || measured.isNegative()) {
                throw new IllegalArgumentException("invalid loop options " + this);
            }
        }
    }

    /**
     * One query's loop: calls made (all threads), rows per call, latency percentiles in
     * microseconds over every call, calls per second of the timed part.
     */
    public record Result(
            String query, int calls, double rowsPerCall, double p50Micros, double p99Micros, double callsPerSecond) {
        public String toMarkdownRow() {
            return String.format(
                    Locale.ROOT,
                    "| `%s` | %d | %.1f | %.1f | %.1f | %.0f |",
                    query,
                    calls,
                    rowsPerCall,
                    p50Micros,
                    p99Micros,
                    callsPerSecond);
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
        QueryRunner runner = new QueryRunner(db, options.rows());
        List<Result> results = new ArrayList<>();
        for (String query : options.queries()) {
            loop(runner, query, users, params, options.warmup(), options.threads(), false);
            results.add(loop(runner, query, users, params, options.measured(), options.threads(), true));
        }
        return results;
    }

    private static Result loop(
            QueryRunner runner,
            String query,
            long[] users,
            Map<String, Object> params,
            Duration time,
            int threads,
            boolean timed) {
        if (time.isZero()) {
            return new Result(query, 0, 0, 0, 0, 0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long end = start + time.toNanos();
            List<Future<Worker>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Worker w = new Worker(t, threads, new HashMap<>(params), runner);
                running.add(pool.submit(() -> w.run(query, users, end)));
            }
            List<Worker> done = new ArrayList<>();
            for (Future<Worker> f : running) {
                done.add(f.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int calls = done.stream().mapToInt(w -> w.calls).sum();
            if (!timed || calls == 0) {
                return new Result(query, calls, 0, 0, 0, 0);
            }
            long[] sorted = new long[calls];
            long rows = 0;
            int at = 0;
            for (Worker w : done) {
                System.arraycopy(w.latencies, 0, sorted, at, w.calls);
                at += w.calls;
                rows += w.rows;
            }
            Arrays.sort(sorted);
            return new Result(
                    query,
                    calls,
                    rows / (double) calls,
                    Latency.percentile(sorted, 0.50) / 1e3,
                    Latency.percentile(sorted, 0.99) / 1e3,
                    calls / seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while looping " + query, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Looping " + query + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread's loop: users {@code first}, {@code first + step}, ... in turn, until a deadline. */
    private static final class Worker {
        private final int first;
        private final int step;
        private final Map<String, Object> params;
        private final QueryRunner runner;
        private long[] latencies = new long[1 << 16];
        private int calls;
        private long rows;

        Worker(int first, int step, Map<String, Object> params, QueryRunner runner) {
            this.first = first;
            this.step = step;
            this.params = params;
            this.runner = runner;
        }

        Worker run(String query, long[] users, long end) {
            int next = first % users.length;
            while (System.nanoTime() < end) {
                params.put("userId", users[next]);
                next = (next + step) % users.length;
                long t0 = System.nanoTime();
                rows += runner.run(query, params);
                if (calls == latencies.length) {
                    latencies = Arrays.copyOf(latencies, calls * 2);
                }
                latencies[calls++] = System.nanoTime() - t0;
            }
            return this;
        }
    }
}
