package roost.api.bench;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.api.communities.Communities;
import roost.importer.Progress;
import roost.procedures.communities.CommunityBatch;
import roost.procedures.communities.CommunityConfig;
import roost.procedures.communities.CommunityModel;
import roost.procedures.communities.PartitionAgreement;

/**
 * {@code ./roost bench communities}: runs the whole community batch once per algorithm on the
 * database (the last run stays written), prints quality (modularity, conductance, coverage, and
 * NMI/ARI of KnownFor against planted communities when a generator's ground truth is given) and
 * time by stage; then times live updates (an engagement and a follow applied to the model of the
 * last run) and {@code roost.communities.similarTweets} through Cypher, for sampled users.
 */
public final class CommunityBenchmark {
    /**
     * @param algorithms run in order; the last one's result stays in the graph
     * @param truth a generator's output directory ({@code truth-user-interests.csv}), or null
     * @param calls timed updates and similarTweets calls (each)
     * @param batch further config keys of {@code roost.communities.detect}
     */
    public record Options(List<String> algorithms, Path truth, int calls, long seed, Map<String, Object> batch) {}

    private final GraphDatabaseService db;
    private final Progress progress;

    public CommunityBenchmark(GraphDatabaseService db, Progress progress) {
        this.db = db;
        this.progress = progress;
    }

    public String run(Options o) {
        StringBuilder out = new StringBuilder();
        Long2IntOpenHashMap truth = o.truth() == null ? null : plantedCommunity(o.truth(), false);
        Long2IntOpenHashMap single = o.truth() == null ? null : plantedCommunity(o.truth(), true);
        out.append(String.format(
                Locale.ROOT,
                "| algorithm | communities | producers | known for | modularity | conductance | coverage | NMI | ARI"
                        + " | NMI, one-community producers | ARI, one-community producers | batch s | stages (ms) |%n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|%n"));
        CommunityBatch.Result last = null;
        for (String algorithm : o.algorithms()) {
            Map<String, Object> config = new LinkedHashMap<>(o.batch());
            config.put("algorithm", algorithm);
            CommunityBatch.Settings settings = CommunityConfig.detect("bench communities", config);
            long t0 = System.nanoTime();
            CommunityBatch.Result r = Communities.run(db, settings, progress);
            double seconds = (System.nanoTime() - t0) / 1e9;
            String agreement = "- | - | - | -";
            if (truth != null) {
                PartitionAgreement a = agreement(r.knownForByUser(), truth);
                PartitionAgreement b = agreement(r.knownForByUser(), single);
                agreement = String.format(
                        Locale.ROOT, "%.3f | %.3f | %.3f (%,d) | %.3f", a.nmi(), a.ari(), b.nmi(), b.items(), b.ari());
            }
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %,d | %.4f | %.4f | %.4f | %s | %.1f | %s |%n",
                    algorithm,
                    r.communities(),
                    r.producers(),
                    r.knownFor(),
                    r.modularity(),
                    r.conductance(),
                    r.coverage(),
                    agreement,
                    seconds,
                    r.millis()));
            out.append("\n").append(Communities.summary(r)).append("\n\n");
            last = r;
        }
        if (last != null && o.calls() > 0) {
            out.append(updates(last, o)).append(similar(o));
        }
        return out.toString();
    }

    /** KnownFor against each producer's strongest planted community, over producers known for one. */
    static PartitionAgreement agreement(Long2IntOpenHashMap knownFor, Long2IntOpenHashMap truth) {
        IntArrayList a = new IntArrayList();
        IntArrayList b = new IntArrayList();
        for (Long2IntOpenHashMap.Entry e : knownFor.long2IntEntrySet()) {
            if (truth.containsKey(e.getLongKey())) {
                a.add(e.getIntValue());
                b.add(truth.get(e.getLongKey()));
            }
        }
        return PartitionAgreement.of(a.toIntArray(), b.toIntArray());
    }

    /**
     * Each user's strongest planted community, from {@code truth-user-interests.csv}
     * (userId,community,weight); with {@code singleOnly}, only users planted in exactly one community.
     */
    static Long2IntOpenHashMap plantedCommunity(Path dir, boolean singleOnly) {
        Long2IntOpenHashMap best = new Long2IntOpenHashMap();
        Long2IntOpenHashMap count = new Long2IntOpenHashMap();
        Long2DoubleOpenHashMap weight = new Long2DoubleOpenHashMap();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("truth-user-interests.csv"))) {
            String line = in.readLine(); // header
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                long user = Long.parseLong(f[0]);
                int community = Integer.parseInt(f[1]);
                double w = Double.parseDouble(f[2]);
                count.addTo(user, 1);
                if (!weight.containsKey(user) || w > weight.get(user)) {
                    weight.put(user, w);
                    best.put(user, community);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (singleOnly) {
            best.keySet().removeIf(u -> count.get((long) u) != 1);
        }
        return best;
    }

    private String updates(CommunityBatch.Result r, Options o) {
        CommunityModel model = new CommunityModel();
        model.install(r);
        long[] users = ids("MATCH (u:User) WHERE u.interestedInNorm IS NOT NULL RETURN u.id AS id");
        LongArrayList tweets = new LongArrayList();
        LongArrayList authors = new LongArrayList();
        db.executeTransactionally(
                "MATCH (t:Tweet) WHERE t.communityTime IS NOT NULL RETURN t.id AS id, t.authorId AS a",
                Map.of(),
                res -> {
                    res.forEachRemaining(row -> {
                        tweets.add(((Number) row.get("id")).longValue());
                        authors.add(row.get("a") instanceof Number a ? a.longValue() : 0);
                    });
                    return null;
                });
        long[] producers = ids("MATCH (u:User)-[:KNOWN_FOR]->() RETURN u.id AS id");
        if (users.length == 0 || tweets.isEmpty() || producers.length == 0) {
            return "No users with interests, tweets with vectors or producers: no update timing.\n";
        }
        SplittableRandom rnd = new SplittableRandom(o.seed());
        long now = model.summary().stats().dataTime();
        long[] engage = new long[o.calls()];
        long[] follow = new long[o.calls()];
        for (int i = 0; i < o.calls() + 1000; i++) {
            int k = rnd.nextInt(tweets.size());
            long user = users[rnd.nextInt(users.length)];
            long t0 = System.nanoTime();
            model.engage(user, tweets.getLong(k), authors.getLong(k), "LIKED", now);
            long t1 = System.nanoTime();
            model.follow(user, producers[rnd.nextInt(producers.length)], true);
            long t2 = System.nanoTime();
            if (i >= 1000) {
                engage[i - 1000] = t1 - t0;
                follow[i - 1000] = t2 - t1;
            }
        }
        return String.format(
                Locale.ROOT,
                "Live updates applied to the model (%,d each, after 1,000 warm-up): engagement p50 %.1f us, p99 %.1f us;"
                        + " follow p50 %.1f us, p99 %.1f us%n",
                o.calls(),
                pct(engage, 0.5),
                pct(engage, 0.99),
                pct(follow, 0.5),
                pct(follow, 0.99));
    }

    private String similar(Options o) {
        long[] users = ids("MATCH (u:User) WHERE u.interestedInNorm IS NOT NULL RETURN u.id AS id");
        SplittableRandom rnd = new SplittableRandom(o.seed() + 1);
        long[] nanos = new long[o.calls()];
        long returned = 0;
        for (int i = 0; i < o.calls() + 200; i++) {
            long user = users[rnd.nextInt(users.length)];
            long t0 = System.nanoTime();
            long n = db.executeTransactionally(
                    "CALL roost.communities.similarTweets($u, {limit: 100}) YIELD tweetId RETURN count(*) AS n",
                    Map.of("u", user),
                    res -> ((Number) res.next().get("n")).longValue());
            long t = System.nanoTime() - t0;
            if (i >= 200) {
                nanos[i - 200] = t;
                returned += n;
            }
        }
        return String.format(
                Locale.ROOT,
                "roost.communities.similarTweets through Cypher (%,d calls after 200 warm-up, limit 100, %.1f tweets per"
                        + " call): p50 %.2f ms, p99 %.2f ms%n",
                o.calls(),
                (double) returned / o.calls(),
                pct(nanos, 0.5) / 1000,
                pct(nanos, 0.99) / 1000);
    }

    private long[] ids(String query) {
        return db.executeTransactionally(query, Map.of(), res -> {
            LongArrayList out = new LongArrayList();
            res.forEachRemaining(row -> out.add(((Number) row.get("id")).longValue()));
            return out.toLongArray();
        });
    }

    /** Percentile in microseconds. */
    private static double pct(long[] nanos, double q) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[(int) Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] / 1e3;
    }
}
