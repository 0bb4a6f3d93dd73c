package roost.procedures.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import roost.procedures.graph.EdgeBuffer;
import roost.procedures.graph.EngagementCursor;
import roost.procedures.graph.EngagementGraph;
import roost.procedures.graph.EngagementSnapshot;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.FollowGraph;
import roost.procedures.graph.FollowSet;
import roost.procedures.graph.FollowSnapshot;
import roost.procedures.network.EngagedByFollowings;
import roost.procedures.salsa.TweetSalsa;
import roost.procedures.viewer.Viewer;
import roost.procedures.walk.Guard;
import roost.procedures.walk.Salsa;

/**
 * The live graph alone, without Neo4j: ingest straight into the index (edges/s, memory per edge)
 * and the algorithms' latency on it. Shows what the data structures cost, apart from Cypher and
 * transactions ({@link GraphBench} measures those).
 */
public final class IndexBench {
    /**
     * @param graph the synthetic graph to load
     * @param window the engagement window (data time)
     * @param publishEvery edges between publications while ingesting (the live writer publishes
     *     every 100 ms, so at 1M edges/s this is 100,000)
     * @param requests users timed per algorithm
     * @param threads threads for throughput
     */
    public record Params(
            SyntheticGraph graph, Duration window, Duration segmentSpan, int publishEvery, int requests, int threads) {}

    /** What was measured. */
    public record Report(
            long edges,
            long keptEdges,
            double ingestSeconds,
            double edgesPerSecond,
            double ingestCpuSeconds,
            long folds,
            double foldCpuSeconds,
            long engagementBytes,
            double bytesPerEdge,
            int segments,
            long follows,
            long followBytes,
            double followBytesPerEdge,
            Latency counting,
            Latency salsa) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "ingest: %,d edges in %.2f s = %,.0f edges/s straight into the index (%,d kept in the window);"
                            + " CPU time of the ingesting thread %.2f s = %,.0f edges per CPU-second;"
                            + " %d folds into the history beside it, %.2f CPU-seconds%n"
                            + "engagement graph: %,d bytes = %.1f bytes/edge in %d segments%n"
                            + "follow graph: %,d edges, %,d bytes = %.1f bytes/edge%n"
                            + "engagedByFollowings (counting, uniform weights): %s%n"
                            + "SALSA tweets (1000 walks, length 5): %s",
                    edges,
                    ingestSeconds,
                    edgesPerSecond,
                    keptEdges,
                    ingestCpuSeconds,
                    edges / ingestCpuSeconds,
                    folds,
                    foldCpuSeconds,
                    engagementBytes,
                    bytesPerEdge,
                    segments,
                    follows,
                    followBytes,
                    followBytesPerEdge,
                    counting,
                    salsa);
        }
    }

    private IndexBench() {}

    public static Report run(Params p) throws Exception {
        // Folds into the history run beside the ingesting thread, as in the live graph; their CPU
        // time is reported apart.
        long[] foldCpu = {0};
        java.util.concurrent.ExecutorService folder = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "index-bench-fold");
            t.setDaemon(true);
            return t;
        });
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.Executor timedFolds = task -> folder.execute(() -> {
            long c = threads.getCurrentThreadCpuTime();
            task.run();
            foldCpu[0] += threads.getCurrentThreadCpuTime() - c;
        });
        EngagementGraph engagements = new EngagementGraph(
                new EngagementGraph.Settings(
                        p.window(), p.segmentSpan(), EngagementGraph.Settings.DEFAULT.smallSegmentEdges()),
                timedFolds);
        // The stream is generated first, so that only the index is timed.
        EdgeBuffer stream =
                new EdgeBuffer((int) Math.min(Integer.MAX_VALUE - 8, p.graph().engagements()));
        p.graph().engagements(stream::add);
        long[] count = {stream.size()};
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < stream.size(); i++) {
            engagements.add(stream.user(i), stream.tweet(i), stream.author(i), stream.type(i), stream.time(i));
            if ((i + 1) % p.publishEvery() == 0) {
                engagements.publish();
            }
        }
        engagements.publish();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        stream = null;
        // The last folds, then the state readers see.
        engagements.settleFolds();
        folder.shutdown();
        folder.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        double foldSeconds = foldCpu[0] / 1e9;

        FollowGraph follows = new FollowGraph();
        it.unimi.dsi.fastutil.longs.LongArrayList a = new it.unimi.dsi.fastutil.longs.LongArrayList();
        it.unimi.dsi.fastutil.longs.LongArrayList b = new it.unimi.dsi.fastutil.longs.LongArrayList();
        p.graph().follows((x, y) -> {
            a.add(x);
            b.add(y);
        });
        follows.load(a.elements(), b.elements(), a.size());
        EngagementSnapshot e = engagements.snapshot();
        FollowSnapshot f = follows.snapshot();

        long[] users = new long[p.requests()];
        SplittableRandom rnd = new SplittableRandom(p.graph().seed() + 1);
        for (int i = 0; i < users.length; i++) {
            users[i] = 1 + rnd.nextInt(p.graph().users());
        }
        EngagedByFollowings.Params counting =
                new EngagedByFollowings.Params(500, EngagementTypes.ALL, 1, 10, 200, true);
        // As roost.network.engagedByFollowings does: one counting state per thread, kept between calls.
        ThreadLocal<EngagedByFollowings> countings = ThreadLocal.withInitial(EngagedByFollowings::new);
        ThreadLocal<EngagementCursor> cursors = ThreadLocal.withInitial(e::cursor);
        Latency countingLatency = Timing.measure(users, 200, p.threads(), user -> {
            FollowSet set = FollowSet.of(user, f, FollowSet.Weigher.UNIFORM, 1000);
            countings.get().run(cursors.get().reset(e), set, Viewer.of(user), counting, Guard.NONE);
        });
        Latency salsaLatency = Timing.measure(users, 200, p.threads(), user -> {
            FollowSet set = FollowSet.of(user, f, FollowSet.Weigher.UNIFORM, 1000);
            TweetSalsa.Params params = new TweetSalsa.Params(
                    new Salsa.Params(1000, 5, 0.3, user), 0.2, EngagementTypes.ALL, 100, 0, 10, 1000, true);
            new TweetSalsa(e.cursor(), EngagementTypes.ALL).run(Viewer.of(user), set, params, Guard.NONE);
        });
        long kept = e.edgeCount();
        return new Report(
                count[0],
                kept,
                seconds,
                count[0] / seconds,
                cpuSeconds,
                e.counters().folds(),
                foldSeconds,
                e.bytes(),
                (double) e.bytes() / Math.max(1, kept),
                e.segmentCount(),
                f.edgeCount(),
                f.bytes(),
                (double) f.bytes() / Math.max(1, f.edgeCount()),
                countingLatency,
                salsaLatency);
    }

    /**
     * {@code java -cp ... roost.procedures.bench.IndexBench [users] [engagements] [followsPerUser]}:
     * defaults 1,000,000 users, 10,000,000 engagements over 48 h, 50 follows per user.
     */
    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long edges = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        int follows = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Duration span = args.length > 3 ? Duration.parse(args[3]) : Duration.ofHours(12);
        SyntheticGraph graph = new SyntheticGraph(
                users,
                follows,
                edges,
                0.3,
                1_341_100_800_000L,
                Duration.ofHours(48).toMillis(),
                42);
        System.out.println(run(new Params(graph, Duration.ofHours(48), span, 100_000, 1000, 2)));
    }
}
