package roost.procedures.earlybird;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import roost.model.Props;
import roost.procedures.bench.Latency;
import roost.retrieval.earlybird.TweetDoc;
import roost.retrieval.earlybird.TweetIndex;

/**
 * The Earlybird benchmark, on the database it is given (entry point of {@code ./roost bench
 * earlybird}): in-network top-K latency through Cypher ({@code CALL roost.earlybird.inNetwork})
 * side by side with the plain Cypher query, for viewers following {@code followees} accounts;
 * bulk indexing throughput into a fresh index; freshness (commit to searchable); index bytes per
 * tweet. Prints what it measured.
 *
 * <p>It writes to the database: {@code viewers} users marked {@code benchViewer: true} with their
 * follows (created once, reused), and probe tweets for freshness (deleted afterwards).
 */
public final class EarlybirdBench {
    static final String CYPHER_WAY = "MATCH (me:User {id: $id})-[:FOLLOWS]->(a:User)-[:POSTED]->(t:Tweet)"
            + " WHERE t.createdAt > $since RETURN t.id AS id ORDER BY t.createdAt DESC LIMIT $limit";

    /**
     * @param viewers bench viewers
     * @param followees accounts each follows
     * @param requests timed requests per way
     * @param warmup untimed requests per way first
     * @param limit K
     * @param freshnessWrites probe tweets for freshness
     * @param bulkTweets tweets for the bulk-indexing run (0 = skip; -1 = all in the graph)
     * @param bulkThreads indexing threads in the bulk run
     * @param seed sampling seed
     */
    public record Options(
            int viewers,
            int followees,
            int requests,
            int warmup,
            int limit,
            int freshnessWrites,
            long bulkTweets,
            int bulkThreads,
            long seed) {
        public static final Options DEFAULT = new Options(50, 1000, 500, 100, 600, 200, -1, 2, 42);
    }

    /** One way of answering in-network. */
    public record Way(String name, Latency latency, double meanResults) {}

    public record Report(
            long graphTweets,
            Map<String, Object> indexStats,
            long openMillis,
            List<Way> ways,
            Map<String, Object> sampleStats,
            BulkRun bulkWarmup,
            BulkRun bulk,
            double bulkReadSeconds,
            Latency freshness,
            int cores) {
        public String toMarkdown() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(
                    Locale.ROOT,
                    "Graph: %,d tweets. Earlybird index: %s tweets (retention window), %s bytes on disk,"
                            + " %.1f bytes/tweet; opened in %,d ms (%s). %d cores.%n%n",
                    graphTweets,
                    indexStats.get("tweets"),
                    indexStats.get("bytesOnDisk"),
                    ((Number) indexStats.get("bytesPerTweet")).doubleValue(),
                    openMillis,
                    indexStats.get("startAction"),
                    cores));
            b.append("| in-network top-K | p50 ms | p99 ms | CPU p50 ms | mean results | p50 ratio | p99 ratio |\n");
            b.append("|---|---:|---:|---:|---:|---:|---:|\n");
            Way cypher = ways.get(ways.size() - 1);
            for (Way w : ways) {
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.2f | %.2f | %.0f | %.1fx | %.1fx |%n",
                        w.name,
                        w.latency.p50Micros() / 1e3,
                        w.latency.p99Micros() / 1e3,
                        w.latency.cpuP50Micros() / 1e3,
                        w.meanResults,
                        cypher.latency.p50Micros() / w.latency.p50Micros(),
                        cypher.latency.p99Micros() / w.latency.p99Micros()));
            }
            b.append("\nOne in-network call's stats: ").append(sampleStats).append("\n\n");
            if (bulk != null) {
                b.append(String.format(
                        Locale.ROOT,
                        "Bulk indexing (one bulk load: periodic refresh suspended, larger RAM buffer, %d threads):"
                                + " %s; reading the tweets from the graph first took %.1f s, not counted.%n",
                        bulk.threads,
                        bulk.describe(true),
                        bulkReadSeconds));
                b.append(String.format(
                        Locale.ROOT,
                        "The untimed warm-up load before it, the first in this JVM (cold JIT): %s.%n",
                        bulkWarmup.describe(false)));
            }
            if (freshness != null) {
                b.append(String.format(
                        Locale.ROOT,
                        "Freshness (commit returned -> found by roost.search.tweets, polled every 1 ms): p50 %.1f ms,"
                                + " p99 %.1f ms, max %.1f ms over %d tweets.%n",
                        freshness.p50Micros() / 1e3,
                        freshness.p99Micros() / 1e3,
                        freshness.maxMicros() / 1e3,
                        freshness.requests()));
            }
            return b.toString();
        }
    }

    private EarlybirdBench() {}

    public static Report run(GraphDatabaseService db, Options o, Path workDir) throws Exception {
        long graphTweets = single(db, "MATCH (t:Tweet) RETURN count(t) AS n", Map.of());
        long t0 = System.nanoTime();
        Map<String, Object> stats =
                rows(db, "CALL roost.earlybird.stats()", Map.of()).get(0);
        long openMillis = (System.nanoTime() - t0) / 1_000_000;
        long newest = ((Number) stats.get("newestCreatedAt")).longValue();
        long since = newest - Duration.ofHours(24).toMillis();

        List<Long> viewers = benchViewers(db, o, since);
        List<Way> ways = new ArrayList<>();
        String ib = "CALL roost.earlybird.inNetwork($id, $config) YIELD tweetId RETURN count(*) AS n";
        Map<String, Object> recent = Map.of("limit", o.limit(), "weights", "recent");
        Map<String, Object> realgraph = Map.of("limit", o.limit(), "weights", "realgraph");
        // Warm the live graph (RealGraph weights need it) before timing.
        rows(db, ib, Map.of("id", viewers.get(0), "config", realgraph));
        ways.add(time(
                db,
                "Earlybird, follow set by recency (`weights: 'recent'`)",
                ib,
                viewers,
                o,
                id -> Map.of("id", id, "config", recent)));
        ways.add(time(
                db,
                "Earlybird, follow set by RealGraph (default)",
                ib,
                viewers,
                o,
                id -> Map.of("id", id, "config", realgraph)));
        ways.add(time(
                db,
                "plain Cypher (`MATCH (me)-[:FOLLOWS]->(a)-[:POSTED]->(t) WHERE t.createdAt > $since ... LIMIT 600`)",
                "CALL { " + CYPHER_WAY + " } RETURN count(*) AS n",
                viewers,
                o,
                id -> Map.of("id", id, "since", since, "limit", o.limit())));
        Map<String, Object> sample = rows(
                        db,
                        "CALL roost.earlybird.inNetwork.stats($id, $config)",
                        Map.of("id", viewers.get(0), "config", realgraph))
                .get(0);

        BulkRun bulkWarmup = null;
        BulkRun bulk = null;
        double bulkRead = 0;
        if (o.bulkTweets() != 0) {
            long r0 = System.nanoTime();
            List<TweetDoc> docs = readTweets(db, o.bulkTweets() < 0 ? Long.MAX_VALUE : o.bulkTweets());
            bulkRead = (System.nanoTime() - r0) / 1e9;
            Path dir = workDir.resolve("bulk-index");
            // Warm-up as for the requests: the first load in a JVM runs largely in the interpreter
            // and C1 and pays the JIT compiler's threads; it is reported, not taken as the figure.
            bulkWarmup = bulkLoad(docs.subList(0, Math.min(docs.size(), BULK_WARMUP_TWEETS)), o.bulkThreads(), dir);
            bulk = bulkLoad(docs, o.bulkThreads(), dir);
            docs = null;
        }

        Latency freshness = o.freshnessWrites() > 0 ? freshness(db, o, newest) : null;
        stats = rows(db, "CALL roost.earlybird.stats()", Map.of()).get(0);
        return new Report(
                graphTweets,
                stats,
                openMillis,
                ways,
                sample,
                bulkWarmup,
                bulk,
                bulkRead,
                freshness,
                Runtime.getRuntime().availableProcessors());
    }

    private static Way time(
            GraphDatabaseService db,
            String name,
            String query,
            List<Long> viewers,
            Options o,
            java.util.function.LongFunction<Map<String, Object>> params) {
        for (int i = 0; i < o.warmup(); i++) {
            single(db, query, params.apply(viewers.get(i % viewers.size())));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] wall = new long[o.requests()];
        long[] cpu = new long[o.requests()];
        long results = 0;
        long start = System.nanoTime();
        for (int i = 0; i < o.requests(); i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            results += single(db, query, params.apply(viewers.get(i % viewers.size())));
            wall[i] = System.nanoTime() - w0;
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Way(name, Latency.of(wall, cpu, o.requests() / seconds, 1), (double) results / o.requests());
    }

    /** Bench viewers, each following {@code followees} accounts that posted in the last 24 h; created once. */
    private static List<Long> benchViewers(GraphDatabaseService db, Options o, long since) {
        List<Long> existing = new ArrayList<>();
        rows(
                        db,
                        "MATCH (u:User {benchViewer: true}) WHERE COUNT { (u)-[:FOLLOWS]->() } = $n RETURN u.id AS id"
                                + " ORDER BY id",
                        Map.of("n", o.followees()))
                .forEach(m -> existing.add((Long) m.get("id")));
        if (existing.size() >= o.viewers()) {
            return existing.subList(0, o.viewers());
        }
        List<Long> authors = new ArrayList<>();
        rows(
                        db,
                        "MATCH (t:Tweet) WHERE t.createdAt >= $since RETURN DISTINCT t.authorId AS a ORDER BY a",
                        Map.of("since", since))
                .forEach(m -> authors.add((Long) m.get("a")));
        if (authors.size() < o.followees()) {
            throw new IllegalStateException(
                    "only " + authors.size() + " accounts posted in the last 24 h; need " + o.followees());
        }
        long maxId = single(db, "MATCH (u:User) RETURN max(u.id) AS n", Map.of());
        Random r = new Random(o.seed());
        List<Long> ids = new ArrayList<>(existing);
        for (int v = existing.size(); v < o.viewers(); v++) {
            Collections.shuffle(authors, r);
            long id = maxId + 1 + v;
            db.executeTransactionally(
                    "CREATE (me:User {id: $id, handle: 'bench_viewer_' + $id, createdAt: $at, verified: false,"
                            + " benchViewer: true}) WITH me UNWIND $follow AS a MATCH (u:User {id: a})"
                            + " CREATE (me)-[:FOLLOWS {createdAt: $at}]->(u)",
                    Map.of("id", id, "at", since, "follow", List.copyOf(authors.subList(0, o.followees()))));
            ids.add(id);
        }
        return ids;
    }

    /** Commit-to-searchable: probe tweets written one at a time, each searched for until found. */
    private static Latency freshness(GraphDatabaseService db, Options o, long newest) throws InterruptedException {
        long author = single(db, "MATCH (u:User) RETURN min(u.id) AS n", Map.of());
        long[] nanos = new long[o.freshnessWrites()];
        long maxId = single(db, "MATCH (t:Tweet) RETURN max(t.id) AS n", Map.of());
        try {
            for (int i = 0; i < nanos.length; i++) {
                String token = "freshprobe" + i + "x" + Long.toString(System.nanoTime(), 36);
                db.executeTransactionally(
                        "MATCH (a:User {id: $author}) CREATE (a)-[:POSTED {createdAt: $at}]->(:Tweet {id: $id,"
                                + " authorId: $author, createdAt: $at, text: $text, lang: 'en', freshProbe: true})",
                        Map.of("author", author, "at", newest, "id", maxId + 1 + i, "text", token));
                long w0 = System.nanoTime();
                while (single(db, "CALL roost.search.tweets($q) YIELD tweetId RETURN count(*) AS n", Map.of("q", token))
                        == 0) {
                    if (System.nanoTime() - w0 > 10_000_000_000L) {
                        throw new IllegalStateException("probe tweet not searchable after 10 s");
                    }
                    Thread.sleep(1);
                }
                nanos[i] = System.nanoTime() - w0;
            }
        } finally {
            db.executeTransactionally("MATCH (t:Tweet {freshProbe: true}) DETACH DELETE t");
        }
        return Latency.of(nanos, nanos.clone(), 0, 1);
    }

    private static List<TweetDoc> readTweets(GraphDatabaseService db, long max) {
        List<TweetDoc> out = new ArrayList<>();
        Map<Long, Long> followers = new HashMap<>();
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("MATCH (t:Tweet) RETURN t LIMIT $max", Map.of("max", max))) {
            while (r.hasNext()) {
                Node t = (Node) r.next().get("t");
                Long author = TweetReader.longProp(t, Props.AUTHOR_ID);
                TweetDoc d = TweetReader.read(
                        t, author == null ? 0 : followers.computeIfAbsent(author, a -> TweetReader.followers(tx, a)));
                if (d != null) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** Tweets of the untimed warm-up load before the timed one. */
    static final int BULK_WARMUP_TWEETS = 200_000;

    /**
     * One bulk load into a fresh index, timed from the first write until the load is searchable
     * and committed.
     *
     * @param threadCpuSeconds CPU of the loading threads and of the final flush and commit
     * @param processCpuSeconds CPU of the whole process meanwhile: merges, JIT, GC included
     */
    public record BulkRun(
            long tweets,
            int threads,
            double seconds,
            double threadCpuSeconds,
            double processCpuSeconds,
            int segments,
            double bytesPerTweet) {
        String describe(boolean bold) {
            return String.format(
                    Locale.ROOT,
                    "%,d tweets in %.1f s = %s%,.0f tweets/s%s wall, up to searchable and committed; the loading"
                            + " threads and the final flush and commit used %.1f CPU-s (%,.0f tweets per CPU-second),"
                            + " the whole process %.1f CPU-s (%,.0f tweets per CPU-second); %d segments, %.1f"
                            + " bytes/tweet on disk",
                    tweets,
                    seconds,
                    bold ? "**" : "",
                    tweets / Math.max(1e-9, seconds),
                    bold ? "**" : "",
                    threadCpuSeconds,
                    tweets / Math.max(1e-9, threadCpuSeconds),
                    processCpuSeconds,
                    tweets / Math.max(1e-9, processCpuSeconds),
                    segments,
                    bytesPerTweet);
        }
    }

    private static BulkRun bulkLoad(List<TweetDoc> docs, int threads, Path dir) throws InterruptedException {
        deleteTree(dir);
        TweetIndex.Settings s = TweetIndex.Settings.DEFAULT.withRetention(Duration.ofDays(36_500));
        BulkRun run;
        try (TweetIndex index = TweetIndex.open(dir, s)) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long p0 = processCpuNanos();
            long b0 = System.nanoTime();
            AtomicLong cpu = new AtomicLong();
            try (TweetIndex.BulkLoad bulk = index.beginBulkLoad()) {
                List<Thread> loaders = new ArrayList<>();
                int per = (docs.size() + threads - 1) / threads;
                for (int k = 0; k < threads; k++) {
                    List<TweetDoc> part =
                            docs.subList(Math.min(docs.size(), k * per), Math.min(docs.size(), (k + 1) * per));
                    Thread th = new Thread(() -> {
                        long c0 = mx.getCurrentThreadCpuTime();
                        for (int i = 0; i < part.size(); i += 10_000) {
                            index.addAll(part.subList(i, Math.min(part.size(), i + 10_000)));
                        }
                        bulk.flushInThisThread();
                        cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                    });
                    th.start();
                    loaders.add(th);
                }
                for (Thread th : loaders) {
                    th.join();
                }
                long c1 = mx.getCurrentThreadCpuTime();
                // Closing flushes what is left and makes the load searchable: part of the load.
                bulk.close();
                index.commit(Map.of());
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - c1);
            }
            double seconds = (System.nanoTime() - b0) / 1e9;
            run = new BulkRun(
                    docs.size(),
                    threads,
                    seconds,
                    cpu.get() / 1e9,
                    (processCpuNanos() - p0) / 1e9,
                    index.search(x -> x.getIndexReader().leaves().size()),
                    (double) index.bytesOnDisk() / Math.max(1, docs.size()));
        }
        deleteTree(dir);
        return run;
    }

    /** CPU time of the whole process (all threads), or 0 where the JVM does not report it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static long single(GraphDatabaseService db, String q, Map<String, Object> params) {
        return db.executeTransactionally(q, params, r -> {
            Object v = r.next().get("n");
            return v == null ? 0L : ((Number) v).longValue();
        });
    }

    private static List<Map<String, Object>> rows(GraphDatabaseService db, String q, Map<String, Object> params) {
        return db.executeTransactionally(q, params, r -> {
            List<Map<String, Object>> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        });
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
