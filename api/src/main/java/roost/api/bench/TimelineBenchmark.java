package roost.api.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.api.timeline.MixOptions;
import roost.api.timeline.MixedTimeline;
import roost.api.timeline.TimelineService;
import roost.procedures.bench.Latency;
import roost.procedures.bench.Timing;

/**
 * Latency of the home timeline for sampled users: the mixed timeline (sources in parallel,
 * hydration, mixing) and, side by side in the same run, the chronological baseline; with each
 * source's own time as the mixed timeline reported it.
 */
public final class TimelineBenchmark {
    /** What to run. */
    public record Options(int users, int warmup, int threads, long seed, int limit) {}

    /** What was measured. */
    public record Report(
            int usersSampled,
            Latency mixed,
            Latency chronological,
            Map<String, double[]> sourceP50P99,
            Map<String, Integer> sourceFailures,
            double meanItems,
            double meanInNetworkShare) {
        public String toMarkdown() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "%d users who follow someone, %d items per page%n%n",
                    usersSampled,
                    Math.round(meanItems)));
            out.append("| request | p50 ms | p99 ms | requests/s (threads) |\n|---|---:|---:|---:|\n");
            row(out, "mixed timeline (all sources)", mixed);
            row(out, "chronological baseline", chronological);
            out.append(String.format(
                    Locale.ROOT,
                    "%nPer source, inside the mixed timeline (sources run in parallel; time from the request's start):%n%n"
                            + "| source | p50 ms | p99 ms | left out (timeout or error) |%n|---|---:|---:|---:|%n"));
            for (var e : sourceP50P99.entrySet()) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.2f | %d |%n",
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        sourceFailures.getOrDefault(e.getKey(), 0)));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%nMixed pages: %.1f items on average, %.0f%% in-network.%n",
                    meanItems,
                    100 * meanInNetworkShare));
            return out.toString();
        }

        private static void row(StringBuilder out, String name, Latency l) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.0f (%d) |%n",
                    name,
                    l.p50Micros() / 1e3,
                    l.p99Micros() / 1e3,
                    l.throughput(),
                    l.threads()));
        }
    }

    private TimelineBenchmark() {}

    public static Report run(GraphDatabaseService db, Options o) throws Exception {
        long[] users = sample(db, o.users(), o.seed());
        try (TimelineService timeline = new TimelineService(db)) {
            ConcurrentHashMap<String, ConcurrentLinkedQueue<Double>> sourceMillis = new ConcurrentHashMap<>();
            ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();
            double[] items = new double[3]; // items, in-network items, pages
            Object lock = new Object();
            Latency mixed = Timing.measure(users, o.warmup(), o.threads(), user -> {
                MixedTimeline page = timeline.mixed(user, o.limit(), MixOptions.DEFAULTS);
                for (MixedTimeline.SourceReport s : page.sources()) {
                    sourceMillis
                            .computeIfAbsent(s.name(), k -> new ConcurrentLinkedQueue<>())
                            .add(s.millis());
                    if (!s.status().equals("ok")) {
                        failures.merge(s.name(), 1, Integer::sum);
                    }
                }
                synchronized (lock) {
                    items[0] += page.items().size();
                    items[1] += page.items().stream().filter(i -> i.inNetwork()).count();
                    items[2]++;
                }
            });
            Latency chronological =
                    Timing.measure(users, o.warmup(), o.threads(), user -> timeline.chronological(user, o.limit()));
            Map<String, double[]> perSource = new LinkedHashMap<>();
            for (String name : timeline.sourceNames()) {
                ConcurrentLinkedQueue<Double> q = sourceMillis.get(name);
                if (q != null) {
                    double[] v =
                            q.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    perSource.put(name, new double[] {percentile(v, 0.5), percentile(v, 0.99)});
                }
            }
            return new Report(
                    users.length,
                    mixed,
                    chronological,
                    perSource,
                    Map.copyOf(failures),
                    items[2] == 0 ? 0 : items[0] / items[2],
                    items[0] == 0 ? 0 : items[1] / items[0]);
        }
    }

    private static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    /** Users who follow someone, seeded sample. */
    static long[] sample(GraphDatabaseService db, int n, long seed) {
        List<Long> ids = new ArrayList<>();
        db.executeTransactionally(
                "MATCH (u:User) WHERE EXISTS { (u)-[:FOLLOWS]->() } RETURN u.id AS id ORDER BY id", Map.of(), r -> {
                    r.forEachRemaining(row -> ids.add((Long) row.get("id")));
                    return null;
                });
        long[] all = ids.stream().mapToLong(Long::longValue).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = all.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, Math.min(n, all.length));
    }
}
